-- Reserved for a migration of this release that is merged separately; the numbers run without gaps.
SELECT 1;
