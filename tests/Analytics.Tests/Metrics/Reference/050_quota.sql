-- 050: post quotas (专业岗位开发设置) per year and 区(市)县, summing every unit of the district.
-- approved is NULL when no unit of the district has an approved number yet.
CREATE OR REPLACE VIEW quota_summary AS
    SELECT q.year, left(q.unit_code, 6) AS district_code,
           CAST(sum(q.requested) AS BIGINT) AS requested,
           CAST(sum(q.approved) AS BIGINT) AS approved
    FROM post_quota q
    GROUP BY q.year, left(q.unit_code, 6)
    ORDER BY q.year, district_code;
