-- The per-snapshot summary pages read, district_progress at one roster snapshot date ($snapshot), computed by the macro
-- itself. Run for every snapshot (after the old rows are deleted) after any load that can change district_progress
-- (rosters, exams, register, demonstration sites) and after the people counts.
INSERT INTO snapshot_district_progress
SELECT $snapshot, p.* FROM district_progress($snapshot) p;
