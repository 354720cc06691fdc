-- Roster snapshots: every snapshot whose roster load differs from the one its facts were built from (new, replaced by
-- a corrected file, or gone) loses its fact_worker rows (worker_rows.sql and worker_certificates.sql write them again,
-- snapshot by snapshot); the unit codes it names get keys; the snapshot windows are recomputed. Leaves
-- fact_stale_snapshot and fact_affected_snapshot: the stale snapshots and those whose window changed too (a new later
-- snapshot ends the window of the one before), whose people are recounted (outcomes.sql, unit_people.sql).
CREATE OR REPLACE TEMP TABLE fact_stale_snapshot AS
SELECT r.as_of AS snapshot
FROM (SELECT rs.as_of, max(rs.load_id) AS load_id FROM roster_snapshot rs GROUP BY rs.as_of) r
LEFT JOIN fact_snapshot f ON f.snapshot = r.as_of
WHERE f.snapshot IS NULL OR f.load_id <> r.load_id
UNION
SELECT f.snapshot FROM fact_snapshot f ANTI JOIN roster_snapshot r ON r.as_of = f.snapshot;

INSERT INTO fact_unit_key
SELECT c.code, CAST(k0.last_id + row_number() OVER () AS INTEGER)
FROM (SELECT DISTINCT e.unit_code AS code FROM roster_entry e SEMI JOIN fact_stale_snapshot s ON s.snapshot = e.as_of) c
CROSS JOIN (SELECT coalesce(max(k.unit_id), 0) AS last_id FROM fact_unit_key k) k0
ANTI JOIN fact_unit_key k ON k.code = c.code;

CREATE OR REPLACE TEMP TABLE fact_old_window AS SELECT snapshot, next_snapshot FROM fact_snapshot;

DELETE FROM fact_snapshot;

INSERT INTO fact_snapshot
SELECT r.as_of, lead(r.as_of) OVER (ORDER BY r.as_of), r.load_id
FROM (SELECT rs.as_of, max(rs.load_id) AS load_id FROM roster_snapshot rs GROUP BY rs.as_of) r
ORDER BY r.as_of;

CREATE OR REPLACE TEMP TABLE fact_affected_snapshot AS
SELECT s.snapshot FROM fact_stale_snapshot s
UNION
SELECT n.snapshot FROM fact_snapshot n JOIN fact_old_window o ON o.snapshot = n.snapshot
WHERE o.next_snapshot IS DISTINCT FROM n.next_snapshot;

DELETE FROM fact_worker WHERE snapshot IN (SELECT s.snapshot FROM fact_stale_snapshot s);

DROP TABLE fact_old_window;
