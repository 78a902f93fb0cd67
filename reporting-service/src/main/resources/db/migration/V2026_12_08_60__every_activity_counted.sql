-- Every engagement event is counted by some indicator: priorities 5 and 6 had none, so their events (and the people
-- at them) vanished from the report. One events and one attendance figure per priority, and an all-events pair, so
-- the events counted per priority add up to the events held.
INSERT INTO indicator (id, name, priority, description, fact, date_column, measure, filters, unit, direction,
                       breakdowns, about_people_referred, display_order) VALUES
  ('governance.attendance', 'People at governance meetings and partnership events', 'LEADERSHIP_GOVERNANCE',
   'Recorded attendance of governance meetings and partnership events held.', 'engagement_event_fact', 'first_on',
   'sum:attendance', '{"status": "HELD", "priority": "LEADERSHIP_GOVERNANCE"}', 'people', 'UP',
   '{type,area,audience,mode}', false, 30),
  ('support.events-held', 'Support events held', 'SUPPORT',
   'Events for families, carers and support providers held, by their first day.', 'engagement_event_fact',
   'first_on', 'count', '{"status": "HELD", "priority": "SUPPORT"}', 'events', 'UP', '{type,area,audience,mode}',
   false, 70),
  ('support.attendance', 'People at support events', 'SUPPORT', 'Recorded attendance of support events held.',
   'engagement_event_fact', 'first_on', 'sum:attendance', '{"status": "HELD", "priority": "SUPPORT"}', 'people', 'UP',
   '{type,area,audience,mode}', false, 80),
  ('communications.events-held', 'Community forums and briefings held', 'INTELLIGENCE_COMMUNICATIONS',
   'Events serving intelligence and communications (community forums, tension monitoring, briefings) held.',
   'engagement_event_fact', 'first_on', 'count', '{"status": "HELD", "priority": "INTELLIGENCE_COMMUNICATIONS"}',
   'events', 'UP', '{type,area,audience,mode}', false, 30),
  ('communications.event-attendance', 'People at community forums and briefings', 'INTELLIGENCE_COMMUNICATIONS',
   'Recorded attendance of intelligence and communications events held.', 'engagement_event_fact', 'first_on',
   'sum:attendance', '{"status": "HELD", "priority": "INTELLIGENCE_COMMUNICATIONS"}', 'people', 'UP',
   '{type,area,audience,mode}', false, 40),
  -- The partnership's whole engagement programme, whatever priority an event serves; reported with the community
  -- section, where the seed report opens its account of activity.
  ('engagement.all-events-held', 'All engagement events held (every priority)', 'COMMUNITY_ENGAGEMENT',
   'Every event held, whatever priority it serves, by its first day. Training sessions are counted separately.',
   'engagement_event_fact', 'first_on', 'count', '{"status": "HELD"}', 'events', 'UP',
   '{priority,type,area,audience,mode}', false, 30),
  ('engagement.all-attendance', 'People at all engagement events (every priority)', 'COMMUNITY_ENGAGEMENT',
   'Recorded attendance of every event held, whatever priority it serves.', 'engagement_event_fact', 'first_on',
   'sum:attendance', '{"status": "HELD"}', 'people', 'UP', '{priority,type,area,audience,mode}', false, 40);
