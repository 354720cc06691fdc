-- The certificate dates (fact_certificate) of the people of one roster snapshot ($snapshot), after worker_rows.sql.
UPDATE fact_worker
SET certified_from = c.certified_from, rank2_from = c.rank2_from, rank3_from = c.rank3_from, rank4_from = c.rank4_from
FROM fact_certificate c
WHERE fact_worker.snapshot = $snapshot AND fact_worker.person_key = c.person_key;
