-- Certificates (持证): fact_certificate rebuilt from every passed result
-- (the first date each level rank counts), the level names, then the certificate dates copied onto the roster rows
-- whose dates changed (people who lost every passed result get NULLs). Run after an exam-results load.
DELETE FROM fact_certificate;

INSERT INTO fact_certificate
SELECT x.person_key,
       min(x.valid_from),
       min(x.valid_from) FILTER (WHERE x.level_rank = 2),
       min(x.valid_from) FILTER (WHERE x.level_rank = 3),
       min(x.valid_from) FILTER (WHERE x.level_rank = 4)
FROM (SELECT e.person_key, e.level_rank, certificate_valid_from(e.issued, e.exam_year) AS valid_from
      FROM exam_result e WHERE e.passed) x
GROUP BY x.person_key;

DELETE FROM fact_certificate_level;

INSERT INTO fact_certificate_level
SELECT e.level_rank, min(e.level) FROM exam_result e GROUP BY e.level_rank;

UPDATE fact_worker
SET certified_from = c.certified_from, rank2_from = c.rank2_from, rank3_from = c.rank3_from, rank4_from = c.rank4_from
FROM fact_certificate c
WHERE fact_worker.person_key = c.person_key
  AND (fact_worker.certified_from IS DISTINCT FROM c.certified_from OR fact_worker.rank2_from IS DISTINCT FROM c.rank2_from
       OR fact_worker.rank3_from IS DISTINCT FROM c.rank3_from OR fact_worker.rank4_from IS DISTINCT FROM c.rank4_from);

UPDATE fact_worker
SET certified_from = NULL, rank2_from = NULL, rank3_from = NULL, rank4_from = NULL
WHERE certified_from IS NOT NULL
  AND person_key NOT IN (SELECT c.person_key FROM fact_certificate c);
