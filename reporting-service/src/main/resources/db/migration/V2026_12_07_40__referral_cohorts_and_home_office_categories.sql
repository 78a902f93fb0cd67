-- Figures about people referred count the referrals received in a period, by what has happened to them since (the
-- Home Office's way: "of the referrals in the year, those discussed at a panel, those adopted"): one population for
-- every stage, so the stages add up to the referrals received, and disclosure control protects them together.
-- Exits and overdue reviews keep their own dates; beyond the Prevent lead they are not released (README).
UPDATE indicator SET date_column = 'received_on',
    description = 'Of the referrals received in the period, those screened out at police screening (no further action or signposted to other services).'
WHERE id = 'referrals.screened-out';
UPDATE indicator SET date_column = 'received_on', filters = '{"discussed_at_panel_on": "<known>"}',
    description = 'Of the referrals received in the period, those discussed at a Channel panel (so far).'
WHERE id = 'referrals.discussed-at-panel';
UPDATE indicator SET date_column = 'received_on',
    description = 'Of the referrals received in the period, those adopted as Channel cases (so far).'
WHERE id = 'referrals.adopted';
UPDATE indicator SET description = 'Referrals to Prevent received in the period.' WHERE id = 'referrals.received';

-- Breakdowns in the Home Office's categories too, and the cross-tabulations the statistics release publishes
-- (a breakdown "a,b" is a cross-tabulation of a by b).
UPDATE indicator SET breakdowns = '{concern_type,referrer_sector,age_band,gender,area,ho_concern_type,ho_age_band,concern_type\,age_band,concern_type\,gender,concern_type\,area,concern_type\,referrer_sector,ho_concern_type\,ho_age_band,ho_concern_type\,gender,ho_concern_type\,referrer_sector}'
WHERE id IN ('referrals.received', 'referrals.screened-out', 'referrals.discussed-at-panel', 'referrals.adopted');
UPDATE indicator SET breakdowns = '{course,mode,area,audience_sector,course\,mode,course\,area}'
WHERE id = 'training.sessions-delivered';
UPDATE indicator SET breakdowns = '{course,mode,area,sector,source,course\,mode,course\,area}'
WHERE id = 'training.people-trained';

-- The Home Office's categories of each referral, as the referral service sends them (its events carry them since
-- this version); rows projected before are given them here from the local codes they hold.
DO $do$
DECLARE
    s text;
BEGIN
    FOREACH s IN ARRAY ARRAY['projection_a', 'projection_b'] LOOP
        EXECUTE format('ALTER TABLE %I.referral_fact ADD COLUMN ho_concern_type varchar(60), ADD COLUMN ho_age_band varchar(20)', s);
        EXECUTE format($u$UPDATE %I.referral_fact SET
            ho_concern_type = CASE concern_types[1]
                WHEN 'ISLAMIST' THEN 'ISLAMIST' WHEN 'EXTREME_RIGHT_WING' THEN 'EXTREME_RIGHT_WING'
                WHEN 'MIXED_UNCLEAR_UNSTABLE' THEN 'MIXED_UNCLEAR_UNSTABLE'
                WHEN 'NO_IDEOLOGY' THEN 'VULNERABILITY_NO_IDEOLOGY' WHEN NULL THEN NULL ELSE 'OTHER' END,
            ho_age_band = CASE age_band WHEN '15-17' THEN '15-20' WHEN '18-20' THEN '15-20' WHEN '61-plus' THEN '61-plus'
                ELSE age_band END$u$, s);
    END LOOP;
END
$do$;
