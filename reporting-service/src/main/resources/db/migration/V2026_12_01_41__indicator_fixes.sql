-- Every indicator over referral_fact counts people referred: the flag follows the fact, whatever was stored.
UPDATE indicator SET about_people_referred = true WHERE fact = 'referral_fact';

-- Overdue reviews: exited cases whose 6- or 12-month review is due and not recorded; "<period-end" means before
-- the end of the period or today, whichever is earlier.
UPDATE indicator SET filters = '{"stage": "EXITED", "reviews_done": [0, 1], "next_review_due": "<period-end"}',
    description = 'Exited Channel cases whose 6- or 12-month review fell due before the end of the period (or before today, for a period not over yet) and is not recorded.'
WHERE id = 'referrals.overdue-reviews';

UPDATE indicator SET breakdowns = '{concern_type,referrer_sector,age_band,gender,area,exit_outcome}'
WHERE id = 'referrals.exited';

-- Engagement events are tagged with the priority they serve: each priority counts its own.
UPDATE indicator SET filters = '{"status": "HELD", "priority": "COMMUNITY_ENGAGEMENT"}',
    breakdowns = '{type,area,audience,mode}'
WHERE id IN ('engagement.events-held', 'engagement.attendance');

INSERT INTO indicator (id, name, priority, description, fact, date_column, measure, filters, unit, direction,
                       breakdowns, about_people_referred, display_order) VALUES
  ('governance.events-held', 'Governance meetings and partnership events held', 'LEADERSHIP_GOVERNANCE',
   'Strategy group meetings, briefings and partnership events held, by their first day.', 'engagement_event_fact',
   'first_on', 'count', '{"status": "HELD", "priority": "LEADERSHIP_GOVERNANCE"}', 'events', 'UP',
   '{type,area,audience,mode}', false, 20),
  ('awareness.events-held', 'Awareness events held', 'AWARENESS_LEARNING',
   'Conferences and awareness events held (training sessions are counted separately).', 'engagement_event_fact',
   'first_on', 'count', '{"status": "HELD", "priority": "AWARENESS_LEARNING"}', 'events', 'UP',
   '{type,area,audience,mode}', false, 50),
  ('awareness.attendance', 'People at awareness events', 'AWARENESS_LEARNING',
   'Recorded attendance of awareness events held.', 'engagement_event_fact', 'first_on', 'sum:attendance',
   '{"status": "HELD", "priority": "AWARENESS_LEARNING"}', 'people', 'UP', '{type,area,audience,mode}', false, 60),
  ('education.events-held', 'Safe education events held', 'SAFE_EDUCATION',
   'School projects, college focus groups and other education events held, by their first day.',
   'engagement_event_fact', 'first_on', 'count', '{"status": "HELD", "priority": "SAFE_EDUCATION"}', 'events', 'UP',
   '{type,area,audience,mode}', false, 10),
  ('education.attendance', 'People at safe education events', 'SAFE_EDUCATION',
   'Recorded attendance of education events held (pupils, staff).', 'engagement_event_fact', 'first_on',
   'sum:attendance', '{"status": "HELD", "priority": "SAFE_EDUCATION"}', 'people', 'UP',
   '{type,area,audience,mode}', false, 20);
