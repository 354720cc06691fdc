-- Staging tables for one file's good rows, created inside the file's transaction (temp: never written to disk).
-- Column order mirrors the appender maps in StageAppenders.cs, which mirror the extract columns.
CREATE OR REPLACE TEMP TABLE stage_org_unit (
    code VARCHAR, name VARCHAR, kind VARCHAR, level VARCHAR, parent_code VARCHAR, district_code VARCHAR,
    established DATE, abolished DATE, line_number INTEGER);
CREATE OR REPLACE TEMP TABLE stage_roster (
    as_of DATE, person_key VARCHAR, id_masked VARCHAR, name VARCHAR, name_masked VARCHAR, gender VARCHAR, birth_date DATE,
    unit_code VARCHAR, post_category VARCHAR, employment VARCHAR, part_time_since DATE, hired DATE, left_on DATE,
    talent_source VARCHAR, education VARCHAR, major VARCHAR, salary_supplement INTEGER, line_number INTEGER);
CREATE OR REPLACE TEMP TABLE stage_exam_result (
    person_key VARCHAR, id_masked VARCHAR, name VARCHAR, name_masked VARCHAR, gender VARCHAR, birth_date DATE,
    exam_year INTEGER, level VARCHAR, level_rank TINYINT, passed BOOLEAN, certificate_no VARCHAR, issued DATE,
    line_number INTEGER);
CREATE OR REPLACE TEMP TABLE stage_appraisal (
    person_key VARCHAR, id_masked VARCHAR, name VARCHAR, name_masked VARCHAR, gender VARCHAR, birth_date DATE,
    year INTEGER, appraisal_type VARCHAR, assessor_code VARCHAR, ethics_score DOUBLE, performance_score DOUBLE,
    satisfaction_score DOUBLE, grade VARCHAR, line_number INTEGER);
CREATE OR REPLACE TEMP TABLE stage_post_quota (
    year INTEGER, unit_code VARCHAR, requested INTEGER, approved INTEGER, line_number INTEGER);
CREATE OR REPLACE TEMP TABLE stage_demo_site (
    name VARCHAR, unit_code VARCHAR, year INTEGER, category VARCHAR, line_number INTEGER);
CREATE OR REPLACE TEMP TABLE stage_problem (
    line_number INTEGER, column_name VARCHAR, reason_zh VARCHAR, reason_en VARCHAR);
CREATE OR REPLACE TEMP TABLE stage_notice (
    line_number INTEGER, column_name VARCHAR, reason_zh VARCHAR, reason_en VARCHAR);
