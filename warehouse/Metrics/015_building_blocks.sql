-- 015: the building blocks. The rules of 010_rules.sql evaluated at an as-of date d over the snapshot facts
-- (fact_worker, fact_unit, fact_certificate, fact_snapshot: see Schema/040_snapshot_facts.sql). Any date works, not only
-- snapshot dates: the roster snapshot in force at d is the latest one dated <= d, and every date rule (入职/离职,
-- 发证日期, 兼职 limit, 设立/撤销) is compared with d itself. The integer unit key (unit_id) is appended last.

-- 区划 at d: units of the register existing at d (设立日期 empty or <= d, 撤销日期 empty or > d).
CREATE OR REPLACE MACRO units_at(d) AS TABLE
    WITH arg AS (SELECT CAST(d AS DATE) AS at_date)
    SELECT u.code, u.name, u.kind, u.level, u.parent_code, u.register_district_code AS district_code, u.unit_id
    FROM arg, fact_unit u
    WHERE u.in_register AND unit_exists_at(u.established, u.abolished, arg.at_date);

-- The roster snapshot in force at d: the latest one dated <= d (no row before the first snapshot). next_snapshot is
-- the following snapshot's date (NULL for the latest): the snapshot is in force from snapshot up to next_snapshot.
CREATE OR REPLACE MACRO snapshot_at(d) AS TABLE
    WITH arg AS (SELECT CAST(d AS DATE) AS at_date)
    SELECT fs.snapshot, fs.next_snapshot
    FROM arg
    JOIN fact_snapshot fs ON fs.snapshot <= arg.at_date AND (fs.next_snapshot IS NULL OR arg.at_date < fs.next_snapshot);

-- Whether a roster row's rule outcomes can differ between two dates on which its snapshot is in force (snapshot up to
-- next_snapshot, NULL: the latest, for ever): a hire, a departure, a certificate or the end of the 兼职 limit falls
-- after the snapshot date. The outcomes of every other row are those at the snapshot date (fact_unit_people).
CREATE OR REPLACE MACRO varies_in_window(employment_kind, hired, left_on, certified_from, part_time_limit, snapshot, next_snapshot) AS
    coalesce((hired > snapshot AND (next_snapshot IS NULL OR hired < next_snapshot))
          OR (left_on > snapshot AND (next_snapshot IS NULL OR left_on < next_snapshot))
          OR (certified_from > snapshot AND (next_snapshot IS NULL OR certified_from < next_snapshot))
          OR (employment_kind <> '专职' AND part_time_limit >= snapshot
              AND (next_snapshot IS NULL OR part_time_limit < next_snapshot - 1)), false);

-- Every person 在岗 (in post) at d, with the rule outcomes that need no unit attribute: the row of the roster snapshot
-- in force at d, hired <= d, not left by d. 持证 (certified), 社会工作专业人才 (professional: certified or a social-work
-- degree), 社会工作专业岗位, within the 兼职 two-year limit, 存量 (stock, stored with the row: is_stock), and 达标岗位
-- (qualified post: a professional in a professional post, 专职 or within the limit). varies: whether the outcomes may
-- differ on another date the snapshot is in force (varies_in_window, stored with the row).
CREATE OR REPLACE MACRO worker_flags_at(d) AS TABLE
    WITH arg AS (SELECT CAST(d AS DATE) AS at_date)
    SELECT fw.person_key, fw.unit_code, fw.post_category, fw.employment, fw.part_time_since, fw.hired, fw.left_on,
           fw.talent_source, fw.education, fw.major, fw.salary_supplement, fw.snapshot,
           fw.certified_from, fw.rank2_from, fw.rank3_from, fw.rank4_from, arg.at_date,
           coalesce(fw.certified_from <= arg.at_date, false) AS certified,
           coalesce(fw.certified_from <= arg.at_date, false) OR fw.social_work_degree AS professional,
           fw.professional_post,
           within_part_time_limit(fw.employment, fw.part_time_limit, arg.at_date) AS within_part_time_limit,
           fw.stock,
           fw.professional_post
               AND (coalesce(fw.certified_from <= arg.at_date, false) OR fw.social_work_degree)
               AND within_part_time_limit(fw.employment, fw.part_time_limit, arg.at_date) AS qualified,
           fw.varies, fw.unit_id
    FROM arg
    CROSS JOIN snapshot_at(d) sa
    JOIN fact_worker fw ON fw.snapshot = sa.snapshot
    WHERE in_post_on(fw.hired, fw.left_on, arg.at_date);

-- People 在岗 at d per unit (integer key), among the rows whose outcomes vary within their snapshot's window or not:
-- 在岗 workers, 社会工作专业人才 professionals, 持证 certified, 持证存量 stock_certified, 增量 new_talent, 达标岗位
-- qualified_posts. The loads store it for the rows that do not vary (fact_unit_people, at each snapshot date).
CREATE OR REPLACE MACRO unit_people_at(d, varying_rows) AS TABLE
    SELECT wf.unit_id,
           count(*) AS workers,
           count(*) FILTER (WHERE wf.professional) AS professionals,
           count(*) FILTER (WHERE wf.certified) AS certified,
           count(*) FILTER (WHERE wf.certified AND wf.stock) AS stock_certified,
           count(*) FILTER (WHERE NOT wf.stock) AS new_talent,
           count(*) FILTER (WHERE wf.qualified) AS qualified_posts
    FROM worker_flags_at(d) wf
    WHERE wf.varies = varying_rows
    GROUP BY wf.unit_id;

-- 在岗 at d (see worker_flags_at). district_code / town_code: where the person counts (the unit's register entry,
-- else the code's prefix; a 9-digit unit, a town's service centre, is its own town).
CREATE OR REPLACE MACRO in_post_at(d) AS TABLE
    SELECT wf.person_key, wf.unit_code, fu.district_code, fu.town_code,
           wf.post_category, wf.employment, wf.part_time_since, wf.hired, wf.left_on, wf.talent_source,
           wf.education, wf.major, wf.salary_supplement, wf.snapshot AS snapshot_as_of, wf.unit_id
    FROM worker_flags_at(d) wf
    JOIN fact_unit fu ON fu.unit_id = wf.unit_id;

-- 持证 at d: a passed result with 发证日期 <= d, or without 发证日期 and 考试年度 <= year(d).
-- One row per certified person with the highest level held at d.
CREATE OR REPLACE MACRO certified_at(d) AS TABLE
    WITH arg AS (SELECT CAST(d AS DATE) AS at_date),
    ranked AS (
        SELECT fc.person_key,
               level_rank_at(fc.certified_from, fc.rank2_from, fc.rank3_from, fc.rank4_from, arg.at_date) AS level_rank
        FROM arg, fact_certificate fc
        WHERE fc.certified_from <= arg.at_date
    )
    SELECT r.person_key, cl.level, r.level_rank
    FROM ranked r
    LEFT JOIN fact_certificate_level cl ON cl.level_rank = r.level_rank;

-- Every person 在岗 at d with the rule outcomes: 持证 (certified, level), 社会工作专业人才 (professional), 达标岗位
-- (qualified), 存量/增量 (talent_group), and the first reason the person does not hold a qualified post.
CREATE OR REPLACE MACRO worker_status_at(d) AS TABLE
    WITH ranked AS (
        SELECT wf.*, level_rank_at(wf.certified_from, wf.rank2_from, wf.rank3_from, wf.rank4_from, wf.at_date) AS level_rank
        FROM worker_flags_at(d) wf
    )
    SELECT wf.person_key, wf.unit_code, fu.district_code, fu.town_code,
           wf.post_category, wf.employment, wf.part_time_since, wf.hired, wf.left_on, wf.talent_source,
           wf.education, wf.major, wf.salary_supplement, wf.snapshot AS snapshot_as_of,
           cl.level, wf.level_rank, wf.certified, wf.professional, wf.professional_post, wf.within_part_time_limit,
           talent_group(wf.hired) AS talent_group,
           wf.qualified,
           CASE WHEN NOT wf.professional_post THEN '非社会工作专业岗位'
                WHEN NOT wf.professional THEN '未取得证书且非社会工作专业学历'
                WHEN NOT wf.within_part_time_limit THEN '兼职已超过两年' END AS reason_zh,
           CASE WHEN NOT wf.professional_post THEN 'not a professional post'
                WHEN NOT wf.professional THEN 'not certified and no social-work degree'
                WHEN NOT wf.within_part_time_limit THEN 'part-time for more than two years' END AS reason_en,
           wf.unit_id
    FROM ranked wf
    JOIN fact_unit fu ON fu.unit_id = wf.unit_id
    LEFT JOIN fact_certificate_level cl ON cl.level_rank = wf.level_rank;

-- One row per unit that exists at d or has people in post at d: the unit's 应配岗位 (required), 达标岗位 (qualified
-- posts held there), 岗位缺口 (gap), whether it meets its minimum, and its people (在岗, 专业人才, 持证, 持证存量, 增量).
-- exists_at: a register unit existing at d; post_unit_at: a 社区/建制村 existing at d (only those have required posts).
-- The people come from the stored counts of the snapshot in force (fact_unit_people) plus the few rows that vary
-- within its window, evaluated at d; every roll-up (unit, town, district, city) reads them once.
CREATE OR REPLACE MACRO unit_status_at(d) AS TABLE
    WITH arg AS (SELECT CAST(d AS DATE) AS at_date),
    stable AS (
        SELECT fp.* FROM snapshot_at(d) sa JOIN fact_unit_people fp ON fp.snapshot = sa.snapshot
    ),
    varying AS (SELECT * FROM unit_people_at(d, true)),
    units AS (
        SELECT fu.unit_id, fu.code, fu.name, fu.kind, fu.level, fu.district_code, fu.town_code, fu.post_town_code,
               fu.register_district_code, fu.post_unit, fu.required_posts,
               fu.in_register AND unit_exists_at(fu.established, fu.abolished, arg.at_date) AS exists_at
        FROM arg, fact_unit fu
    ),
    people AS (
        SELECT u.*,
               coalesce(s.qualified_posts, 0) + coalesce(v.qualified_posts, 0) AS qualified_posts,
               coalesce(s.workers, 0) + coalesce(v.workers, 0) AS workers,
               coalesce(s.professionals, 0) + coalesce(v.professionals, 0) AS professionals,
               coalesce(s.certified, 0) + coalesce(v.certified, 0) AS certified,
               coalesce(s.stock_certified, 0) + coalesce(v.stock_certified, 0) AS stock_certified,
               coalesce(s.new_talent, 0) + coalesce(v.new_talent, 0) AS new_talent
        FROM units u
        LEFT JOIN stable s ON s.unit_id = u.unit_id
        LEFT JOIN varying v ON v.unit_id = u.unit_id
    )
    SELECT p.unit_id, p.code AS unit_code, p.name AS unit_name, p.kind AS unit_kind, p.level AS unit_level,
           p.district_code, p.town_code, p.post_town_code, p.register_district_code,
           p.exists_at, p.exists_at AND p.post_unit AS post_unit_at,
           p.required_posts,
           CAST(p.qualified_posts AS BIGINT) AS qualified_posts,
           CAST(post_gap(p.required_posts, p.qualified_posts) AS BIGINT) AS gap_posts,
           p.qualified_posts >= p.required_posts AS meets_target,
           CAST(p.workers AS BIGINT) AS workers,
           CAST(p.professionals AS BIGINT) AS professionals,
           CAST(p.certified AS BIGINT) AS certified,
           CAST(p.stock_certified AS BIGINT) AS stock_certified,
           CAST(p.new_talent AS BIGINT) AS new_talent
    FROM people p
    WHERE p.exists_at OR p.workers > 0;

-- Each 社区 / 建制村 at d with its 应配岗位 (required), 达标岗位 (qualified) and its own 岗位缺口 (gap: surplus never nets).
CREATE OR REPLACE MACRO unit_posts_at(d) AS TABLE
    SELECT us.unit_code, us.unit_name, us.unit_kind, us.post_town_code AS town_code,
           us.register_district_code AS district_code,
           us.required_posts, us.qualified_posts, us.gap_posts, us.meets_target, us.unit_id
    FROM unit_status_at(d) us
    WHERE us.post_unit_at;

-- 镇(街道)/乡 at d with the 达标岗位 (qualified posts) at its 社工服务中心 (service centre: the 9-digit unit itself).
CREATE OR REPLACE MACRO centre_posts_at(d) AS TABLE
    SELECT us.unit_code AS town_code, us.unit_name AS town_name, us.unit_kind AS town_kind,
           us.register_district_code AS district_code, us.qualified_posts AS centre_qualified_posts, us.unit_id
    FROM unit_status_at(d) us
    WHERE us.exists_at AND us.unit_level = 'town';

-- 示范点 (category 示范点 only) with 认定年度 <= year(d), counted for the 区(市)县 containing the unit.
CREATE OR REPLACE MACRO demo_sites_at(d) AS TABLE
    WITH arg AS (SELECT CAST(d AS DATE) AS at_date)
    SELECT ds.name, ds.unit_code, left(ds.unit_code, 6) AS district_code, ds.year
    FROM arg, demo_site ds
    WHERE ds.category = '示范点' AND ds.year <= year(arg.at_date);
