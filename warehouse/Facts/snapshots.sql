-- Roster snapshots: every snapshot whose roster load differs from the one its facts were built from (new, replaced by
-- a corrected file, or gone) gets its fact_worker rows rebuilt; the unit codes and people it names get keys; the
-- snapshot windows are recomputed. Leaves fact_affected_snapshot: the rebuilt snapshots and those whose window changed
-- (a new later snapshot ends the window of the one before). Run after a roster load, then units.sql, people.sql.
CREATE OR REPLACE TEMP TABLE fact_stale_snapshot AS
SELECT r.as_of AS snapshot
FROM (SELECT rs.as_of, max(rs.load_id) AS load_id FROM roster_snapshot rs GROUP BY rs.as_of) r
LEFT JOIN fact_snapshot f ON f.snapshot = r.as_of
WHERE f.snapshot IS NULL OR f.load_id <> r.load_id
UNION
SELECT f.snapshot FROM fact_snapshot f ANTI JOIN roster_snapshot r ON r.as_of = f.snapshot;

INSERT INTO fact_unit_key
SELECT c.code, CAST(k0.last_id + row_number() OVER (ORDER BY c.code) AS INTEGER)
FROM (SELECT DISTINCT e.unit_code AS code FROM roster_entry e SEMI JOIN fact_stale_snapshot s ON s.snapshot = e.as_of) c
CROSS JOIN (SELECT coalesce(max(k.unit_id), 0) AS last_id FROM fact_unit_key k) k0
ANTI JOIN fact_unit_key k ON k.code = c.code;

INSERT INTO fact_person_key
SELECT c.person_key, CAST(k0.last_id + row_number() OVER (ORDER BY c.person_key) AS INTEGER)
FROM (SELECT DISTINCT e.person_key FROM roster_entry e SEMI JOIN fact_stale_snapshot s ON s.snapshot = e.as_of) c
CROSS JOIN (SELECT coalesce(max(k.person_id), 0) AS last_id FROM fact_person_key k) k0
ANTI JOIN fact_person_key k ON k.person_key = c.person_key;

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

INSERT INTO fact_worker
SELECT e.as_of, u.unit_id, p.person_id, e.person_key, e.unit_code, e.post_category, e.employment, e.part_time_since,
       e.hired, e.left_on, e.talent_source, e.education, e.major, e.salary_supplement,
       is_professional_post(e.post_category), has_social_work_degree(e.education, e.major),
       part_time_limit(e.part_time_since),
       c.certified_from, c.rank2_from, c.rank3_from, c.rank4_from,
       is_stock(e.hired),
       varies_in_window(e.employment, e.hired, e.left_on, c.certified_from, part_time_limit(e.part_time_since),
                        fs.snapshot, fs.next_snapshot) AS varies
FROM roster_entry e
SEMI JOIN fact_stale_snapshot s ON s.snapshot = e.as_of
JOIN fact_snapshot fs ON fs.snapshot = e.as_of
JOIN fact_unit_key u ON u.code = e.unit_code
JOIN fact_person_key p ON p.person_key = e.person_key
LEFT JOIN fact_certificate c ON c.person_id = p.person_id
ORDER BY e.as_of, varies DESC, u.unit_id, p.person_id;

DROP TABLE fact_stale_snapshot;
DROP TABLE fact_old_window;
