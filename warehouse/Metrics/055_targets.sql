-- 060: 目标指标 (target indicators): the measured value of every indicator the targets file (dashboards/targets.json)
-- can name, so the dashboard, the CLI and researchers read the same numbers. Thresholds are data (targets.json), never
-- SQL: this file only measures. The 2022 post minimums stay standing targets at every later date, so unit_posts is
-- measured at any as_of, 2025 included.

-- Every target indicator at as_of for each 区(市)县 and for the whole city (area_code '510100', 成都市): numerator,
-- denominator and share (numerator / denominator, NULL when the denominator is 0). Indicators:
--   unit_posts            达标单位: 社区/建制村 meeting their minimum (2 / 1 达标岗位) / all 社区 and 建制村
--   demo_sites            示范点: 区(市)县 with their required 示范点 / all 区(市)县
--   town_centre_coverage  社工服务中心覆盖率: 镇(街道)/乡 with a 达标岗位 at the service centre / all (coverage only)
--   appraisal_coverage    考评覆盖率: 持证 holders drawing 基本工资增发 appraised in the 考评年度 / all such holders
--   professional_share    社会工作专业人才占比: social-work professionals / people 在岗
-- measured_at: as_of, or for appraisal_coverage December 31 of the 考评年度 (appraisal_year_at(as_of)).
CREATE OR REPLACE MACRO target_indicators(as_of) AS TABLE
    WITH arg AS (SELECT CAST(as_of AS DATE) AS at_date),
    progress AS (SELECT * FROM district_progress(as_of)),
    centres AS (SELECT * FROM town_centre_coverage(as_of)),
    year_shown AS (SELECT * FROM appraisal_year_at(as_of)),
    appraisals AS (
        SELECT c.*, make_date(y.appraisal_year, 12, 31) AS measured_at
        FROM year_shown y, LATERAL (SELECT * FROM appraisal_coverage(y.appraisal_year)) c
    ),
    measured AS (
        SELECT p.district_code AS area_code, 'unit_posts' AS indicator,
               p.units_meeting_target AS numerator, p.communities + p.villages AS denominator, arg.at_date AS measured_at
        FROM arg, progress p
        UNION ALL
        SELECT p.district_code, 'demo_sites', CASE WHEN p.demo_sites >= p.demo_sites_required THEN 1 ELSE 0 END, 1, arg.at_date
        FROM arg, progress p
        UNION ALL
        SELECT c.district_code, 'town_centre_coverage', c.towns_with_qualified_centre_post, c.towns, arg.at_date
        FROM arg, centres c
        UNION ALL
        SELECT a.district_code, 'appraisal_coverage', a.appraised, a.holders_with_supplement, a.measured_at
        FROM appraisals a
        UNION ALL
        SELECT p.district_code, 'professional_share', p.professionals, p.workers, arg.at_date
        FROM arg, progress p
    ),
    areas AS (
        SELECT m.area_code, m.indicator, m.numerator, m.denominator, m.measured_at FROM measured m
        UNION ALL
        SELECT '510100', m.indicator, sum(m.numerator), sum(m.denominator), min(m.measured_at)
        FROM measured m GROUP BY m.indicator
    ),
    names AS (SELECT u.code, u.name FROM units_at(as_of) u WHERE u.level = 'district')
    SELECT a.area_code, CASE WHEN a.area_code = '510100' THEN '成都市' ELSE coalesce(n.name, a.area_code) END AS area_name,
           a.indicator,
           CAST(a.numerator AS BIGINT) AS numerator,
           CAST(a.denominator AS BIGINT) AS denominator,
           CAST(a.numerator AS DOUBLE) / nullif(a.denominator, 0) AS share,
           a.measured_at
    FROM areas a
    LEFT JOIN names n ON n.code = a.area_code
    ORDER BY a.area_code, a.indicator;
