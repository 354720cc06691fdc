-- Certificates (持证): person keys for everyone with a passed result, fact_certificate rebuilt from every passed result
-- (the first date each level rank counts), the level names, then the certificate dates copied onto the roster rows
-- whose dates changed (people who lost every passed result get NULLs). Run after an exam-results load.
INSERT INTO fact_person_key
SELECT c.person_key, CAST(k0.last_id + row_number() OVER (ORDER BY c.person_key) AS INTEGER)
FROM (SELECT DISTINCT x.person_key FROM exam_result x WHERE x.passed) c
CROSS JOIN (SELECT coalesce(max(k.person_id), 0) AS last_id FROM fact_person_key k) k0
ANTI JOIN fact_person_key k ON k.person_key = c.person_key;

DELETE FROM fact_certificate;

INSERT INTO fact_certificate
SELECT k.person_id, x.person_key,
       min(x.valid_from),
       min(x.valid_from) FILTER (WHERE x.level_rank = 2),
       min(x.valid_from) FILTER (WHERE x.level_rank = 3),
       min(x.valid_from) FILTER (WHERE x.level_rank = 4)
FROM (SELECT e.person_key, e.level_rank, certificate_valid_from(e.issued, e.exam_year) AS valid_from
      FROM exam_result e WHERE e.passed) x
JOIN fact_person_key k ON k.person_key = x.person_key
GROUP BY k.person_id, x.person_key
ORDER BY k.person_id;

DELETE FROM fact_certificate_level;

INSERT INTO fact_certificate_level
SELECT e.level_rank, min(e.level) FROM exam_result e GROUP BY e.level_rank;

UPDATE fact_worker
SET certified_from = x.certified_from, rank2_from = x.rank2_from, rank3_from = x.rank3_from, rank4_from = x.rank4_from
FROM (SELECT k.person_id, c.certified_from, c.rank2_from, c.rank3_from, c.rank4_from
      FROM fact_person_key k LEFT JOIN fact_certificate c ON c.person_id = k.person_id) x
WHERE fact_worker.person_id = x.person_id
  AND (fact_worker.certified_from IS DISTINCT FROM x.certified_from OR fact_worker.rank2_from IS DISTINCT FROM x.rank2_from
       OR fact_worker.rank3_from IS DISTINCT FROM x.rank3_from OR fact_worker.rank4_from IS DISTINCT FROM x.rank4_from);
