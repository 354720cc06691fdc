-- 001: the warehouse core. Every table the loads write to.
-- Codes and categories are stored as the contract spells them (Chinese); people by person_key only.

CREATE SEQUENCE load_id_seq START 1;

-- One row per file the ETL looked at (an already-loaded file adds none).
CREATE TABLE load_run (
    load_id           BIGINT NOT NULL,
    file_name         VARCHAR NOT NULL,
    sha256            VARCHAR NOT NULL,
    kind              VARCHAR,            -- org_units | roster | exam_results | appraisals | post_quotas | demo_sites
    encoding          VARCHAR,
    rows_read         INTEGER NOT NULL DEFAULT 0,
    rows_loaded       INTEGER NOT NULL DEFAULT 0,
    rows_quarantined  INTEGER NOT NULL DEFAULT 0,
    started_at        TIMESTAMP NOT NULL,
    finished_at       TIMESTAMP,
    outcome           VARCHAR NOT NULL,   -- loaded | refused | failed
    message_zh        VARCHAR,
    message_en        VARCHAR,
    ignored_columns   VARCHAR
);

-- Bad rows: not loaded, kept so the sending office can correct them. line_number 1 = the header line.
CREATE TABLE quarantine (
    load_id      BIGINT NOT NULL,
    file_name    VARCHAR NOT NULL,
    line_number  INTEGER NOT NULL,
    column_name  VARCHAR,
    reason_zh    VARCHAR NOT NULL,
    reason_en    VARCHAR NOT NULL
);

-- Warnings on rows that did load (e.g. 性别 differs from the ID number: the ID wins).
CREATE TABLE load_notice (
    load_id      BIGINT NOT NULL,
    file_name    VARCHAR NOT NULL,
    line_number  INTEGER NOT NULL,
    column_name  VARCHAR,
    reason_zh    VARCHAR NOT NULL,
    reason_en    VARCHAR NOT NULL
);

-- The organisation register: the current version of each unit ...
CREATE TABLE org_unit (
    code           VARCHAR NOT NULL,
    name           VARCHAR NOT NULL,
    kind           VARCHAR NOT NULL,     -- 区 市 县 新区 | 街道 镇 乡 | 社区 建制村
    level          VARCHAR NOT NULL,     -- district | town | community
    parent_code    VARCHAR,
    district_code  VARCHAR NOT NULL,     -- first 6 digits
    established    DATE,
    abolished      DATE,
    load_id        BIGINT NOT NULL
);
-- ... and every version ever loaded.
CREATE TABLE org_unit_history (
    code           VARCHAR NOT NULL,
    name           VARCHAR NOT NULL,
    kind           VARCHAR NOT NULL,
    level          VARCHAR NOT NULL,
    parent_code    VARCHAR,
    district_code  VARCHAR NOT NULL,
    established    DATE,
    abolished      DATE,
    load_id        BIGINT NOT NULL
);

-- People, keyed by a keyed hash (HMAC-SHA256) of the normalised 18-digit ID number. Never the number itself.
CREATE TABLE person (
    person_key   VARCHAR NOT NULL,
    id_masked    VARCHAR NOT NULL,       -- 510104********123X
    name         VARCHAR NOT NULL,       -- for administrators' views only
    name_masked  VARCHAR NOT NULL,       -- 张*
    gender       VARCHAR NOT NULL,       -- from the ID number
    birth_date   DATE NOT NULL,          -- from the ID number
    load_id      BIGINT NOT NULL
);

-- Every roster snapshot is kept.
CREATE TABLE roster_snapshot (
    as_of      DATE NOT NULL,
    load_id    BIGINT NOT NULL,
    file_name  VARCHAR NOT NULL,
    rows       INTEGER NOT NULL
);
CREATE TABLE roster_entry (
    as_of              DATE NOT NULL,
    person_key         VARCHAR NOT NULL,
    unit_code          VARCHAR NOT NULL,
    post_category      VARCHAR NOT NULL,   -- 社会工作专业岗位 | 社区专职工作者 | 其他
    employment         VARCHAR NOT NULL,   -- 专职 | 兼职
    part_time_since    DATE,
    hired              DATE NOT NULL,
    left_on            DATE,
    talent_source      VARCHAR NOT NULL,
    education          VARCHAR NOT NULL,
    major              VARCHAR,
    salary_supplement  INTEGER,
    load_id            BIGINT NOT NULL,
    line_number        INTEGER NOT NULL
);

CREATE TABLE exam_result (
    person_key      VARCHAR NOT NULL,
    exam_year       INTEGER NOT NULL,
    level           VARCHAR NOT NULL,      -- 社工员 | 助理社会工作师 | 社会工作师 | 高级社会工作师
    level_rank      TINYINT NOT NULL,      -- 1..4 in that order
    passed          BOOLEAN NOT NULL,
    certificate_no  VARCHAR,
    issued          DATE,
    load_id         BIGINT NOT NULL,
    line_number     INTEGER NOT NULL
);

CREATE TABLE appraisal (
    person_key          VARCHAR NOT NULL,
    year                INTEGER NOT NULL,
    appraisal_type      VARCHAR NOT NULL,
    assessor_code       VARCHAR NOT NULL,
    ethics_score        DOUBLE NOT NULL,
    performance_score   DOUBLE NOT NULL,
    satisfaction_score  DOUBLE,
    grade               VARCHAR NOT NULL,  -- 优秀 | 合格 | 基本合格 | 不合格
    load_id             BIGINT NOT NULL,
    line_number         INTEGER NOT NULL
);

CREATE TABLE post_quota (
    year         INTEGER NOT NULL,
    unit_code    VARCHAR NOT NULL,
    requested    INTEGER NOT NULL,
    approved     INTEGER,
    load_id      BIGINT NOT NULL,
    line_number  INTEGER NOT NULL
);

CREATE TABLE demo_site (
    name         VARCHAR NOT NULL,
    unit_code    VARCHAR NOT NULL,
    year         INTEGER NOT NULL,
    category     VARCHAR NOT NULL,         -- 示范点 | 示范项目 | 试点项目 | 微项目
    load_id      BIGINT NOT NULL,
    line_number  INTEGER NOT NULL
);

-- Deployment settings the metric SQL reads (kept in sync with configuration at every open).
CREATE TABLE setting (
    name   VARCHAR NOT NULL,
    value  VARCHAR NOT NULL
);

-- Scheduled job runs (inbox, nightly).
CREATE SEQUENCE job_run_id_seq START 1;
CREATE TABLE job_run (
    run_id       BIGINT NOT NULL,
    job          VARCHAR NOT NULL,
    started_at   TIMESTAMP NOT NULL,
    finished_at  TIMESTAMP,
    files        INTEGER NOT NULL DEFAULT 0,
    outcome      VARCHAR NOT NULL,    -- succeeded | failed | running
    error        VARCHAR
);
