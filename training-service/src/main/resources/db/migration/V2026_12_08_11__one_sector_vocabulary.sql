-- One sector vocabulary for the suite (hub.reference.sectors, platform Sectors): training's VOLUNTARY_COMMUNITY is
-- the Home Office's COMMUNITY, the code referrals always had. CRIMINAL_JUSTICE (prisons and probation together) is
-- no longer given to new records; the records made with it keep it, since which of the two each was cannot be told
-- from them (README, "Decisions"). Reporting reads earlier events the same way (contracts SectorCodes).
UPDATE training_session SET audience_sector = 'COMMUNITY' WHERE audience_sector = 'VOLUNTARY_COMMUNITY';
UPDATE booking SET sector = 'COMMUNITY' WHERE sector = 'VOLUNTARY_COMMUNITY';
UPDATE attendance SET sector = 'COMMUNITY' WHERE sector = 'VOLUNTARY_COMMUNITY';
UPDATE completion_record SET sector = 'COMMUNITY' WHERE sector = 'VOLUNTARY_COMMUNITY';
-- A council's code mapped to the old code now maps to the new one. One mapped to CRIMINAL_JUSTICE is left as it is:
-- its records are rejected ("mapped to a code this service does not know") until the Prevent team maps it to
-- PRISONS or PROBATION.
UPDATE feed_code_mapping SET internal_code = 'COMMUNITY', updated_by = 'migration', updated_at = now()
WHERE kind = 'sector' AND internal_code = 'VOLUNTARY_COMMUNITY';
