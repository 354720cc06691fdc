-- 060: what the gap forecast learns from, composed only from the building blocks (010) and post_quota.
-- Grain: 社区/建制村 × half-year. A half-year is numbered year × 2 (+1 for July–December); its point is the latest
-- roster snapshot dated in it, up to `until` (a user's own backtest cuts the history there).

-- The half-year points: one per calendar half-year that has a roster snapshot on or before `until`.
CREATE OR REPLACE MACRO forecast_half_years(until) AS TABLE
    WITH arg AS (SELECT CAST(until AS DATE) AS until_date)
    SELECT CAST(year(r.as_of) * 2 + CASE WHEN month(r.as_of) > 6 THEN 1 ELSE 0 END AS INTEGER) AS half_year,
           max(r.as_of) AS as_of
    FROM arg, roster_snapshot r
    WHERE r.as_of <= arg.until_date
    GROUP BY 1
    ORDER BY 1;

-- One row per 社区/建制村 × half-year point: required and qualified posts (unit_posts_at), and what the unit's
-- people hold (worker_status_at): workers, the conversion pool (social-work professionals not on a professional
-- post), uncertified holders of a professional post, qualified part-timers whose two years end within six months.
CREATE OR REPLACE MACRO forecast_unit_history(until) AS TABLE
    WITH points AS (SELECT * FROM forecast_half_years(until)),
    posts AS (
        SELECT p.half_year, p.as_of, u.unit_code, u.unit_kind, u.town_code, u.district_code, u.required_posts, u.qualified_posts
        FROM points p, LATERAL (SELECT * FROM unit_posts_at(p.as_of)) u
    ),
    people AS (
        SELECT p.half_year, w.unit_code,
               count(*) AS workers,
               count(*) FILTER (WHERE w.professional AND NOT w.professional_post) AS conversion_pool,
               count(*) FILTER (WHERE w.professional_post AND NOT w.professional) AS uncertified_holders,
               count(*) FILTER (WHERE w.qualified AND w.employment = '兼职'
                                  AND CAST(w.part_time_since + INTERVAL 2 YEAR AS DATE) <= CAST(p.as_of + INTERVAL 6 MONTH AS DATE)) AS part_time_expiring
        FROM points p, LATERAL (SELECT * FROM worker_status_at(p.as_of)) w
        GROUP BY p.half_year, w.unit_code
    )
    SELECT s.half_year, s.as_of, s.unit_code, s.unit_kind, s.town_code, s.district_code,
           s.required_posts, s.qualified_posts,
           CAST(coalesce(w.workers, 0) AS BIGINT) AS workers,
           CAST(coalesce(w.conversion_pool, 0) AS BIGINT) AS conversion_pool,
           CAST(coalesce(w.uncertified_holders, 0) AS BIGINT) AS uncertified_holders,
           CAST(coalesce(w.part_time_expiring, 0) AS BIGINT) AS part_time_expiring
    FROM posts s
    LEFT JOIN people w ON w.half_year = s.half_year AND w.unit_code = s.unit_code
    ORDER BY s.unit_code, s.half_year;

-- The flows of qualified posts of each 社区/建制村 between consecutive half-year points, person by person:
-- gains by hires (not in post in the unit before), conversions (a professional in the unit not on a professional
-- post before), passes (in the unit, not a professional before: certified since), restorations (on a professional
-- post before but not counted: part-time past two years made full-time); losses by leavers (no longer in post in
-- the unit) and lapses (still there, no longer a qualified post). Hires and conversions need an approved post.
CREATE OR REPLACE MACRO forecast_unit_flows(until) AS TABLE
    WITH points AS (
        SELECT h.half_year, h.as_of, lag(h.as_of) OVER (ORDER BY h.half_year) AS previous_as_of
        FROM forecast_half_years(until) h
    ),
    now_status AS (
        SELECT p.half_year, w.person_key, w.unit_code, w.qualified
        FROM points p, LATERAL (SELECT * FROM worker_status_at(p.as_of)) w
        WHERE p.previous_as_of IS NOT NULL AND length(w.unit_code) = 12
    ),
    before_status AS (
        SELECT p.half_year, w.person_key, w.unit_code, w.qualified, w.professional, w.professional_post
        FROM points p, LATERAL (SELECT * FROM worker_status_at(p.previous_as_of)) w
        WHERE p.previous_as_of IS NOT NULL AND length(w.unit_code) = 12
    ),
    gains AS (
        SELECT n.half_year, n.unit_code,
               count(*) FILTER (WHERE b.person_key IS NULL) AS hires,
               count(*) FILTER (WHERE b.professional AND NOT b.professional_post) AS conversions,
               count(*) FILTER (WHERE NOT b.professional) AS passes,
               count(*) FILTER (WHERE b.professional AND b.professional_post) AS restorations
        FROM now_status n
        LEFT JOIN before_status b ON b.half_year = n.half_year AND b.person_key = n.person_key AND b.unit_code = n.unit_code
        WHERE n.qualified AND NOT coalesce(b.qualified, false)
        GROUP BY n.half_year, n.unit_code
    ),
    losses AS (
        SELECT b.half_year, b.unit_code,
               count(*) FILTER (WHERE n.person_key IS NULL) AS leavers,
               count(*) FILTER (WHERE n.person_key IS NOT NULL) AS lapses
        FROM before_status b
        LEFT JOIN now_status n ON n.half_year = b.half_year AND n.person_key = b.person_key AND n.unit_code = b.unit_code
        WHERE b.qualified AND NOT coalesce(n.qualified, false)
        GROUP BY b.half_year, b.unit_code
    )
    SELECT coalesce(g.half_year, l.half_year) AS half_year, coalesce(g.unit_code, l.unit_code) AS unit_code,
           CAST(coalesce(g.hires, 0) AS BIGINT) AS hires,
           CAST(coalesce(g.conversions, 0) AS BIGINT) AS conversions,
           CAST(coalesce(g.passes, 0) AS BIGINT) AS passes,
           CAST(coalesce(g.restorations, 0) AS BIGINT) AS restorations,
           CAST(coalesce(l.leavers, 0) AS BIGINT) AS leavers,
           CAST(coalesce(l.lapses, 0) AS BIGINT) AS lapses
    FROM gains g
    FULL OUTER JOIN losses l ON l.half_year = g.half_year AND l.unit_code = g.unit_code
    ORDER BY unit_code, half_year;

-- Per 区(市)县 × half-year point: professional posts held (岗位类别 社会工作专业岗位, any unit of the district),
-- the filled establishment that approvals cap.
CREATE OR REPLACE MACRO forecast_district_posts(until) AS TABLE
    SELECT p.half_year, w.district_code, CAST(count(*) FILTER (WHERE w.professional_post) AS BIGINT) AS professional_posts
    FROM forecast_half_years(until) p, LATERAL (SELECT * FROM worker_status_at(p.as_of)) w
    GROUP BY p.half_year, w.district_code
    ORDER BY w.district_code, p.half_year;

-- Posts approved (审定数) per 区(市)县 and year, every unit of the district summed, as known at `until`:
-- years after year(until) are not known yet; approved is NULL while a year is not yet approved.
CREATE OR REPLACE MACRO forecast_approvals(until) AS TABLE
    WITH arg AS (SELECT CAST(until AS DATE) AS until_date)
    SELECT CAST(q.year AS INTEGER) AS year, left(q.unit_code, 6) AS district_code,
           CAST(sum(q.requested) AS BIGINT) AS requested, CAST(sum(q.approved) AS BIGINT) AS approved
    FROM arg, post_quota q
    WHERE q.year <= year(arg.until_date)
    GROUP BY q.year, left(q.unit_code, 6)
    ORDER BY district_code, year;
