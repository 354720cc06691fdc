-- 040: performance appraisal of community social workers (the appraisal rule) for a year.
-- A person's state "in the year" is their state at December 31 of that year.

-- Appraisals of the year by 区(市)县 (first 6 digits of the assessing 镇(街道)), type and grade.
CREATE OR REPLACE MACRO appraisal_results(year) AS TABLE
    WITH arg AS (SELECT CAST(year AS INTEGER) AS appraisal_year)
    SELECT left(a.assessor_code, 6) AS district_code, a.appraisal_type, a.grade, CAST(count(*) AS BIGINT) AS appraisals
    FROM arg
    JOIN appraisal a ON a.year = arg.appraisal_year
    GROUP BY left(a.assessor_code, 6), a.appraisal_type, a.grade
    ORDER BY district_code, a.appraisal_type,
             CASE a.grade WHEN '优秀' THEN 1 WHEN '合格' THEN 2 WHEN '基本合格' THEN 3 WHEN '不合格' THEN 4 ELSE 5 END;

-- Certificate holders in post at Dec 31 drawing 基本工资增发 (> 0), with the appraisal flag for the year.
CREATE OR REPLACE MACRO supplement_holders(year) AS TABLE
    WITH arg AS (SELECT CAST(year AS INTEGER) AS appraisal_year),
    appraised AS (
        SELECT DISTINCT x.person_key FROM arg JOIN appraisal x ON x.year = arg.appraisal_year
    )
    SELECT w.person_key, w.district_code, w.unit_code, w.salary_supplement, w.level,
           a.person_key IS NOT NULL AS appraised
    FROM worker_status_at(make_date(CAST(year AS INTEGER), 12, 31)) w
    LEFT JOIN appraised a ON a.person_key = w.person_key
    WHERE w.certified AND coalesce(w.salary_supplement, 0) > 0;

-- Per 区(市)县: holders drawing the supplement, how many were appraised that year, and the share
-- (DOUBLE 0..1, NULL when there is no holder).
CREATE OR REPLACE MACRO appraisal_coverage(year) AS TABLE
    WITH h AS (
        SELECT s.district_code, count(*) AS holders, count(*) FILTER (WHERE s.appraised) AS appraised
        FROM supplement_holders(year) s GROUP BY s.district_code
    )
    SELECT d.code AS district_code,
           CAST(coalesce(h.holders, 0) AS BIGINT) AS holders_with_supplement,
           CAST(coalesce(h.appraised, 0) AS BIGINT) AS appraised,
           CAST(h.appraised AS DOUBLE) / nullif(h.holders, 0) AS coverage
    FROM units_at(make_date(CAST(year AS INTEGER), 12, 31)) d
    LEFT JOIN h ON h.district_code = d.code
    WHERE d.level = 'district'
    ORDER BY d.code;

-- The holders drawing the supplement without an appraisal for the year (names masked).
CREATE OR REPLACE MACRO supplement_without_appraisal(year) AS TABLE
    WITH names AS (
        SELECT n.person_key, arg_max(n.name_masked, n.load_id) AS name_masked FROM person n GROUP BY n.person_key
    )
    SELECT s.person_key, n.name_masked, s.district_code, s.unit_code, s.salary_supplement, s.level
    FROM supplement_holders(year) s
    LEFT JOIN names n ON n.person_key = s.person_key
    WHERE NOT s.appraised
    ORDER BY s.district_code, s.unit_code, s.person_key;
