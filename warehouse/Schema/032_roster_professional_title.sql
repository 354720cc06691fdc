-- 职称 (professional title): an optional roster column, shown on the community page. Existing rows: NULL (not given).
ALTER TABLE roster_entry ADD COLUMN professional_title VARCHAR;
