-- A panel member's secret calendar feed (platform CalendarFeedSecrets, the same shape as training's): the secret
-- is in the feed's URL, so calendar programs need no token; it is kept only as a keyed hash, shown once when made,
-- and gone when revoked or replaced. The feed itself carries no referral: meeting, day and a link only.
CREATE TABLE calendar_feed (
    owner_id    varchar(200) PRIMARY KEY,
    owner_name  varchar(200) NOT NULL,
    secret_hash varchar(64)  NOT NULL UNIQUE,
    created_at  timestamptz  NOT NULL,
    -- Each new secret (the first, or one replacing it) counts here: a retried request makes none.
    generation  integer      NOT NULL DEFAULT 1
);
