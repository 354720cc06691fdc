-- 030: one table for every message a load writes about a row (load_message), and the loader's bookkeeping.
-- quarantine (bad rows, not loaded) and load_notice (warnings on rows that did load) were two tables of the same
-- shape; they stay as views with their old columns, so every query and the contract's quarantine columns still work.

CREATE TABLE load_message (
    load_id      BIGINT NOT NULL,
    file_name    VARCHAR NOT NULL,
    line_number  INTEGER NOT NULL,       -- 1 = the header line
    column_name  VARCHAR,                -- NULL: the whole row (e.g. a wrong number of fields)
    reason_zh    VARCHAR NOT NULL,
    reason_en    VARCHAR NOT NULL,
    severity     VARCHAR NOT NULL DEFAULT 'error'  -- error: the row was quarantined (not loaded) | warning: the row loaded
);
INSERT INTO load_message
SELECT load_id, file_name, line_number, column_name, reason_zh, reason_en, 'error' FROM quarantine;
INSERT INTO load_message
SELECT load_id, file_name, line_number, column_name, reason_zh, reason_en, 'warning' FROM load_notice;
DROP TABLE quarantine;
DROP TABLE load_notice;

CREATE VIEW quarantine AS
SELECT load_id, file_name, line_number, column_name, reason_zh, reason_en FROM load_message WHERE severity = 'error';
CREATE VIEW load_notice AS
SELECT load_id, file_name, line_number, column_name, reason_zh, reason_en FROM load_message WHERE severity = 'warning';

-- The size of each file, so a new file (no loaded file of the same size) is read once, hashing while it is parsed.
ALTER TABLE load_run ADD COLUMN size_bytes BIGINT;

-- The line of the register file each unit came from (NULL for units loaded before 030), like every other table.
ALTER TABLE org_unit ADD COLUMN line_number INTEGER;
ALTER TABLE org_unit_history ADD COLUMN line_number INTEGER;
