-- Before the people of the snapshots in fact_affected_snapshot are recounted: each row's varies flag for its
-- snapshot's window as it is now (a new later snapshot shortens a window, a new certificate date moves a row in or out)
-- and its stock flag for the talent baseline as it is now; the old counts of those snapshots go.
UPDATE fact_worker
SET varies = varies_in_window(fact_worker.employment, fact_worker.hired, fact_worker.left_on, fact_worker.certified_from,
                              fact_worker.part_time_limit, fs.snapshot, fs.next_snapshot),
    stock = is_stock(fact_worker.hired)
FROM fact_snapshot fs
WHERE fs.snapshot = fact_worker.snapshot
  AND fs.snapshot IN (SELECT a.snapshot FROM fact_affected_snapshot a)
  AND (fact_worker.stock IS DISTINCT FROM is_stock(fact_worker.hired)
       OR fact_worker.varies IS DISTINCT FROM varies_in_window(fact_worker.employment, fact_worker.hired,
          fact_worker.left_on, fact_worker.certified_from, fact_worker.part_time_limit, fs.snapshot, fs.next_snapshot));

DELETE FROM fact_unit_people WHERE snapshot IN (SELECT a.snapshot FROM fact_affected_snapshot a);

DELETE FROM fact_state WHERE name = 'facts_baseline';

INSERT INTO fact_state SELECT 'facts_baseline', CAST(talent_baseline() AS VARCHAR);
