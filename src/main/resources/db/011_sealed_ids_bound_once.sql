-- Whether the sealed chat ids written before ids were bound to their row (release 2's) have been bound:
-- done once, at the first start with the secret. From then on an unbound sealed id is never bound, so one
-- planted later (say, copied from an old backup into another chat's row) does not open there.
ALTER TABLE key_check ADD COLUMN ids_bound INTEGER NOT NULL DEFAULT 0;
