-- Priority 2 (issue 21): governance meetings, the document register and actions arising, projected from
-- engagement's events into both projection schemas.
--
-- governance_meeting_record: every meeting minuted (HELD) and every meeting a body's cadence planned (PLANNED), so
-- "held quorate of planned" is one indicator. Planned meetings are slots every 12/n months from the start of the
-- reporting year (1 September) in which the body was first seen to meet, to the end of the reporting year of its
-- last meeting or of today: a quarterly body has 4 in any year, 1 in any quarter, whichever meeting it missed.
--
-- document_review_fact: one row per review, made by a trigger from the register's snapshots (the event says when a
-- document was reviewed; the review it answered was due on the next-review date the document had before).
-- document_review_record adds each review that fell due before today and is not done yet, so "reviewed on time of
-- due" counts a missed review as not on time.
--
-- action_arising_fact: actions agreed by a governance body (or a self-assessment's improvement actions); a trigger
-- adds each to the action plan once (recommended_action, by the action's id), so a redelivery or a rebuild never
-- overwrites what the Prevent lead has since recorded on it.
CREATE FUNCTION governance_document_reviewed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    due date;
BEGIN
    IF NEW.last_reviewed_on IS NULL THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF OLD.last_reviewed_on IS NOT DISTINCT FROM NEW.last_reviewed_on THEN
            RETURN NEW;
        END IF;
        due := OLD.next_review_due;
    ELSE
        due := (NEW.issued_on + make_interval(months => NEW.review_cycle_months))::date;
    END IF;
    EXECUTE format('INSERT INTO %I.document_review_fact (review_id, document_id, type, area, reviewed_on, due_on, on_time)
                    VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (review_id) DO NOTHING', TG_TABLE_SCHEMA)
        USING NEW.document_id || ':' || NEW.last_reviewed_on, NEW.document_id, NEW.type, NEW.area,
              NEW.last_reviewed_on, due, due IS NULL OR NEW.last_reviewed_on <= due;
    RETURN NEW;
END;
$$;

CREATE FUNCTION governance_action_arose() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    created boolean;
BEGIN
    INSERT INTO recommended_action (id, priority, title, description, owner_organisation, due_on, status, rag,
                                    linked_indicators, version, created_at, updated_at)
    SELECT NEW.action_id::uuid, NEW.priority, NEW.title, NEW.description,
           coalesce(NEW.owner_organisation, 'Not yet assigned'), NEW.due_on, 'NOT_STARTED', 'AMBER', '', 0, now(), now()
    WHERE EXISTS (SELECT 1 FROM priority WHERE code = NEW.priority)
    ON CONFLICT (id) DO NOTHING
    RETURNING true INTO created;
    IF created THEN
        INSERT INTO action_history (action_id, at, by_name, change, before, after)
        VALUES (NEW.action_id::uuid, now(), NEW.source, 'created', NULL,
                jsonb_build_object('priority', NEW.priority, 'title', NEW.title, 'description', NEW.description,
                                   'ownerOrganisation', coalesce(NEW.owner_organisation, 'Not yet assigned'),
                                   'dueOn', NEW.due_on, 'status', 'NOT_STARTED', 'rag', 'AMBER',
                                   'linkedIndicators', '[]'::jsonb));
    END IF;
    RETURN NEW;
END;
$$;

DO $do$
DECLARE
    s text;
BEGIN
    FOREACH s IN ARRAY ARRAY['projection_a', 'projection_b'] LOOP
        EXECUTE format($ddl$
            CREATE TABLE %1$I.governance_meeting_fact (
                meeting_id varchar(64) PRIMARY KEY, body_id varchar(64) NOT NULL, body_name varchar(200),
                body_kind varchar(40), meetings_per_year int NOT NULL, held_on date NOT NULL, quorate boolean NOT NULL,
                members_present int, apologies int, members int, decisions int, actions_arising int,
                organisation_types text[] NOT NULL DEFAULT '{}', last_event_at timestamptz NOT NULL);

            CREATE VIEW %1$I.governance_meeting_record AS
                WITH body AS (
                    SELECT body_id, (array_agg(body_name ORDER BY held_on DESC))[1] AS body_name,
                           (array_agg(body_kind ORDER BY held_on DESC))[1] AS body_kind,
                           (array_agg(meetings_per_year ORDER BY held_on DESC))[1] AS per_year,
                           min(held_on) AS first_on, max(held_on) AS last_on
                    FROM %1$I.governance_meeting_fact GROUP BY body_id)
                SELECT m.meeting_id AS record_id, m.body_id, m.body_name, m.body_kind, m.held_on AS on_date,
                       'HELD' AS kind, m.quorate
                FROM %1$I.governance_meeting_fact m
                UNION ALL
                SELECT b.body_id || ':' || slot::date, b.body_id, b.body_name, b.body_kind, slot::date, 'PLANNED', NULL
                FROM body b CROSS JOIN LATERAL generate_series(
                    make_date(extract(year FROM b.first_on)::int - CASE WHEN extract(month FROM b.first_on) < 9 THEN 1 ELSE 0 END, 9, 1),
                    make_date(extract(year FROM greatest(b.last_on, current_date))::int
                              + CASE WHEN extract(month FROM greatest(b.last_on, current_date)) < 9 THEN 0 ELSE 1 END, 8, 31),
                    CASE WHEN 12 %% b.per_year = 0 THEN make_interval(months => 12 / b.per_year)
                         ELSE make_interval(days => 365 / b.per_year) END) AS slot;

            CREATE TABLE %1$I.document_fact (
                document_id varchar(64) PRIMARY KEY, type varchar(40), title varchar(200), area varchar(80),
                status varchar(20), marking varchar(40), issued_on date, review_cycle_months int,
                last_reviewed_on date, next_review_due date, last_event_at timestamptz NOT NULL);

            CREATE TABLE %1$I.document_review_fact (
                review_id varchar(80) PRIMARY KEY, document_id varchar(64) NOT NULL, type varchar(40), area varchar(80),
                reviewed_on date NOT NULL, due_on date, on_time boolean NOT NULL);

            CREATE TRIGGER document_reviewed AFTER INSERT OR UPDATE ON %1$I.document_fact
                FOR EACH ROW EXECUTE FUNCTION governance_document_reviewed();

            CREATE VIEW %1$I.document_review_record AS
                SELECT review_id, document_id, type, area, due_on, reviewed_on, on_time FROM %1$I.document_review_fact
                WHERE due_on IS NOT NULL
                UNION ALL
                SELECT document_id || ':due', document_id, type, area, next_review_due, NULL, false FROM %1$I.document_fact
                WHERE next_review_due < current_date AND status NOT IN ('DRAFT', 'SUPERSEDED', 'WITHDRAWN');

            CREATE TABLE %1$I.action_arising_fact (
                action_id varchar(64) PRIMARY KEY, source varchar(40) NOT NULL, origin_id varchar(64),
                body_kind varchar(40), raised_on date, title varchar(300) NOT NULL, description varchar(1000),
                priority varchar(40) NOT NULL, owner_organisation varchar(200), due_on date,
                last_event_at timestamptz NOT NULL);

            CREATE TRIGGER action_arose AFTER INSERT ON %1$I.action_arising_fact
                FOR EACH ROW EXECUTE FUNCTION governance_action_arose();
        $ddl$, s);
    END LOOP;
END
$do$;

INSERT INTO indicator (id, name, priority, description, fact, date_column, measure, filters, denominator_measure,
                       denominator_filters, unit, direction, target, target_comparison, breakdowns,
                       about_people_referred, display_order) VALUES
  ('governance.meetings-held', 'Governance meetings held quorate, of those planned', 'LEADERSHIP_GOVERNANCE',
   'Meetings minuted as quorate, out of the meetings each body''s cadence plans in the period (4 a year for a quarterly body).',
   'governance_meeting_record', 'on_date', 'count', '{"kind": "HELD", "quorate": true}', 'count', '{"kind": "PLANNED"}',
   'percent', 'UP', 100, '>=', '{body,body_kind}', false, 30),
  ('governance.meetings-quorate', 'Governance meetings that were quorate', 'LEADERSHIP_GOVERNANCE',
   'Meetings minuted as quorate, out of all meetings minuted.', 'governance_meeting_record', 'on_date', 'count',
   '{"kind": "HELD", "quorate": true}', 'count', '{"kind": "HELD"}', 'percent', 'UP', 100, '>=', '{body,body_kind}',
   false, 40),
  ('governance.documents-reviewed-on-time', 'Documents reviewed on time', 'LEADERSHIP_GOVERNANCE',
   'Reviews of registered documents (Terms of Reference, CTLP, action plan, ...) that fell due in the period, done by their due date; a review due and not done counts as late.',
   'document_review_record', 'due_on', 'count', '{"on_time": true}', 'count', '{}', 'percent', 'UP', 100, '>=',
   '{type,area}', false, 50),
  ('governance.documents-overdue', 'Documents overdue for review', 'LEADERSHIP_GOVERNANCE',
   'Documents in force whose next review fell due before the end of the period (or today) and is not recorded.',
   'document_fact', NULL, 'count', '{"status": ["ISSUED"], "next_review_due": "<period-end"}', NULL, NULL,
   'documents', 'DOWN', 0, '<=', '{type,area}', false, 60),
  ('governance.actions-arising', 'Actions arising from governance meetings', 'LEADERSHIP_GOVERNANCE',
   'Actions agreed by governance bodies, added to the action plan, by the day of the meeting.', 'action_arising_fact',
   'raised_on', 'count', '{"source": "GOVERNANCE_MEETING"}', NULL, NULL, 'actions', 'UP', NULL, NULL,
   '{priority,body_kind}', false, 70);
