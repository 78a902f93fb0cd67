-- Sectors are one vocabulary for the suite (hub.reference.sectors): codes of up to 40 characters. The referral's
-- codes are the Home Office's, which the vocabulary keeps as they are, so no row changes.
ALTER TABLE referral ALTER COLUMN referrer_sector TYPE varchar(40);
