-- The level of a finished check was written to chat.urgency but never read: the answers beside it
-- already give it, and a copy was health data kept for nothing (and worked out at every save).
ALTER TABLE chat DROP COLUMN urgency;
