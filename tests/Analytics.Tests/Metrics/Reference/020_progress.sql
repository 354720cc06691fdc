-- 020: progress against the 2022 targets, by 区(市)县, for the whole city, by 镇(街道)/乡, by 社区/建制村,
-- and the people behind a unit's numbers. Composed only from the building blocks in 010_rules.sql.

-- Posts of the 社区/建制村 at as_of rolled up to an area: area_level 'district' (by district_code) or 'town'.
CREATE OR REPLACE MACRO area_posts_at(as_of, area_level) AS TABLE
    SELECT CASE area_level WHEN 'district' THEN p.district_code ELSE p.town_code END AS area_code,
           count(*) FILTER (WHERE p.unit_kind = '社区') AS communities,
           count(*) FILTER (WHERE p.unit_kind = '建制村') AS villages,
           sum(p.required_posts) AS required_posts,
           sum(p.qualified_posts) AS qualified_posts,
           sum(p.gap_posts) AS gap_posts,
           count(*) FILTER (WHERE p.meets_target) AS units_meeting_target
    FROM unit_posts_at(as_of) p GROUP BY ALL;

-- People in post at as_of rolled up to an area: area_level 'district', 'town' or 'unit'.
CREATE OR REPLACE MACRO area_people_at(as_of, area_level) AS TABLE
    SELECT CASE area_level WHEN 'district' THEN w.district_code WHEN 'town' THEN w.town_code ELSE w.unit_code END AS area_code,
           count(*) AS workers,
           count(*) FILTER (WHERE w.professional) AS professionals,
           count(*) FILTER (WHERE w.certified) AS certified,
           count(*) FILTER (WHERE w.certified AND w.talent_group = '存量') AS stock_certified,
           count(*) FILTER (WHERE w.talent_group = '增量') AS new_talent
    FROM worker_status_at(as_of) w GROUP BY ALL;

-- One row per 区(市)县 at as_of; the columns of METRICS.md in that order. Counts are BIGINT.
CREATE OR REPLACE MACRO district_progress(as_of) AS TABLE
    WITH districts AS (
        SELECT u.code, u.name, u.kind FROM units_at(as_of) u WHERE u.level = 'district'
    ),
    posts AS (SELECT * FROM area_posts_at(as_of, 'district')),
    sites AS (
        SELECT s.district_code, count(*) AS demo_sites FROM demo_sites_at(as_of) s GROUP BY s.district_code
    ),
    people AS (SELECT * FROM area_people_at(as_of, 'district')
    )
    SELECT d.code AS district_code, d.name AS district_name, d.kind AS district_kind,
           CAST(coalesce(p.communities, 0) AS BIGINT) AS communities,
           CAST(coalesce(p.villages, 0) AS BIGINT) AS villages,
           CAST(coalesce(p.required_posts, 0) AS BIGINT) AS required_posts,
           CAST(coalesce(p.qualified_posts, 0) AS BIGINT) AS qualified_posts,
           CAST(coalesce(p.gap_posts, 0) AS BIGINT) AS gap_posts,
           CAST(coalesce(p.units_meeting_target, 0) AS BIGINT) AS units_meeting_target,
           CAST(coalesce(s.demo_sites, 0) AS BIGINT) AS demo_sites,
           CAST(demo_sites_required_of(d.kind) AS BIGINT) AS demo_sites_required,
           CAST(coalesce(w.workers, 0) AS BIGINT) AS workers,
           CAST(coalesce(w.professionals, 0) AS BIGINT) AS professionals,
           CAST(coalesce(w.certified, 0) AS BIGINT) AS certified,
           CAST(coalesce(w.stock_certified, 0) AS BIGINT) AS stock_certified,
           CAST(coalesce(w.new_talent, 0) AS BIGINT) AS new_talent
    FROM districts d
    LEFT JOIN posts p ON p.area_code = d.code
    LEFT JOIN sites s ON s.district_code = d.code
    LEFT JOIN people w ON w.area_code = d.code
    ORDER BY d.code;

-- The same columns summed over the whole city: one row, district_code '510100', name 成都市, kind 市.
CREATE OR REPLACE MACRO city_progress(as_of) AS TABLE
    SELECT '510100' AS district_code, '成都市' AS district_name, '市' AS district_kind,
           CAST(coalesce(sum(p.communities), 0) AS BIGINT) AS communities,
           CAST(coalesce(sum(p.villages), 0) AS BIGINT) AS villages,
           CAST(coalesce(sum(p.required_posts), 0) AS BIGINT) AS required_posts,
           CAST(coalesce(sum(p.qualified_posts), 0) AS BIGINT) AS qualified_posts,
           CAST(coalesce(sum(p.gap_posts), 0) AS BIGINT) AS gap_posts,
           CAST(coalesce(sum(p.units_meeting_target), 0) AS BIGINT) AS units_meeting_target,
           CAST(coalesce(sum(p.demo_sites), 0) AS BIGINT) AS demo_sites,
           CAST(coalesce(sum(p.demo_sites_required), 0) AS BIGINT) AS demo_sites_required,
           CAST(coalesce(sum(p.workers), 0) AS BIGINT) AS workers,
           CAST(coalesce(sum(p.professionals), 0) AS BIGINT) AS professionals,
           CAST(coalesce(sum(p.certified), 0) AS BIGINT) AS certified,
           CAST(coalesce(sum(p.stock_certified), 0) AS BIGINT) AS stock_certified,
           CAST(coalesce(sum(p.new_talent), 0) AS BIGINT) AS new_talent
    FROM district_progress(as_of) p;

-- One row per 镇(街道)/乡 at as_of in the given 区(市)县 (6-digit code).
CREATE OR REPLACE MACRO town_progress(as_of, district) AS TABLE
    WITH arg AS (SELECT CAST(district AS VARCHAR) AS district_code),
    posts AS (SELECT * FROM area_posts_at(as_of, 'town')),
    people AS (SELECT * FROM area_people_at(as_of, 'town'))
    SELECT t.town_code, t.town_name, t.town_kind,
           CAST(coalesce(p.communities, 0) AS BIGINT) AS communities,
           CAST(coalesce(p.villages, 0) AS BIGINT) AS villages,
           CAST(coalesce(p.required_posts, 0) AS BIGINT) AS required_posts,
           CAST(coalesce(p.qualified_posts, 0) AS BIGINT) AS qualified_posts,
           CAST(coalesce(p.gap_posts, 0) AS BIGINT) AS gap_posts,
           CAST(coalesce(p.units_meeting_target, 0) AS BIGINT) AS units_meeting_target,
           t.centre_qualified_posts,
           CAST(coalesce(w.workers, 0) AS BIGINT) AS workers,
           CAST(coalesce(w.professionals, 0) AS BIGINT) AS professionals,
           CAST(coalesce(w.certified, 0) AS BIGINT) AS certified
    FROM arg
    JOIN centre_posts_at(as_of) t ON t.district_code = arg.district_code
    LEFT JOIN posts p ON p.area_code = t.town_code
    LEFT JOIN people w ON w.area_code = t.town_code
    ORDER BY t.town_code;

-- One row per 社区/建制村 at as_of under the given 镇(街道)/乡 (9-digit code).
CREATE OR REPLACE MACRO community_progress(as_of, town) AS TABLE
    WITH arg AS (SELECT CAST(town AS VARCHAR) AS town_code),
    people AS (SELECT * FROM area_people_at(as_of, 'unit'))
    SELECT p.unit_code, p.unit_name, p.unit_kind, p.required_posts, p.qualified_posts, p.gap_posts, p.meets_target,
           CAST(coalesce(w.workers, 0) AS BIGINT) AS workers,
           CAST(coalesce(w.professionals, 0) AS BIGINT) AS professionals,
           CAST(coalesce(w.certified, 0) AS BIGINT) AS certified
    FROM arg
    JOIN unit_posts_at(as_of) p ON p.town_code = arg.town_code
    LEFT JOIN people w ON w.area_code = p.unit_code
    ORDER BY p.unit_code;

-- One row per person in post at as_of in the given unit (12-digit 社区/村 or 9-digit service centre).
-- Names are masked; reason_zh / reason_en say why the person is not a qualified post (NULL when qualified).
CREATE OR REPLACE MACRO community_workers(as_of, unit) AS TABLE
    WITH arg AS (SELECT CAST(unit AS VARCHAR) AS unit_code),
    names AS (
        SELECT n.person_key, arg_max(n.name_masked, n.load_id) AS name_masked FROM person n GROUP BY n.person_key
    )
    SELECT w.person_key, n.name_masked, w.post_category, w.employment, w.part_time_since, w.hired,
           w.talent_group, w.talent_source, w.level, w.certified, w.professional, w.qualified,
           w.reason_zh, w.reason_en
    FROM arg
    JOIN worker_status_at(as_of) w ON w.unit_code = arg.unit_code
    LEFT JOIN names n ON n.person_key = w.person_key
    ORDER BY w.qualified DESC, w.post_category, w.hired, w.person_key;

-- district_progress at every roster snapshot date (one row per snapshot date x 区(市)县).
CREATE OR REPLACE MACRO progress_trend() AS TABLE
    SELECT snapshot_dates.as_of, p.district_code, p.district_name, p.required_posts, p.qualified_posts, p.gap_posts,
           p.workers, p.certified, p.stock_certified, p.new_talent
    FROM (SELECT DISTINCT r.as_of FROM roster_snapshot r) snapshot_dates,
         LATERAL (SELECT * FROM district_progress(snapshot_dates.as_of)) p
    ORDER BY snapshot_dates.as_of, p.district_code;
