-- The per-snapshot summary pages read: district_progress at every roster snapshot date. Run after any load that can
-- change district_progress (rosters, exams, register, demonstration sites) and after people.sql.
DELETE FROM snapshot_district_progress;

INSERT INTO snapshot_district_progress
SELECT fs.snapshot, p.*
FROM fact_snapshot fs, LATERAL (SELECT * FROM district_progress(fs.snapshot)) p
ORDER BY fs.snapshot, p.district_code;
