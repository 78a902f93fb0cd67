-- The day of a referral's latest step (as entered, so backdated steps count on their day): an open referral with
-- no step for a while has stalled, and one that never closes never starts its retention clock, so the Prevent
-- lead gets a list of them (GET /referrals/stalled).
ALTER TABLE referral ADD COLUMN last_step_on date;
UPDATE referral r SET last_step_on = greatest(r.received_on, r.screened_on, r.discussed_at_panel_on, r.consent_on,
    r.support_started_on, r.exited_on, r.closed_on,
    (SELECT max(p.agreed_on) FROM support_plan_revision p WHERE p.referral_id = r.id));
ALTER TABLE referral ALTER COLUMN last_step_on SET NOT NULL;
CREATE INDEX referral_stalled ON referral (last_step_on)
    WHERE status IN ('RECEIVED', 'IN_SCREENING', 'LISTED_FOR_PANEL', 'ADOPTED', 'CONSENT_GIVEN', 'IN_SUPPORT');
