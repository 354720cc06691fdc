-- 035: stock (存量) and new talent (增量) compared like for like (METRICS.md, "Comparing stock with new talent like
-- for like"). Composed only from worker_status_at. Three groups that together are everyone in post at as_of:
--   '存量'      hired before the baseline (talent_baseline(), default 2020-01-01);
--   '增量'      hired on or after it, 人才来源 other than 存量转岗;
--   '存量转岗'  new talent whose 人才来源 is 存量转岗 (moved over from other community posts), shown on its own.
-- For each group the same measures: people in post, social-work professionals, certified (any level), certified at
-- the city level (社工员 their highest level), certified at a national level (助理社会工作师 and above; the returns
-- to the province and the ministry count only these), and holders of a qualified post.
-- certified = certified_city + certified_national always.

-- One row per 社区/村 or service-centre unit x group at as_of (groups with nobody are left out); the pages and the
-- two macros below sum it to towns, districts and the city, so each figure is counted in one place.
CREATE OR REPLACE MACRO talent_groups_by_unit(as_of) AS TABLE
    SELECT w.unit_code, w.town_code, w.district_code,
           CASE WHEN w.talent_group = '存量' THEN '存量'
                WHEN w.talent_source = '存量转岗' THEN '存量转岗'
                ELSE '增量' END AS comparison_group,
           CAST(count(*) AS BIGINT) AS workers,
           CAST(count(*) FILTER (WHERE w.professional) AS BIGINT) AS professionals,
           CAST(count(*) FILTER (WHERE w.certified) AS BIGINT) AS certified,
           CAST(count(*) FILTER (WHERE w.certified AND w.level = '社工员') AS BIGINT) AS certified_city,
           CAST(count(*) FILTER (WHERE w.certified AND w.level <> '社工员') AS BIGINT) AS certified_national,
           CAST(count(*) FILTER (WHERE w.qualified) AS BIGINT) AS qualified_posts
    FROM worker_status_at(as_of) w
    GROUP BY ALL;

-- One row per 区(市)县 with anyone in post x each of the three groups (zeros included), in the order 存量, 增量, 存量转岗.
CREATE OR REPLACE MACRO talent_comparison(as_of) AS TABLE
    WITH units AS (SELECT * FROM talent_groups_by_unit(as_of)),
    groups AS (SELECT * FROM (VALUES ('存量', 1), ('增量', 2), ('存量转岗', 3)) g(comparison_group, group_order)),
    districts AS (SELECT DISTINCT u.district_code FROM units u)
    SELECT d.district_code, g.comparison_group, g.group_order,
           CAST(coalesce(sum(u.workers), 0) AS BIGINT) AS workers,
           CAST(coalesce(sum(u.professionals), 0) AS BIGINT) AS professionals,
           CAST(coalesce(sum(u.certified), 0) AS BIGINT) AS certified,
           CAST(coalesce(sum(u.certified_city), 0) AS BIGINT) AS certified_city,
           CAST(coalesce(sum(u.certified_national), 0) AS BIGINT) AS certified_national,
           CAST(coalesce(sum(u.qualified_posts), 0) AS BIGINT) AS qualified_posts
    FROM districts d CROSS JOIN groups g
    LEFT JOIN units u ON u.district_code = d.district_code AND u.comparison_group = g.comparison_group
    GROUP BY d.district_code, g.comparison_group, g.group_order
    ORDER BY d.district_code, g.group_order;

-- The same three rows for the whole city (district_code '510100').
CREATE OR REPLACE MACRO city_talent_comparison(as_of) AS TABLE
    SELECT '510100' AS district_code, t.comparison_group, t.group_order,
           CAST(sum(t.workers) AS BIGINT) AS workers,
           CAST(sum(t.professionals) AS BIGINT) AS professionals,
           CAST(sum(t.certified) AS BIGINT) AS certified,
           CAST(sum(t.certified_city) AS BIGINT) AS certified_city,
           CAST(sum(t.certified_national) AS BIGINT) AS certified_national,
           CAST(sum(t.qualified_posts) AS BIGINT) AS qualified_posts
    FROM (SELECT * FROM talent_comparison(as_of)
          UNION ALL
          SELECT NULL, g.comparison_group, g.group_order, 0, 0, 0, 0, 0, 0
          FROM (VALUES ('存量', 1), ('增量', 2), ('存量转岗', 3)) g(comparison_group, group_order)) t
    GROUP BY t.comparison_group, t.group_order
    ORDER BY t.group_order;
