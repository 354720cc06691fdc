-- 020: the audit log of the dashboard (sign-ins, research queries, exports, user changes) and researchers' saved queries.
-- SQL text is stored with anything that looks like an ID number replaced (logs never hold ID numbers).

CREATE SEQUENCE audit_event_id_seq START 1;
CREATE TABLE audit_event (
    event_id     BIGINT NOT NULL DEFAULT nextval('audit_event_id_seq'),
    occurred_at  TIMESTAMP NOT NULL,
    user_name    VARCHAR,
    kind         VARCHAR NOT NULL,   -- sign_in | sign_in_failed | sign_out | query | export | user_added | password_reset
    detail       VARCHAR,            -- the SQL, the export's format and query, the user concerned
    duration_ms  BIGINT,
    rows         BIGINT,
    outcome      VARCHAR NOT NULL    -- ok | refused | failed | timeout | cancelled | denied
);

CREATE TABLE saved_query (
    user_name  VARCHAR NOT NULL,
    name       VARCHAR NOT NULL,
    sql        VARCHAR NOT NULL,
    saved_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (user_name, name)
);
