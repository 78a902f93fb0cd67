-- Priority 2 (issue 21): self-assessment scores, funding awards and funded projects, projected from engagement's
-- events into both projection schemas. Improvement actions a self-assessment calls for join the action plan through
-- action_arising_fact (source SELF_ASSESSMENT), as actions arising from meetings do.
-- A self-assessment's year is the reporting year it assesses: year_starts_on (1 September) places it in that year
-- whenever it was done.
DO $do$
DECLARE
    s text;
BEGIN
    FOREACH s IN ARRAY ARRAY['projection_a', 'projection_b'] LOOP
        EXECUTE format($ddl$
            CREATE TABLE %1$I.self_assessment_fact (
                score_id varchar(120) PRIMARY KEY, assessment_id varchar(64) NOT NULL, framework varchar(60),
                year int NOT NULL, year_starts_on date NOT NULL, assessed_on date, organisation_type varchar(40),
                criterion_code varchar(40) NOT NULL, section varchar(200), priority varchar(40), score int NOT NULL,
                max_score int NOT NULL, last_event_at timestamptz NOT NULL);

            CREATE TABLE %1$I.funding_fact (
                award_id varchar(64) PRIMARY KEY, funder_id varchar(64), funder_name varchar(300), funder_type varchar(40),
                priority varchar(40), amount numeric(12, 2) NOT NULL, starts_on date NOT NULL, ends_on date,
                purpose varchar(1000), projects text[] NOT NULL DEFAULT '{}', last_event_at timestamptz NOT NULL);

            CREATE TABLE %1$I.project_fact (
                project_id varchar(64) PRIMARY KEY, name varchar(200), kind varchar(20), priority varchar(40),
                status varchar(30), status_since date, events int, courses int, last_event_at timestamptz NOT NULL);
        $ddl$, s);
    END LOOP;
END
$do$;

INSERT INTO indicator (id, name, priority, description, fact, date_column, measure, filters, denominator_measure,
                       denominator_filters, unit, direction, target, target_comparison, breakdowns,
                       about_people_referred, display_order) VALUES
  ('governance.self-assessment-score', 'Self-assessment score', 'LEADERSHIP_GOVERNANCE',
   'Scores of the partners'' self-assessments against the Home Office toolkit for the reporting year, out of the best possible over the criteria scored.',
   'self_assessment_fact', 'year_starts_on', 'sum:score', '{}', 'sum:max_score', '{}', 'percent', 'UP', NULL, NULL,
   '{section,framework,organisation_type,priority}', false, 80),
  ('governance.actions-from-self-assessment', 'Improvement actions from self-assessment', 'LEADERSHIP_GOVERNANCE',
   'Improvement actions the self-assessments called for, added to the action plan.', 'action_arising_fact',
   'raised_on', 'count', '{"source": "SELF_ASSESSMENT"}', NULL, NULL, 'actions', 'UP', NULL, NULL, '{priority}',
   false, 90),
  ('funding.awarded', 'Funding awarded', 'LEADERSHIP_GOVERNANCE',
   'Awards from funders (the Police and Crime Commissioner, the regional Counter Terrorism Unit, ...), in whole pounds, by the day each starts.',
   'funding_fact', 'starts_on', 'sum:amount', '{}', NULL, NULL, 'pounds', 'UP', NULL, NULL,
   '{funder,funder_type,priority}', false, 100),
  ('funding.projects', 'Funded projects and programmes', 'LEADERSHIP_GOVERNANCE',
   'Projects and programmes as they stand now: running, paused, to be re-established or completed.', 'project_fact',
   NULL, 'count', '{}', NULL, NULL, 'projects', 'UP', NULL, NULL, '{status,priority}', false, 110);
