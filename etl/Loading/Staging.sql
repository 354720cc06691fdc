-- Staging tables for one file's good rows, created inside the file's transaction and dropped before its commit, so
-- no other connection ever sees them. Ordinary (not TEMP) tables on purpose: a persistent table's uncommitted rows are
-- written out in full row groups and its blocks can be evicted, so a big file does not have to fit in memory.
-- Column order mirrors the appender maps in StageAppenders.cs, which mirror the extract columns.
CREATE OR REPLACE TABLE main.stage_org_unit (
    code VARCHAR, name VARCHAR, kind VARCHAR, level VARCHAR, parent_code VARCHAR, district_code VARCHAR,
    established DATE, abolished DATE, line_number INTEGER);
CREATE OR REPLACE TABLE main.stage_roster (
    as_of DATE, person_key VARCHAR, id_masked VARCHAR, name VARCHAR, name_masked VARCHAR, gender VARCHAR, birth_date DATE,
    unit_code VARCHAR, post_category VARCHAR, employment VARCHAR, part_time_since DATE, hired DATE, left_on DATE,
    talent_source VARCHAR, education VARCHAR, major VARCHAR, salary_supplement INTEGER, line_number INTEGER);
CREATE OR REPLACE TABLE main.stage_exam_result (
    person_key VARCHAR, id_masked VARCHAR, name VARCHAR, name_masked VARCHAR, gender VARCHAR, birth_date DATE,
    exam_year INTEGER, level VARCHAR, level_rank TINYINT, passed BOOLEAN, certificate_no VARCHAR, issued DATE,
    line_number INTEGER);
CREATE OR REPLACE TABLE main.stage_appraisal (
    person_key VARCHAR, id_masked VARCHAR, name VARCHAR, name_masked VARCHAR, gender VARCHAR, birth_date DATE,
    year INTEGER, appraisal_type VARCHAR, assessor_code VARCHAR, ethics_score DOUBLE, performance_score DOUBLE,
    satisfaction_score DOUBLE, grade VARCHAR, line_number INTEGER);
CREATE OR REPLACE TABLE main.stage_post_quota (
    year INTEGER, unit_code VARCHAR, requested INTEGER, approved INTEGER, line_number INTEGER);
CREATE OR REPLACE TABLE main.stage_demo_site (
    name VARCHAR, unit_code VARCHAR, year INTEGER, category VARCHAR, line_number INTEGER);
CREATE OR REPLACE TABLE main.stage_problem (
    line_number INTEGER, column_name VARCHAR, reason_zh VARCHAR, reason_en VARCHAR);
