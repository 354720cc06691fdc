-- 010: the building blocks. Every rule of the metrics contract (METRICS.md "Words" and the 2022 targets) lives here
-- ONCE; the public macros in 020..050 only compose these. Dates may be passed as DATE or 'YYYY-MM-DD' text.
--
-- Macro hygiene (DuckDB 1.5 substitutes arguments as expressions and binds them where they land):
--   * every table macro binds its arguments once, in a FROM-less CTE `arg`, and uses only arg.* after that,
--     so a caller's alias (e.g. LATERAL over `s.as_of`) can never be captured by an alias inside the macro;
--   * never use a parameter inside an IN / EXISTS / scalar subquery: DuckDB then reports a conflict with any
--     column of the same name (as_of, year). Join instead.

-- Stock (存量) / new talent (增量) baseline: setting 'talent_baseline' ('YYYY-MM-DD'), default 2020-01-01.
CREATE OR REPLACE MACRO talent_baseline() AS
    coalesce((SELECT max(TRY_CAST(s.value AS DATE)) FROM setting s WHERE s.name = 'talent_baseline'), DATE '2020-01-01');

-- 存量 when hired before the baseline, 增量 on or after it.
CREATE OR REPLACE MACRO talent_group(hired_on) AS
    CASE WHEN hired_on < talent_baseline() THEN '存量' ELSE '增量' END;

-- 所学专业 contains 社会工作 and 学历 is 大专 or higher.
CREATE OR REPLACE MACRO has_social_work_degree(education_level, major_text) AS
    coalesce(contains(major_text, '社会工作'), false)
    AND education_level IN ('大专', '本科', '硕士研究生', '博士研究生');

-- 专职, or 兼职 with d <= 兼职起始日期 + 2 years. A 兼职 row without 兼职起始日期 is not within the limit.
CREATE OR REPLACE MACRO part_time_within_limit(employment_kind, part_time_start, d) AS
    employment_kind = '专职'
    OR coalesce(CAST(d AS DATE) <= CAST(part_time_start + INTERVAL 2 YEAR AS DATE), false);

-- Minimum qualified posts of a 社区 (2) or 建制村 (1).
CREATE OR REPLACE MACRO required_posts_of(unit_kind) AS
    CASE unit_kind WHEN '社区' THEN 2 WHEN '建制村' THEN 1 ELSE 0 END;

-- Demonstration sites a 区/新区 (2) or a 市/县 (1) must have.
CREATE OR REPLACE MACRO demo_sites_required_of(district_kind) AS
    CASE WHEN district_kind IN ('区', '新区') THEN 2 WHEN district_kind IN ('市', '县') THEN 1 ELSE 0 END;

-- Units at d: (设立日期 empty or <= d) and (撤销日期 empty or > d).
CREATE OR REPLACE MACRO units_at(d) AS TABLE
    WITH arg AS (SELECT CAST(d AS DATE) AS at_date)
    SELECT u.code, u.name, u.kind, u.level, u.parent_code, u.district_code
    FROM arg, org_unit u
    WHERE (u.established IS NULL OR u.established <= arg.at_date)
      AND (u.abolished IS NULL OR u.abolished > arg.at_date);

-- In post at d: the row of the latest roster snapshot with 统计日期 <= d, hired <= d, not left by d.
-- district_code / town_code come from the register (fallback: the code's prefix).
CREATE OR REPLACE MACRO in_post_at(d) AS TABLE
    WITH arg AS (SELECT CAST(d AS DATE) AS at_date)
    SELECT e.person_key, e.unit_code,
           coalesce(u.district_code, left(e.unit_code, 6)) AS district_code,
           CASE WHEN length(e.unit_code) = 9 THEN e.unit_code ELSE coalesce(u.parent_code, left(e.unit_code, 9)) END AS town_code,
           e.post_category, e.employment, e.part_time_since, e.hired, e.left_on, e.talent_source,
           e.education, e.major, e.salary_supplement, e.as_of AS snapshot_as_of
    FROM arg
    JOIN (SELECT max(rs.as_of) AS snapshot_date FROM arg, roster_snapshot rs WHERE rs.as_of <= arg.at_date) latest ON true
    JOIN roster_entry e ON e.as_of = latest.snapshot_date
    LEFT JOIN org_unit u ON u.code = e.unit_code
    WHERE e.hired <= arg.at_date
      AND (e.left_on IS NULL OR e.left_on > arg.at_date);

-- Certified at d: a passed result with 发证日期 <= d, or without 发证日期 and 考试年度 <= year(d).
-- One row per certified person with the highest level held at d.
CREATE OR REPLACE MACRO certified_at(d) AS TABLE
    WITH arg AS (SELECT CAST(d AS DATE) AS at_date)
    SELECT x.person_key, arg_max(x.level, x.level_rank) AS level, max(x.level_rank) AS level_rank
    FROM arg, exam_result x
    WHERE x.passed
      AND (x.issued <= arg.at_date OR (x.issued IS NULL AND x.exam_year <= year(arg.at_date)))
    GROUP BY x.person_key;

-- Every person in post at d with the rule outcomes: certified, professional, qualified (post), stock/new,
-- and the first reason the person does not hold a qualified post.
CREATE OR REPLACE MACRO worker_status_at(d) AS TABLE
    WITH arg AS (SELECT CAST(d AS DATE) AS at_date),
    flags AS (
        SELECT p.*, c.level, c.level_rank,
               c.person_key IS NOT NULL AS certified,
               c.person_key IS NOT NULL OR has_social_work_degree(p.education, p.major) AS professional,
               p.post_category = '社会工作专业岗位' AS professional_post,
               part_time_within_limit(p.employment, p.part_time_since, arg.at_date) AS within_part_time_limit,
               talent_group(p.hired) AS talent_group
        FROM arg
        CROSS JOIN in_post_at(d) p
        LEFT JOIN certified_at(d) c ON c.person_key = p.person_key
    )
    SELECT f.*,
           f.professional_post AND f.professional AND f.within_part_time_limit AS qualified,
           CASE WHEN NOT f.professional_post THEN '非社会工作专业岗位'
                WHEN NOT f.professional THEN '未取得证书且非社会工作专业学历'
                WHEN NOT f.within_part_time_limit THEN '兼职已超过两年' END AS reason_zh,
           CASE WHEN NOT f.professional_post THEN 'not a professional post'
                WHEN NOT f.professional THEN 'not certified and no social-work degree'
                WHEN NOT f.within_part_time_limit THEN 'part-time for more than two years' END AS reason_en
    FROM flags f;

-- Each 社区 / 建制村 at d with its required and qualified posts and its own gap (surplus never nets).
CREATE OR REPLACE MACRO unit_posts_at(d) AS TABLE
    WITH posts AS (
        SELECT w.unit_code, count(*) AS qualified_posts
        FROM worker_status_at(d) w WHERE w.qualified GROUP BY w.unit_code
    )
    SELECT u.code AS unit_code, u.name AS unit_name, u.kind AS unit_kind,
           coalesce(u.parent_code, left(u.code, 9)) AS town_code, u.district_code,
           CAST(required_posts_of(u.kind) AS BIGINT) AS required_posts,
           CAST(coalesce(q.qualified_posts, 0) AS BIGINT) AS qualified_posts,
           CAST(greatest(required_posts_of(u.kind) - coalesce(q.qualified_posts, 0), 0) AS BIGINT) AS gap_posts,
           coalesce(q.qualified_posts, 0) >= required_posts_of(u.kind) AS meets_target
    FROM units_at(d) u
    LEFT JOIN posts q ON q.unit_code = u.code
    WHERE u.level = 'community' AND u.kind IN ('社区', '建制村');

-- Each 镇(街道)/乡 at d with the qualified posts at its service centre (the 9-digit unit itself).
CREATE OR REPLACE MACRO centre_posts_at(d) AS TABLE
    WITH posts AS (
        SELECT w.unit_code, count(*) AS qualified_posts
        FROM worker_status_at(d) w WHERE w.qualified GROUP BY w.unit_code
    )
    SELECT u.code AS town_code, u.name AS town_name, u.kind AS town_kind, u.district_code,
           CAST(coalesce(q.qualified_posts, 0) AS BIGINT) AS centre_qualified_posts
    FROM units_at(d) u
    LEFT JOIN posts q ON q.unit_code = u.code
    WHERE u.level = 'town';

-- 示范点 (category 示范点 only) with 认定年度 <= year(d), counted for the 区(市)县 containing the unit.
CREATE OR REPLACE MACRO demo_sites_at(d) AS TABLE
    WITH arg AS (SELECT CAST(d AS DATE) AS at_date)
    SELECT ds.name, ds.unit_code, left(ds.unit_code, 6) AS district_code, ds.year
    FROM arg, demo_site ds
    WHERE ds.category = '示范点' AND ds.year <= year(arg.at_date);
