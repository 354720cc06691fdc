-- 050: the warehouse's identity. A random id made once with the file (its research copy is tied to it) and the
-- fingerprint of the person-hash key its people are keyed with — never the key itself. An existing warehouse gets
-- its id now; its key fingerprint is recorded at the next use of the key.
CREATE TABLE warehouse_identity (
    warehouse_id            VARCHAR NOT NULL,
    created_at              TIMESTAMP NOT NULL,
    person_key_fingerprint  VARCHAR
);
INSERT INTO warehouse_identity (warehouse_id, created_at) VALUES (CAST(uuid() AS VARCHAR), current_timestamp);
