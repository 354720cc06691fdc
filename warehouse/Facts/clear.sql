-- Every fact, key and summary row, before a full rebuild.
DELETE FROM snapshot_district_progress;
DELETE FROM fact_unit_people;
DELETE FROM fact_worker;
DELETE FROM fact_snapshot;
DELETE FROM fact_certificate;
DELETE FROM fact_certificate_level;
DELETE FROM fact_unit;
DELETE FROM fact_unit_key;
DELETE FROM fact_state;
