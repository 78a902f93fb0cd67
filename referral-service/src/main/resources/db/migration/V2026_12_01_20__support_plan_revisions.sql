-- A Channel case's support plan, revision by revision: the plan agreed at the support-plan step is revision 1, and
-- every revision while the case is in support adds one, with who made it, when, and why. The plan (intervention
-- providers, actions, owners, dates) and the reason are encrypted; revision 1 keeps the associated data its
-- ciphertext was written with ("referral/<id>/supportPlan"), later ones add "/<revision>".
CREATE TABLE support_plan_revision (
    referral_id      uuid         NOT NULL REFERENCES referral (id),
    revision         integer      NOT NULL CHECK (revision > 0),
    plan_enc         text,
    reason_enc       text,
    agreed_on        date         NOT NULL,
    revised_by       varchar(200) NOT NULL,
    revised_by_name  varchar(200) NOT NULL,
    revised_at       timestamptz  NOT NULL,
    PRIMARY KEY (referral_id, revision)
);

INSERT INTO support_plan_revision (referral_id, revision, plan_enc, agreed_on, revised_by, revised_by_name, revised_at)
SELECT p.referral_id, 1, p.plan_enc, p.agreed_on, p.agreed_by,
       coalesce(s.actor_name, p.agreed_by), coalesce(s.at, p.agreed_on::timestamptz)
FROM support_plan p
LEFT JOIN LATERAL (SELECT actor_name, at FROM referral_step
                   WHERE referral_id = p.referral_id AND action = 'support-plan' ORDER BY at LIMIT 1) s ON true;

DROP TABLE support_plan;
