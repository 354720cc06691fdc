-- Units: a key for every register code not keyed yet, then fact_unit rebuilt from every key (the register's codes and
-- the codes rosters named) and the register as it is now. Run after an org-register load and after new roster codes.
INSERT INTO fact_unit_key
SELECT c.code, CAST(k0.last_id + row_number() OVER () AS INTEGER)
FROM (SELECT DISTINCT u.code FROM org_unit u) c
CROSS JOIN (SELECT coalesce(max(k.unit_id), 0) AS last_id FROM fact_unit_key k) k0
ANTI JOIN fact_unit_key k ON k.code = c.code;

DELETE FROM fact_unit;

INSERT INTO fact_unit
SELECT k.unit_id, k.code, u.code IS NOT NULL, u.name, u.kind, u.level, u.parent_code, u.district_code,
       u.established, u.abolished,
       coalesce(u.district_code, left(k.code, 6)),
       CASE WHEN length(k.code) = 9 THEN k.code ELSE coalesce(u.parent_code, left(k.code, 9)) END,
       coalesce(u.parent_code, left(k.code, 9)),
       u.code IS NOT NULL AND is_post_unit(u.level, u.kind),
       CAST(required_posts_of(u.kind) AS BIGINT)
FROM fact_unit_key k
LEFT JOIN org_unit u ON u.code = k.code;
