-- The yearly history the forecast learns from, one row per year-end roster snapshot × 区(市)县.
-- Stocks come from the metric macros (district_progress); the flows of qualified posts between consecutive
-- year-end snapshots are classified person by person from worker_status_at (so "qualified" and "certified" are the
-- metric definitions, never restated here). Inflows − outflows = the change in qualified posts, by construction.
WITH year_ends AS (
    SELECT year(as_of) AS year, max(as_of) AS as_of FROM roster_snapshot GROUP BY year(as_of)
),
steps AS (
    SELECT y.year, y.as_of, lag(y.as_of) OVER (ORDER BY y.year) AS previous_as_of FROM year_ends y
),
stocks AS (
    SELECT s.year, s.as_of, p.* EXCLUDE (communities, villages, units_meeting_target, demo_sites, demo_sites_required, professionals)
    FROM steps s, LATERAL (SELECT * FROM district_progress(s.as_of)) p
),
status_now AS (
    SELECT s.year, w.person_key, w.district_code, w.qualified, w.professional, w.employment, w.within_part_time_limit, w.unit_code
    FROM steps s, LATERAL (SELECT * FROM worker_status_at(s.as_of)) w
    WHERE length(w.unit_code) = 12  -- posts in 社区/建制村, as qualified_posts counts them
),
status_before AS (
    SELECT s.year, w.person_key, w.district_code, w.qualified, w.professional, w.employment, w.within_part_time_limit, w.unit_code
    FROM steps s, LATERAL (SELECT * FROM worker_status_at(s.previous_as_of)) w
    WHERE s.previous_as_of IS NOT NULL AND length(w.unit_code) = 12
),
inflows AS (
    SELECT n.year, n.district_code,
           count(*) FILTER (WHERE b.person_key IS NULL OR b.district_code <> n.district_code) AS from_hires,
           count(*) FILTER (WHERE b.district_code = n.district_code AND NOT b.professional) AS from_certification,
           count(*) FILTER (WHERE b.district_code = n.district_code AND b.professional) AS from_conversion
    FROM status_now n
    LEFT JOIN status_before b ON b.year = n.year AND b.person_key = n.person_key
    WHERE n.qualified AND NOT coalesce(b.qualified AND b.district_code = n.district_code, false)
      AND n.year > (SELECT min(year) FROM steps)
    GROUP BY n.year, n.district_code
),
outflows AS (
    SELECT b.year, b.district_code,
           count(*) FILTER (WHERE n.person_key IS NULL OR n.district_code <> b.district_code OR n.within_part_time_limit) AS to_leavers,
           count(*) FILTER (WHERE n.district_code = b.district_code AND NOT n.within_part_time_limit) AS to_part_time_expiry
    FROM status_before b
    LEFT JOIN status_now n ON n.year = b.year AND n.person_key = b.person_key
    WHERE b.qualified AND NOT coalesce(n.qualified AND n.district_code = b.district_code, false)
    GROUP BY b.year, b.district_code
),
sittings AS (
    SELECT n.year, n.district_code, count(*) AS sat, count(*) FILTER (WHERE x.passed) AS passed
    FROM status_now n JOIN exam_result x ON x.person_key = n.person_key AND x.exam_year = n.year
    GROUP BY n.year, n.district_code
),
city_sittings AS (
    SELECT year, sum(passed) / sum(sat) AS pass_rate FROM sittings GROUP BY year
)
SELECT s.year, s.as_of, s.district_code, s.district_name, s.district_kind,
       s.required_posts, s.qualified_posts, s.gap_posts, s.workers, s.certified, s.stock_certified, s.new_talent,
       CAST(coalesce(q.approved, 0) AS BIGINT) AS approved_posts,
       CAST(coalesce(x.passed / x.sat, c.pass_rate, 0) AS DOUBLE) AS pass_rate,
       CAST(coalesce(i.from_hires, 0) AS BIGINT) AS from_hires,
       CAST(coalesce(i.from_certification, 0) AS BIGINT) AS from_certification,
       CAST(coalesce(i.from_conversion, 0) AS BIGINT) AS from_conversion,
       CAST(coalesce(o.to_leavers, 0) AS BIGINT) AS to_leavers,
       CAST(coalesce(o.to_part_time_expiry, 0) AS BIGINT) AS to_part_time_expiry
FROM stocks s
LEFT JOIN quota_summary q ON q.year = s.year AND q.district_code = s.district_code
LEFT JOIN sittings x ON x.year = s.year AND x.district_code = s.district_code
LEFT JOIN city_sittings c ON c.year = s.year
LEFT JOIN inflows i ON i.year = s.year AND i.district_code = s.district_code
LEFT JOIN outflows o ON o.year = s.year AND o.district_code = s.district_code
ORDER BY s.district_code, s.year;
