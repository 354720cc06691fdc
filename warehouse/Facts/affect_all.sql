-- Every snapshot's people are to be recounted (fact_affected_snapshot, read by outcomes.sql and the per-snapshot
-- counts): after an exam load (any certificate date may have moved) or a change of the talent baseline.
CREATE OR REPLACE TEMP TABLE fact_affected_snapshot AS SELECT snapshot FROM fact_snapshot;
