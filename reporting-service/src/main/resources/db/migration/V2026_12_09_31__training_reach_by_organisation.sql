-- Training reach by organisation and organisation type (issue 20). Engagement's partner organisations are
-- projected (organisation_dim); training's attendance events name the attendee's organisation, as a partner
-- organisation's reference where the booking or register gave one, as written otherwise. An organisation written
-- as a partner's registered name (case aside) counts as that partner, so bookings from the public website, which
-- cannot pick from the register, still count under it. Training figures are not suppressed (DOMAIN.md).
DO $do$
DECLARE
    s text;
BEGIN
    FOREACH s IN ARRAY ARRAY['projection_a', 'projection_b'] LOOP
        EXECUTE format($ddl$
            CREATE TABLE %1$I.organisation_dim (
                organisation_id uuid PRIMARY KEY, name varchar(200), type varchar(60), area varchar(80), active boolean,
                last_event_at timestamptz NOT NULL);
            CREATE INDEX organisation_dim_name ON %1$I.organisation_dim (lower(name));
            ALTER TABLE %1$I.attendance_fact ADD COLUMN organisation_id uuid, ADD COLUMN organisation varchar(200);

            -- Columns are only added at the end (CREATE OR REPLACE VIEW keeps the ones before).
            CREATE OR REPLACE VIEW %1$I.people_trained AS
                SELECT a.attended_on AS on_date, a.course_code, a.mode, a.area, a.sector, 'register' AS source,
                       coalesce(o.name, n.name, a.organisation) AS organisation,
                       coalesce(o.type, n.type, CASE WHEN a.organisation_id IS NULL AND a.organisation IS NOT NULL
                           THEN 'NOT_A_PARTNER' END) AS organisation_type
                FROM %1$I.attendance_fact a
                LEFT JOIN %1$I.organisation_dim o ON o.organisation_id = a.organisation_id
                LEFT JOIN LATERAL (SELECT d.name, d.type FROM %1$I.organisation_dim d
                                   WHERE a.organisation_id IS NULL AND lower(d.name) = lower(a.organisation)
                                   ORDER BY d.active DESC, d.organisation_id LIMIT 1) n ON true
                WHERE a.attended
                UNION ALL
                SELECT completed_on, course_code, CASE WHEN elearning THEN 'E_LEARNING' ELSE mode END, area, sector,
                       'feed', NULL, NULL
                FROM %1$I.completion_fact WHERE completed;
        $ddl$, s);
    END LOOP;
END
$do$;

UPDATE indicator SET breakdowns = breakdowns || '{organisation,organisation_type}'::text[]
WHERE id = 'training.people-trained';
