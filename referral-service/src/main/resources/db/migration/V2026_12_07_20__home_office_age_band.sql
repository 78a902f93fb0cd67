-- The age band in the Home Office's scheme too, made at intake from the date of birth like the local one, so the
-- events can carry both and no age or date of birth ever leaves the service. Referrals made before are given it
-- from their local band, which nests in it.
ALTER TABLE referral ADD COLUMN ho_age_band varchar(20);
UPDATE referral SET ho_age_band = CASE age_band WHEN '15-17' THEN '15-20' WHEN '18-20' THEN '15-20' ELSE age_band END;
ALTER TABLE referral ALTER COLUMN ho_age_band SET NOT NULL;
