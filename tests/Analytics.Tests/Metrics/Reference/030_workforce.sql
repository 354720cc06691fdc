-- 030: the workforce behind the progress numbers: levels, sources of new talent, town service centres,
-- the certified bridge between two dates and the talent pool outside the posts.

-- People in post at as_of by 区(市)县 and highest level held (社工员 … 高级社会工作师, or 未持证).
CREATE OR REPLACE MACRO workers_by_level(as_of) AS TABLE
    SELECT w.district_code, coalesce(w.level, '未持证') AS level, CAST(count(*) AS BIGINT) AS workers
    FROM worker_status_at(as_of) w
    GROUP BY w.district_code, coalesce(w.level, '未持证'), coalesce(w.level_rank, 0)
    ORDER BY w.district_code, coalesce(w.level_rank, 0);

-- New talent (增量) in post at as_of by 区(市)县 and 人才来源.
CREATE OR REPLACE MACRO new_talent_by_source(as_of) AS TABLE
    SELECT w.district_code, w.talent_source, CAST(count(*) AS BIGINT) AS workers
    FROM worker_status_at(as_of) w
    WHERE w.talent_group = '增量'
    GROUP BY w.district_code, w.talent_source
    ORDER BY w.district_code, w.talent_source;

-- Per 区(市)县 at as_of: 镇(街道)/乡, how many have >= 1 qualified post at the service centre, and the share
-- (DOUBLE 0..1, NULL when the district has no town). A coverage figure, never a shortfall.
CREATE OR REPLACE MACRO town_centre_coverage(as_of) AS TABLE
    WITH towns AS (
        SELECT c.district_code,
               count(*) AS towns,
               count(*) FILTER (WHERE c.centre_qualified_posts > 0) AS towns_with_qualified_centre_post
        FROM centre_posts_at(as_of) c GROUP BY c.district_code
    )
    SELECT d.code AS district_code,
           CAST(coalesce(t.towns, 0) AS BIGINT) AS towns,
           CAST(coalesce(t.towns_with_qualified_centre_post, 0) AS BIGINT) AS towns_with_qualified_centre_post,
           CAST(t.towns_with_qualified_centre_post AS DOUBLE) / nullif(t.towns, 0) AS coverage
    FROM units_at(as_of) d
    LEFT JOIN towns t ON t.district_code = d.code
    WHERE d.level = 'district'
    ORDER BY d.code;

-- Certificate holders in post from from_date to to_date, by 区(市)县 ("in post at a date" = in post in that
-- district at that date, so a move between districts is a leaver in one and a joiner in the other).
-- Identity: certified_start + newly_certified + certified_joiners - certified_leavers = certified_end.
CREATE OR REPLACE MACRO certified_bridge(from_date, to_date) AS TABLE
    WITH s AS (SELECT w.person_key, w.district_code, w.certified FROM worker_status_at(from_date) w),
         e AS (SELECT w.person_key, w.district_code, w.certified FROM worker_status_at(to_date) w),
         moves AS (
             SELECT coalesce(e.district_code, s.district_code) AS district_code,
                    s.person_key IS NOT NULL AND coalesce(s.certified, false) AS cert_start,
                    e.person_key IS NOT NULL AND coalesce(e.certified, false) AS cert_end,
                    s.person_key IS NOT NULL AS in_start,
                    e.person_key IS NOT NULL AS in_end
             FROM s FULL OUTER JOIN e ON e.person_key = s.person_key AND e.district_code = s.district_code
         ),
         districts AS (
             SELECT d.code FROM units_at(from_date) d WHERE d.level = 'district'
             UNION
             SELECT d.code FROM units_at(to_date) d WHERE d.level = 'district'
             UNION
             SELECT m.district_code FROM moves m
         )
    SELECT d.code AS district_code,
           CAST(count(m.district_code) FILTER (WHERE m.cert_start) AS BIGINT) AS certified_start,
           CAST(count(m.district_code) FILTER (WHERE m.in_start AND m.in_end AND m.cert_end AND NOT m.cert_start) AS BIGINT) AS newly_certified,
           CAST(count(m.district_code) FILTER (WHERE m.cert_end AND NOT m.in_start) AS BIGINT) AS certified_joiners,
           CAST(count(m.district_code) FILTER (WHERE m.cert_start AND NOT m.in_end) AS BIGINT) AS certified_leavers,
           CAST(count(m.district_code) FILTER (WHERE m.cert_end) AS BIGINT) AS certified_end
    FROM districts d
    LEFT JOIN moves m ON m.district_code = d.code
    GROUP BY d.code
    ORDER BY d.code;

-- Certificate holders at as_of who are not in post at as_of (students, volunteers, leavers), by highest level.
CREATE OR REPLACE MACRO talent_pool(as_of) AS TABLE
    SELECT c.level, CAST(count(*) AS BIGINT) AS people
    FROM certified_at(as_of) c
    LEFT JOIN in_post_at(as_of) w ON w.person_key = c.person_key
    WHERE w.person_key IS NULL
    GROUP BY c.level, c.level_rank
    ORDER BY c.level_rank DESC;
