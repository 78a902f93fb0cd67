-- Projections of the services' events, in two identical schemas: one answers queries while the other can be
-- rebuilt from the topics, then they swap. Each fact is upserted by its aggregate id; processed_event records
-- each event id in the same transaction as its effect, so a redelivered event never counts twice.
CREATE FUNCTION create_projection_schema(name text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE SCHEMA %I', name);
    EXECUTE format($ddl$
        CREATE TABLE %1$I.processed_event (id varchar(64) PRIMARY KEY);

        CREATE TABLE %1$I.course_dim (
            course_id uuid PRIMARY KEY, code varchar(40) NOT NULL, title varchar(200), priority varchar(40),
            last_event_at timestamptz NOT NULL);

        CREATE TABLE %1$I.session_fact (
            session_id uuid PRIMARY KEY, course_id uuid, course_code varchar(40) NOT NULL, priority varchar(40),
            starts_on date NOT NULL, mode varchar(20), area varchar(80), access varchar(20), audience_sector varchar(40),
            capacity int, status varchar(20) NOT NULL, booked int, attended int, no_shows int, walk_ins int,
            last_event_at timestamptz NOT NULL);

        CREATE TABLE %1$I.booking_fact (
            booking_id uuid PRIMARY KEY, session_id uuid, course_code varchar(40), status varchar(20), sector varchar(40),
            channel varchar(20), booked_on date, last_event_at timestamptz NOT NULL);

        CREATE TABLE %1$I.attendance_fact (
            attendance_id uuid PRIMARY KEY, session_id uuid, course_code varchar(40), priority varchar(40),
            attended_on date NOT NULL, mode varchar(20), area varchar(80), sector varchar(40), attended boolean NOT NULL,
            walk_in boolean NOT NULL, last_event_at timestamptz NOT NULL);

        CREATE TABLE %1$I.completion_fact (
            record_id uuid PRIMARY KEY, source varchar(100), course_code varchar(40), completed_on date NOT NULL,
            mode varchar(20), elearning boolean, area varchar(80), sector varchar(40), completed boolean NOT NULL,
            last_event_at timestamptz NOT NULL);

        CREATE TABLE %1$I.evaluation_fact (
            evaluation_id uuid PRIMARY KEY, session_id uuid, course_code varchar(40), session_on date NOT NULL,
            mode varchar(20), area varchar(80), sector varchar(40), understands boolean NOT NULL,
            confidence_before int, confidence_after int, usefulness int, last_event_at timestamptz NOT NULL);

        CREATE TABLE %1$I.referral_fact (
            pseudonym varchar(64) PRIMARY KEY, stage varchar(30) NOT NULL, received_on date NOT NULL,
            referrer_sector varchar(30), concern_types text[] NOT NULL, age_band varchar(20), gender varchar(20),
            area varchar(80), urgency varchar(20), screened_on date, screening_outcome varchar(30),
            discussed_at_panel_on date, panel_outcome varchar(40), consent_on date, consent varchar(20),
            support_started_on date, exited_on date, exit_outcome varchar(40), reviews_done int,
            next_review_due date, closed_on date, last_event_at timestamptz NOT NULL);

        CREATE TABLE %1$I.engagement_event_fact (
            event_id varchar(64) PRIMARY KEY, title varchar(300), type varchar(60), status varchar(20), area varchar(80),
            priority varchar(40), audience varchar(60), mode varchar(20), first_on date, last_on date, days int,
            attendance int, partner_types text[] NOT NULL DEFAULT '{}', last_event_at timestamptz NOT NULL);

        CREATE TABLE %1$I.communication_fact (
            communication_id varchar(64) PRIMARY KEY, title varchar(300), channel varchar(60), audience varchar(60),
            priority varchar(40), published_on date NOT NULL, reach int, incident_response boolean,
            last_event_at timestamptz NOT NULL);

        CREATE VIEW %1$I.people_trained AS
            SELECT attended_on AS on_date, course_code, mode, area, sector, 'register' AS source
            FROM %1$I.attendance_fact WHERE attended
            UNION ALL
            SELECT completed_on, course_code, CASE WHEN elearning THEN 'E_LEARNING' ELSE mode END, area, sector, 'feed'
            FROM %1$I.completion_fact WHERE completed;
    $ddl$, name);
END;
$$;

SELECT create_projection_schema('projection_a');
SELECT create_projection_schema('projection_b');

-- Which schema answers, and how the last rebuild went.
CREATE TABLE projection_state (
    id                  integer PRIMARY KEY CHECK (id = 1),
    active_schema       varchar(40) NOT NULL,
    rebuild_status      varchar(20) NOT NULL DEFAULT 'NONE',
    rebuild_started_at  timestamptz,
    rebuild_finished_at timestamptz,
    rebuild_events      bigint      NOT NULL DEFAULT 0,
    rebuild_error       varchar(500)
);
INSERT INTO projection_state (id, active_schema) VALUES (1, 'projection_a');
