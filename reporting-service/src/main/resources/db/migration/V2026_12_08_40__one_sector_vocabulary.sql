-- Sectors are one vocabulary for the suite (hub.reference.sectors): training's VOLUNTARY_COMMUNITY is now
-- COMMUNITY, the Home Office's code that referrals always had, so a breakdown by sector has one key for it.
-- CRIMINAL_JUSTICE (prisons and probation together) stays on the facts that have it: which of the two each was
-- cannot be told. The projector reads earlier events the same way (contracts SectorCodes), so a rebuild agrees.
-- Codes are up to 40 characters, as the services hold them.
DO $$
DECLARE
    s text;
BEGIN
    FOREACH s IN ARRAY ARRAY['projection_a', 'projection_b'] LOOP
        EXECUTE format('UPDATE %I.session_fact SET audience_sector = ''COMMUNITY'' WHERE audience_sector = ''VOLUNTARY_COMMUNITY''', s);
        EXECUTE format('UPDATE %I.booking_fact SET sector = ''COMMUNITY'' WHERE sector = ''VOLUNTARY_COMMUNITY''', s);
        EXECUTE format('UPDATE %I.attendance_fact SET sector = ''COMMUNITY'' WHERE sector = ''VOLUNTARY_COMMUNITY''', s);
        EXECUTE format('UPDATE %I.completion_fact SET sector = ''COMMUNITY'' WHERE sector = ''VOLUNTARY_COMMUNITY''', s);
        EXECUTE format('UPDATE %I.evaluation_fact SET sector = ''COMMUNITY'' WHERE sector = ''VOLUNTARY_COMMUNITY''', s);
        EXECUTE format('ALTER TABLE %I.referral_fact ALTER COLUMN referrer_sector TYPE varchar(40)', s);
    END LOOP;
END;
$$;
