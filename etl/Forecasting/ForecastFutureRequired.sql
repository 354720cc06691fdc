-- Required posts of each 区(市)县 at the end of each projection year, from the register as it stands
-- (units carried forward; a unit with a known 撤销日期 drops out from that date). Metric: district_progress.
SELECT y.year, p.district_code, p.required_posts
FROM (SELECT unnest(range($from_year, $to_year + 1)) AS year) y,
     LATERAL (SELECT * FROM district_progress(make_date(CAST(y.year AS BIGINT), 12, 31))) p
ORDER BY p.district_code, y.year;
