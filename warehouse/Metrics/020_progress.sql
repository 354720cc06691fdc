-- 020: progress against the 2022 targets, by 区(市)县, for the whole city, by 镇(街道)/乡, by 社区/建制村,
-- and the people behind a unit's numbers. Composed only from the building blocks in 015_building_blocks.sql.

-- Everything an area shows at as_of, from one pass over unit_status_at: area_level 'district' (by district_code),
-- 'town' (by town_code) or 'unit' (by unit code). 社区/建制村 counts, 应配岗位 (required), 达标岗位 (qualified, a unit's
-- surplus included), 岗位缺口 (gap: the sum of each unit's own gap, never netted), units meeting their minimum,
-- qualified posts at a town's 社工服务中心 (the town's own 9-digit unit), and the people: 在岗 (workers), 社会工作专业人才
-- (professionals), 持证 (certified), 持证存量 (stock_certified), 增量 (new_talent).
CREATE OR REPLACE MACRO area_progress_at(as_of, area_level) AS TABLE
    SELECT CASE area_level WHEN 'district' THEN us.district_code WHEN 'town' THEN us.town_code ELSE us.unit_code END AS area_code,
           count(*) FILTER (WHERE us.post_unit_at AND us.unit_kind = '社区') AS communities,
           count(*) FILTER (WHERE us.post_unit_at AND us.unit_kind = '建制村') AS villages,
           CAST(coalesce(sum(us.required_posts) FILTER (WHERE us.post_unit_at), 0) AS BIGINT) AS required_posts,
           CAST(coalesce(sum(us.qualified_posts) FILTER (WHERE us.post_unit_at), 0) AS BIGINT) AS qualified_posts,
           CAST(coalesce(sum(us.gap_posts) FILTER (WHERE us.post_unit_at), 0) AS BIGINT) AS gap_posts,
           count(*) FILTER (WHERE us.post_unit_at AND us.meets_target) AS units_meeting_target,
           CAST(coalesce(sum(us.qualified_posts) FILTER (WHERE us.exists_at AND us.unit_level = 'town'), 0) AS BIGINT) AS centre_qualified_posts,
           CAST(sum(us.workers) AS BIGINT) AS workers,
           CAST(sum(us.professionals) AS BIGINT) AS professionals,
           CAST(sum(us.certified) AS BIGINT) AS certified,
           CAST(sum(us.stock_certified) AS BIGINT) AS stock_certified,
           CAST(sum(us.new_talent) AS BIGINT) AS new_talent
    FROM unit_status_at(as_of) us
    GROUP BY ALL;

-- 社区/建制村 posts at as_of rolled up to an area (see area_progress_at): areas with at least one 社区 or 建制村.
CREATE OR REPLACE MACRO area_posts_at(as_of, area_level) AS TABLE
    SELECT a.area_code, a.communities, a.villages, a.required_posts, a.qualified_posts, a.gap_posts, a.units_meeting_target
    FROM area_progress_at(as_of, area_level) a
    WHERE a.communities + a.villages > 0;

-- People 在岗 at as_of rolled up to an area (see area_progress_at): areas with at least one person in post.
CREATE OR REPLACE MACRO area_people_at(as_of, area_level) AS TABLE
    SELECT a.area_code, a.workers, a.professionals, a.certified, a.stock_certified, a.new_talent
    FROM area_progress_at(as_of, area_level) a
    WHERE a.workers > 0;

-- One row per 区(市)县 at as_of; the columns of METRICS.md in that order. Counts are BIGINT.
-- 应配岗位 required_posts, 达标岗位 qualified_posts, 岗位缺口 gap_posts, 达标单位 units_meeting_target, 示范点 demo_sites,
-- 在岗 workers, 社会工作专业人才 professionals, 持证 certified, 持证存量 stock_certified, 增量 new_talent.
CREATE OR REPLACE MACRO district_progress(as_of) AS TABLE
    WITH districts AS (
        SELECT u.code, u.name, u.kind FROM units_at(as_of) u WHERE u.level = 'district'
    ),
    areas AS (SELECT * FROM area_progress_at(as_of, 'district')),
    sites AS (
        SELECT s.district_code, count(*) AS demo_sites FROM demo_sites_at(as_of) s GROUP BY s.district_code
    )
    SELECT d.code AS district_code, d.name AS district_name, d.kind AS district_kind,
           coalesce(a.communities, 0) AS communities,
           coalesce(a.villages, 0) AS villages,
           coalesce(a.required_posts, 0) AS required_posts,
           coalesce(a.qualified_posts, 0) AS qualified_posts,
           coalesce(a.gap_posts, 0) AS gap_posts,
           coalesce(a.units_meeting_target, 0) AS units_meeting_target,
           CAST(coalesce(s.demo_sites, 0) AS BIGINT) AS demo_sites,
           CAST(demo_sites_required_of(d.kind) AS BIGINT) AS demo_sites_required,
           coalesce(a.workers, 0) AS workers,
           coalesce(a.professionals, 0) AS professionals,
           coalesce(a.certified, 0) AS certified,
           coalesce(a.stock_certified, 0) AS stock_certified,
           coalesce(a.new_talent, 0) AS new_talent
    FROM districts d
    LEFT JOIN areas a ON a.area_code = d.code
    LEFT JOIN sites s ON s.district_code = d.code
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

-- One row per 镇(街道)/乡 at as_of in the given 区(市)县 (6-digit code): its 社区/建制村 posts, the 达标岗位 at its
-- 社工服务中心 (centre_qualified_posts: coverage, never a shortfall) and its people (the centre's included).
CREATE OR REPLACE MACRO town_progress(as_of, district) AS TABLE
    WITH arg AS (SELECT CAST(district AS VARCHAR) AS district_code),
    towns AS (
        SELECT t.code, t.name, t.kind FROM arg JOIN units_at(as_of) t ON t.district_code = arg.district_code
        WHERE t.level = 'town'
    ),
    areas AS (SELECT * FROM area_progress_at(as_of, 'town'))
    SELECT t.code AS town_code, t.name AS town_name, t.kind AS town_kind,
           coalesce(a.communities, 0) AS communities,
           coalesce(a.villages, 0) AS villages,
           coalesce(a.required_posts, 0) AS required_posts,
           coalesce(a.qualified_posts, 0) AS qualified_posts,
           coalesce(a.gap_posts, 0) AS gap_posts,
           coalesce(a.units_meeting_target, 0) AS units_meeting_target,
           coalesce(a.centre_qualified_posts, 0) AS centre_qualified_posts,
           coalesce(a.workers, 0) AS workers,
           coalesce(a.professionals, 0) AS professionals,
           coalesce(a.certified, 0) AS certified
    FROM towns t
    LEFT JOIN areas a ON a.area_code = t.code
    ORDER BY t.code;

-- One row per 社区/建制村 at as_of under the given 镇(街道)/乡 (9-digit code): 应配岗位, 达标岗位, 岗位缺口, whether it
-- meets its minimum (达标), and its people in post.
CREATE OR REPLACE MACRO community_progress(as_of, town) AS TABLE
    WITH arg AS (SELECT CAST(town AS VARCHAR) AS town_code)
    SELECT us.unit_code, us.unit_name, us.unit_kind, us.required_posts, us.qualified_posts, us.gap_posts, us.meets_target,
           us.workers, us.professionals, us.certified
    FROM arg
    JOIN unit_status_at(as_of) us ON us.post_town_code = arg.town_code
    WHERE us.post_unit_at
    ORDER BY us.unit_code;

-- One row per person in post at as_of in the given unit (12-digit 社区/村 or 9-digit service centre).
-- Names are masked; reason_zh / reason_en say why the person is not a qualified post (NULL when qualified).
CREATE OR REPLACE MACRO community_workers(as_of, unit) AS TABLE
    WITH arg AS (SELECT CAST(unit AS VARCHAR) AS unit_code),
    names AS (
        SELECT n.person_key, arg_max(n.name_masked, n.load_id) AS name_masked FROM person n GROUP BY n.person_key
    )
    SELECT w.person_key, n.name_masked, w.post_category, w.employment, w.part_time_since, w.hired,
           w.talent_group, w.talent_source, w.level, w.certified, w.professional, w.qualified,
           w.reason_zh, w.reason_en, re.professional_title
    FROM arg
    JOIN worker_status_at(as_of) w ON w.unit_code = arg.unit_code
    LEFT JOIN names n ON n.person_key = w.person_key
    LEFT JOIN roster_entry re ON re.as_of = w.snapshot_as_of AND re.person_key = w.person_key
    ORDER BY w.qualified DESC, w.post_category, w.hired, w.person_key;

-- district_progress at every roster snapshot date (one row per snapshot date x 区(市)县), read from the per-snapshot
-- summary the loads store (snapshot_district_progress: district_progress itself, evaluated at each snapshot date).
CREATE OR REPLACE MACRO progress_trend() AS TABLE
    SELECT sp.as_of, sp.district_code, sp.district_name, sp.required_posts, sp.qualified_posts, sp.gap_posts,
           sp.workers, sp.certified, sp.stock_certified, sp.new_talent
    FROM snapshot_district_progress sp
    ORDER BY sp.as_of, sp.district_code;
