-- 031: data minimisation (个人信息保护法 / PIPL). The warehouse keeps only what the product uses about a person: the
-- keyed hash, the masked ID number and masked name (drill-down pages), gender and birth year (age bands). Full names
-- and exact birth dates are dropped; birth_year is derived from the birth date before it goes.

CREATE TABLE person_minimal (
    person_key   VARCHAR NOT NULL,       -- HMAC-SHA256 of the normalised 18-digit ID number, never the number itself
    id_masked    VARCHAR NOT NULL,       -- 510104********123X
    name_masked  VARCHAR NOT NULL,       -- 张*
    gender       VARCHAR NOT NULL,       -- from the ID number
    birth_year   INTEGER NOT NULL,       -- from the ID number
    load_id      BIGINT NOT NULL
);
INSERT INTO person_minimal
SELECT person_key, id_masked, name_masked, gender, CAST(year(birth_date) AS INTEGER), load_id FROM person;
DROP TABLE person;
ALTER TABLE person_minimal RENAME TO person;
