-- The fact_worker rows of one roster snapshot ($snapshot): the rows whose outcomes vary within the snapshot's window
-- ($varies = true) or the others. Written varying rows first, each part in one insert, so the rows of a snapshot are
-- contiguous and its varying rows come first (no sort of the wide rows: a load's memory stays small).
INSERT INTO fact_worker
SELECT e.as_of, u.unit_id, e.person_key, e.unit_code, e.post_category, e.employment, e.part_time_since,
       e.hired, e.left_on, e.talent_source, e.education, e.major, e.salary_supplement,
       is_professional_post(e.post_category), has_social_work_degree(e.education, e.major),
       part_time_limit(e.part_time_since),
       c.certified_from, c.rank2_from, c.rank3_from, c.rank4_from,
       is_stock(e.hired),
       $varies
FROM roster_entry e
JOIN fact_snapshot fs ON fs.snapshot = e.as_of
JOIN fact_unit_key u ON u.code = e.unit_code
LEFT JOIN fact_certificate c ON c.person_key = e.person_key
WHERE e.as_of = $snapshot
  AND varies_in_window(e.employment, e.hired, e.left_on, c.certified_from, part_time_limit(e.part_time_since),
                       fs.snapshot, fs.next_snapshot) = $varies;
