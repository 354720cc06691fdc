-- 010: the rules. Every rule of the metrics contract (METRICS.md "Words" and the 2022 targets) is written here ONCE,
-- as a scalar macro; the snapshot facts (warehouse/Facts, Schema/040) store what the rules need per roster row, and the
-- building blocks in 015_building_blocks.sql evaluate them at any as-of date. 020..060 only compose those.
-- Dates may be passed as DATE or 'YYYY-MM-DD' text.
--
-- Macro hygiene (DuckDB 1.5 substitutes arguments as expressions and binds them where they land):
--   * every table macro binds its arguments once, in a FROM-less CTE `arg`, and uses only arg.* after that,
--     so a caller's alias (e.g. LATERAL over `s.as_of`) can never be captured by an alias inside the macro;
--   * never use a parameter inside an IN / EXISTS / scalar subquery: DuckDB then reports a conflict with any
--     column of the same name (as_of, year). Join instead.

-- 存量/增量 (stock / new talent) baseline: setting 'talent_baseline' ('YYYY-MM-DD'), default 2020-01-01.
CREATE OR REPLACE MACRO talent_baseline() AS
    coalesce((SELECT max(TRY_CAST(s.value AS DATE)) FROM setting s WHERE s.name = 'talent_baseline'), DATE '2020-01-01');

-- 存量 (stock): hired before the baseline. Everyone else in post is 增量 (new talent).
CREATE OR REPLACE MACRO is_stock(hired_on) AS
    coalesce(hired_on < talent_baseline(), false);

-- 人才分组: 存量 when hired before the baseline, 增量 on or after it.
CREATE OR REPLACE MACRO talent_group(hired_on) AS
    CASE WHEN is_stock(hired_on) THEN '存量' ELSE '增量' END;

-- 在岗 (in post) on d, for a row of the roster snapshot in force at d: 入职日期 <= d and (离职日期 empty or > d).
CREATE OR REPLACE MACRO in_post_on(hired, left_on, d) AS
    hired <= d AND (left_on IS NULL OR left_on > d);

-- 社会工作专业学历: 所学专业 contains 社会工作 and 学历 is 大专 or higher.
CREATE OR REPLACE MACRO has_social_work_degree(education_level, major_text) AS
    coalesce(contains(major_text, '社会工作'), false)
    AND education_level IN ('大专', '本科', '硕士研究生', '博士研究生');

-- 社会工作专业岗位: the 岗位类别 a qualified post (达标岗位) must have.
CREATE OR REPLACE MACRO is_professional_post(post_category) AS
    post_category = '社会工作专业岗位';

-- 兼职两年期限: the last day a 兼职 post may count, 兼职起始日期 + 2 years (NULL without 兼职起始日期).
CREATE OR REPLACE MACRO part_time_limit(part_time_start) AS
    CAST(part_time_start + INTERVAL 2 YEAR AS DATE);

-- 专职, or 兼职 with d on or before its limit date (see part_time_limit); a 兼职 row without a limit never counts.
CREATE OR REPLACE MACRO within_part_time_limit(employment_kind, limit_date, d) AS
    employment_kind = '专职' OR coalesce(CAST(d AS DATE) <= limit_date, false);

-- 专职, or 兼职 with d <= 兼职起始日期 + 2 years (the last day still counts).
CREATE OR REPLACE MACRO part_time_within_limit(employment_kind, part_time_start, d) AS
    within_part_time_limit(employment_kind, part_time_limit(part_time_start), d);

-- 持证 from: a passed result counts from its 发证日期, or without one from January 1 of its 考试年度.
CREATE OR REPLACE MACRO certificate_valid_from(issued, exam_year) AS
    coalesce(issued, make_date(exam_year, 1, 1));

-- 持证等级 at d: the highest level rank whose certificate counts at d (1 社工员 ... 4 高级社会工作师), NULL if none.
CREATE OR REPLACE MACRO level_rank_at(certified_from, rank2_from, rank3_from, rank4_from, d) AS
    CAST(CASE WHEN rank4_from <= d THEN 4 WHEN rank3_from <= d THEN 3 WHEN rank2_from <= d THEN 2
              WHEN certified_from <= d THEN 1 END AS TINYINT);

-- 单位存续: a unit exists at d when (设立日期 empty or <= d) and (撤销日期 empty or > d).
CREATE OR REPLACE MACRO unit_exists_at(established, abolished, d) AS
    (established IS NULL OR established <= d) AND (abolished IS NULL OR abolished > d);

-- 设岗单位: the units that must have qualified posts, 社区 and 建制村 of the register.
CREATE OR REPLACE MACRO is_post_unit(unit_level, unit_kind) AS
    coalesce(unit_level = 'community' AND unit_kind IN ('社区', '建制村'), false);

-- 应配岗位 (required posts): minimum qualified posts of a 社区 (2) or 建制村 (1).
CREATE OR REPLACE MACRO required_posts_of(unit_kind) AS
    CASE unit_kind WHEN '社区' THEN 2 WHEN '建制村' THEN 1 ELSE 0 END;

-- 岗位缺口 (post gap) of one unit: max(0, required - qualified); one unit's surplus never fills another's gap.
CREATE OR REPLACE MACRO post_gap(required_posts, qualified_posts) AS
    greatest(required_posts - qualified_posts, 0);

-- 示范点 required: a 区/新区 must have 2, a 市/县 1.
CREATE OR REPLACE MACRO demo_sites_required_of(district_kind) AS
    CASE WHEN district_kind IN ('区', '新区') THEN 2 WHEN district_kind IN ('市', '县') THEN 1 ELSE 0 END;
