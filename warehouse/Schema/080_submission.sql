-- 080: extracts submitted in the browser (dashboards/Upload): who sent which file, for which 区(市)县. The load itself is
-- the inbox job's: its outcome is the load_run of the same sha256. IF NOT EXISTS: also migrates an existing warehouse.
CREATE TABLE IF NOT EXISTS submission (
    submitted_at   TIMESTAMP NOT NULL,
    user_name      VARCHAR NOT NULL,
    district_code  VARCHAR,            -- the submitting clerk's district (NULL: a city user)
    file_name      VARCHAR NOT NULL,   -- as written into the inbox
    sha256         VARCHAR NOT NULL,
    kind           VARCHAR,
    as_of          DATE,
    rows           INTEGER
);
