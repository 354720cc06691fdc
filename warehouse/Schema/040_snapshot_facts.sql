-- 040: snapshot facts. Derived tables the metric macros read instead of re-deriving everything from the raw rows on
-- every call: integer keys, one row per roster row with the dates that let any as-of date be evaluated cheaply, one
-- row per unit with its attributes pre-joined. Rebuilt in the load transaction by Analytics.Warehouse.Facts.SnapshotFacts
-- (a roster load: its snapshot; an exam load: the certificates; an org-register load: the units); built in full on the
-- first open of a warehouse loaded before facts existed. Never edited by hand: every row is derived from the raw tables.
-- IF NOT EXISTS: SnapshotFacts runs this same script in files that never ran the schema (the research file).

-- Integer unit keys: a unit code (区划代码) gets a number once and keeps it.
CREATE TABLE IF NOT EXISTS fact_unit_key (code VARCHAR NOT NULL, unit_id INTEGER NOT NULL);

-- Every unit code the register or a roster names, with the register's attributes (NULL when not in the register).
-- district_code / town_code: where the people of the unit count (a 9-digit unit is its own town);
-- post_town_code: the town a 社区/建制村 reports its posts to; post_unit: a 社区 or 建制村 of the register.
CREATE TABLE IF NOT EXISTS fact_unit (
    unit_id                 INTEGER NOT NULL,
    code                    VARCHAR NOT NULL,
    in_register             BOOLEAN NOT NULL,
    name                    VARCHAR,
    kind                    VARCHAR,
    level                   VARCHAR,
    parent_code             VARCHAR,
    register_district_code  VARCHAR,
    established             DATE,
    abolished               DATE,
    district_code           VARCHAR NOT NULL,
    town_code               VARCHAR NOT NULL,
    post_town_code          VARCHAR NOT NULL,
    post_unit               BOOLEAN NOT NULL,
    required_posts          BIGINT NOT NULL
);

-- One row per certified person: the date the person is first certified (持证) at any level, and at level rank 2, 3, 4.
CREATE TABLE IF NOT EXISTS fact_certificate (
    person_key      VARCHAR NOT NULL,
    certified_from  DATE NOT NULL,
    rank2_from      DATE,
    rank3_from      DATE,
    rank4_from      DATE
);
-- The name of each certificate level rank, as the exam results spell it (社工员 = 1 ... 高级社会工作师 = 4).
CREATE TABLE IF NOT EXISTS fact_certificate_level (level_rank TINYINT NOT NULL, level VARCHAR NOT NULL);

-- Every roster snapshot with the load it was built from and the next snapshot's date (NULL for the latest): the
-- snapshot is the one in force for every as-of date from snapshot up to (not including) next_snapshot.
CREATE TABLE IF NOT EXISTS fact_snapshot (
    snapshot       DATE NOT NULL,
    next_snapshot  DATE,
    load_id        BIGINT NOT NULL
);

-- One row per roster row (snapshot × person), in snapshot order: the roster's values, the date-free rule outcomes
-- (professional post, social-work degree), the dates the date rules compare with (the last day of the 兼职 two-year
-- limit, the first days certificates count), whether the person is 存量 (stock: hired before the talent baseline, so
-- recomputed when the baseline setting changes), and whether the row's outcomes vary while its snapshot is in force
-- (varies_in_window).
CREATE TABLE IF NOT EXISTS fact_worker (
    snapshot            DATE NOT NULL,
    unit_id             INTEGER NOT NULL,
    person_key          VARCHAR NOT NULL,
    unit_code           VARCHAR NOT NULL,
    post_category       VARCHAR NOT NULL,
    employment          VARCHAR NOT NULL,
    part_time_since     DATE,
    hired               DATE NOT NULL,
    left_on             DATE,
    talent_source       VARCHAR NOT NULL,
    education           VARCHAR NOT NULL,
    major               VARCHAR,
    salary_supplement   INTEGER,
    professional_post   BOOLEAN NOT NULL,
    social_work_degree  BOOLEAN NOT NULL,
    part_time_limit     DATE,
    certified_from      DATE,
    rank2_from          DATE,
    rank3_from          DATE,
    rank4_from          DATE,
    stock               BOOLEAN NOT NULL,
    varies              BOOLEAN NOT NULL
);

-- People in post per snapshot and unit, counted at the snapshot date over the roster rows whose rule outcomes hold for
-- as long as the snapshot is in force (no hire, departure, certificate or 兼职 limit within its window): the metric
-- macros add the few rows that do vary, evaluated at the as-of date. Depends on the talent baseline (stock/new).
CREATE TABLE IF NOT EXISTS fact_unit_people (
    snapshot         DATE NOT NULL,
    unit_id          INTEGER NOT NULL,
    workers          BIGINT NOT NULL,
    professionals    BIGINT NOT NULL,
    certified        BIGINT NOT NULL,
    stock_certified  BIGINT NOT NULL,
    new_talent       BIGINT NOT NULL,
    qualified_posts  BIGINT NOT NULL
);

-- What pages read per snapshot: district_progress at each roster snapshot date (the same macro, stored at load time).
CREATE TABLE IF NOT EXISTS snapshot_district_progress (
    as_of                 DATE NOT NULL,
    district_code         VARCHAR NOT NULL,
    district_name         VARCHAR NOT NULL,
    district_kind         VARCHAR NOT NULL,
    communities           BIGINT NOT NULL,
    villages              BIGINT NOT NULL,
    required_posts        BIGINT NOT NULL,
    qualified_posts       BIGINT NOT NULL,
    gap_posts             BIGINT NOT NULL,
    units_meeting_target  BIGINT NOT NULL,
    demo_sites            BIGINT NOT NULL,
    demo_sites_required   BIGINT NOT NULL,
    workers               BIGINT NOT NULL,
    professionals         BIGINT NOT NULL,
    certified             BIGINT NOT NULL,
    stock_certified       BIGINT NOT NULL,
    new_talent            BIGINT NOT NULL
);

-- The facts' own bookkeeping: the fact definition version they were built with, the talent baseline of
-- fact_unit_people and the summary.
CREATE TABLE IF NOT EXISTS fact_state (name VARCHAR NOT NULL, value VARCHAR NOT NULL);
