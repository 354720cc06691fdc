-- The integer unit key of the rows of one roster snapshot ($snapshot), after worker_rows.sql.
UPDATE fact_worker
SET unit_id = k.unit_id
FROM fact_unit_key k
WHERE fact_worker.snapshot = $snapshot AND fact_worker.unit_code = k.code;
