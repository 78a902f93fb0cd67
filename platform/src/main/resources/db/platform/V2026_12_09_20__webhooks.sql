-- Webhook subscriptions of partner systems, and the deliveries the outbox relay fans out to them (platform webhook/).
-- Every service migrates these tables; only a service that declares webhook events (WebhookEvents) fills them.
CREATE TABLE webhook_subscription (
    id                     uuid PRIMARY KEY,
    -- The owner: the OAuth client (azp) of the token that created it, and the agency claim of that token.
    owner_client           varchar(255)  NOT NULL,
    owner_agency           varchar(100)  NOT NULL,
    -- Set when the creator's role sees every agency's records (e.g. the Prevent lead): events of any agency.
    all_agencies           boolean       NOT NULL,
    url                    varchar(2000) NOT NULL,
    -- The webhook event types, comma-separated (a short list of known names, each matched whole).
    event_types            varchar(2100) NOT NULL,
    description            varchar(200),
    -- The signing secret, encrypted with the service's field cipher (it must be read to sign).
    secret_enc             text          NOT NULL,
    status                 varchar(20)   NOT NULL,
    status_reason          varchar(300),
    -- Deliveries in a row that failed for good; reset by a success.
    failed_deliveries      integer       NOT NULL DEFAULT 0,
    -- The first failed attempt since the last success.
    failing_since          timestamptz,
    created_at             timestamptz   NOT NULL,
    updated_at             timestamptz   NOT NULL
);
CREATE INDEX webhook_subscription_owner ON webhook_subscription (owner_agency, owner_client, created_at);

CREATE TABLE webhook_delivery (
    -- Also the message's webhook-id: the same on every attempt and replay.
    id               uuid PRIMARY KEY,
    subscription_id  uuid         NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id         uuid         NOT NULL,
    event_type       varchar(100) NOT NULL,
    -- The signed body as sent: made by the service's WebhookEvents, which never puts personal data in it.
    payload          text         NOT NULL,
    status           varchar(20)  NOT NULL,
    attempts         integer      NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       varchar(100),
    created_at       timestamptz  NOT NULL,
    delivered_at     timestamptz,
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_of_subscription ON webhook_delivery (subscription_id, created_at);
CREATE INDEX webhook_delivery_finished ON webhook_delivery (created_at) WHERE status <> 'PENDING';

-- The delivery log: one row per attempt, what the receiver answered, never the body.
CREATE TABLE webhook_attempt (
    delivery_id   uuid         NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt       integer      NOT NULL,
    attempted_at  timestamptz  NOT NULL,
    status_code   integer,
    error         varchar(100),
    duration_ms   integer      NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);
