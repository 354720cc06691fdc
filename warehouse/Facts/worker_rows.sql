-- The fact_worker rows of one roster snapshot ($snapshot), in one insert so they are contiguous. The unit key, the
-- certificate dates and the varies flag follow as updates (worker_units.sql, worker_certificates.sql, outcomes.sql): a
-- join here could build its hash table on the new roster rows with every wide column (DuckDB estimates a first,
-- uncommitted roster as small) and run a bounded load out of memory; an update joins on the row ids only.
INSERT INTO fact_worker
SELECT e.as_of, 0, e.person_key, e.unit_code, e.post_category, e.employment, e.part_time_since,
       e.hired, e.left_on, e.talent_source, e.education, e.major, e.salary_supplement,
       is_professional_post(e.post_category), has_social_work_degree(e.education, e.major),
       part_time_limit(e.part_time_since),
       NULL, NULL, NULL, NULL,
       is_stock(e.hired),
       false
FROM roster_entry e
WHERE e.as_of = $snapshot;
