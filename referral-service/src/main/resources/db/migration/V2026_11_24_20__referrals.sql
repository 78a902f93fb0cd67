-- Channel referrals. Columns ending _enc hold AES-256-GCM ciphertext ("v1.<key id>.<base64>"); the rest are the
-- non-identifying facts the statistics need, which survive erasure.
CREATE TABLE referral (
    id                      uuid PRIMARY KEY,
    reference               varchar(20)  NOT NULL,
    pseudonym               varchar(64)  NOT NULL,
    status                  varchar(30)  NOT NULL,
    -- the referrer
    referrer_agency         varchar(100) NOT NULL,
    referrer_sector         varchar(30)  NOT NULL,
    referrer_contact_enc    text,
    created_by              varchar(200) NOT NULL,
    -- the person
    person_name_enc         text,
    name_index              varchar(64),
    date_of_birth_enc       text,
    address_enc             text,
    school_or_employer_enc  text,
    ethnicity_enc           text,
    vulnerabilities_enc     text,
    prompt_enc              text,
    gender                  varchar(20)  NOT NULL,
    area                    varchar(80)  NOT NULL,
    age_band                varchar(20)  NOT NULL,
    concern_types           varchar(300) NOT NULL,
    urgency                 varchar(20)  NOT NULL,
    -- the journey
    received_on             date         NOT NULL,
    screened_on             date,
    screening_outcome       varchar(30),
    discussed_at_panel_on   date,
    panel_outcome           varchar(40),
    consent_on              date,
    consent                 varchar(20),
    consent_given_by        varchar(30),
    support_started_on      date,
    exited_on               date,
    exit_outcome            varchar(40),
    reviews_done            integer      NOT NULL DEFAULT 0,
    next_review_due         date,
    closed_on               date,
    -- retention
    retain_until            date,
    legal_hold              boolean      NOT NULL DEFAULT false,
    legal_hold_reason_enc   text,
    erased_at               timestamptz,
    version                 bigint       NOT NULL,
    created_at              timestamptz  NOT NULL,
    updated_at              timestamptz  NOT NULL,
    CONSTRAINT referral_reference_key UNIQUE (reference),
    CONSTRAINT referral_pseudonym_key UNIQUE (pseudonym)
);

CREATE INDEX referral_agency ON referral (referrer_agency, received_on);
CREATE INDEX referral_name_index ON referral (name_index);
CREATE INDEX referral_status ON referral (status, received_on);
CREATE INDEX referral_review_due ON referral (next_review_due) WHERE next_review_due IS NOT NULL;
CREATE INDEX referral_retain_until ON referral (retain_until) WHERE erased_at IS NULL AND NOT legal_hold;

CREATE SEQUENCE referral_reference_seq;

-- Who did what and when, at each step (and why, encrypted).
CREATE TABLE referral_step (
    id            uuid PRIMARY KEY,
    referral_id   uuid         NOT NULL REFERENCES referral (id),
    action        varchar(40)  NOT NULL,
    from_status   varchar(30),
    to_status     varchar(30)  NOT NULL,
    actor_id      varchar(200) NOT NULL,
    actor_name    varchar(200) NOT NULL,
    actor_role    varchar(40)  NOT NULL,
    actor_agency  varchar(100),
    at            timestamptz  NOT NULL,
    reason_enc    text
);

CREATE INDEX referral_step_referral ON referral_step (referral_id, at);

-- A Channel case's support plan: intervention providers and actions with owners and dates (encrypted).
CREATE TABLE support_plan (
    referral_id   uuid PRIMARY KEY REFERENCES referral (id),
    plan_enc      text,
    agreed_on     date        NOT NULL,
    agreed_by     varchar(200) NOT NULL
);

-- Channel panels: monthly meetings, their members, and the referrals on their agendas with the decisions.
CREATE TABLE channel_panel (
    id          uuid PRIMARY KEY,
    meets_on    date         NOT NULL,
    chair_id    varchar(200) NOT NULL,
    chair_name  varchar(200) NOT NULL,
    status      varchar(20)  NOT NULL,
    version     bigint       NOT NULL,
    created_at  timestamptz  NOT NULL
);

CREATE INDEX channel_panel_meets_on ON channel_panel (meets_on);

CREATE TABLE panel_member (
    panel_id  uuid         NOT NULL REFERENCES channel_panel (id) ON DELETE CASCADE,
    user_id   varchar(200) NOT NULL,
    name      varchar(200) NOT NULL,
    agency    varchar(100) NOT NULL,
    PRIMARY KEY (panel_id, user_id)
);

CREATE INDEX panel_member_user ON panel_member (user_id);

CREATE TABLE agenda_item (
    panel_id     uuid         NOT NULL REFERENCES channel_panel (id),
    referral_id  uuid         NOT NULL REFERENCES referral (id),
    decision     varchar(40),
    minutes_enc  text,
    decided_at   timestamptz,
    decided_by   varchar(200),
    PRIMARY KEY (panel_id, referral_id)
);

CREATE INDEX agenda_item_referral ON agenda_item (referral_id);

-- The access log: every read, search hit, export and change of a referral. Append-only for everyone, the owner
-- and superusers included: triggers refuse UPDATE, DELETE and TRUNCATE.
CREATE TABLE access_log (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           timestamptz  NOT NULL DEFAULT now(),
    actor_id     varchar(200) NOT NULL,
    actor_name   varchar(200) NOT NULL,
    actor_roles  varchar(300) NOT NULL,
    actor_agency varchar(100),
    referral_id  uuid,
    action       varchar(20)  NOT NULL,
    fields       varchar(500),
    purpose      varchar(500),
    request_id   varchar(64)
);

CREATE INDEX access_log_referral ON access_log (referral_id, at);

CREATE FUNCTION access_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'access_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_is_append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_is_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM PUBLIC;

-- Erasures by the retention job: what was erased and when (no personal data).
CREATE TABLE erasure_log (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id  uuid        NOT NULL,
    erased_at    timestamptz NOT NULL,
    retain_until date        NOT NULL,
    rule         varchar(40) NOT NULL
);
