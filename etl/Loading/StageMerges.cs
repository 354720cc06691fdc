using Analytics.Etl.Extracts;

namespace Analytics.Etl.Loading;

/// <summary>The natural key and replacement rule of each extract kind (EXTRACTS.md, "a corrected file replaces").</summary>
internal static class StageMerges
{
    public static StageMerge For(ExtractKind kind) => kind switch
    {
        ExtractKind.OrgUnits => new("stage_org_unit", "org_unit", ["code"], ["code"],
            ["code", "name", "kind", "level", "parent_code", "district_code", "established", "abolished", "load_id"],
            DuplicatePolicy.AllBad, "区划代码", "unit code", NamesPeople: false, KeyColumnZh: "区划代码"),
        ExtractKind.Roster => new("stage_roster", "roster_entry", ["person_key"], ["as_of"],
            ["as_of", "person_key", "unit_code", "post_category", "employment", "part_time_since", "hired", "left_on",
             "talent_source", "education", "major", "salary_supplement", "load_id", "line_number"],
            DuplicatePolicy.AllBad, "人员（身份证号）", "person (ID number)", NamesPeople: true, KeyColumnZh: "身份证号"),
        ExtractKind.ExamResults => new("stage_exam_result", "exam_result", ["person_key", "exam_year", "level"], ["person_key", "exam_year", "level"],
            ["person_key", "exam_year", "level", "level_rank", "passed", "certificate_no", "issued", "load_id", "line_number"],
            DuplicatePolicy.IdenticalOnce, "人员、考试年度和资格级别", "person, exam year and level", NamesPeople: true),
        ExtractKind.Appraisals => new("stage_appraisal", "appraisal", ["person_key", "year", "appraisal_type"], ["person_key", "year", "appraisal_type"],
            ["person_key", "year", "appraisal_type", "assessor_code", "ethics_score", "performance_score", "satisfaction_score", "grade", "load_id", "line_number"],
            DuplicatePolicy.IdenticalOnce, "人员、考评年度和考评类型", "person, year and appraisal type", NamesPeople: true),
        ExtractKind.PostQuotas => new("stage_post_quota", "post_quota", ["year", "unit_code"], ["year", "unit_code"],
            ["year", "unit_code", "requested", "approved", "load_id", "line_number"],
            DuplicatePolicy.IdenticalOnce, "年度和区划代码", "year and unit code", NamesPeople: false),
        ExtractKind.DemoSites => new("stage_demo_site", "demo_site", ["name", "unit_code", "year"], ["name", "unit_code", "year"],
            ["name", "unit_code", "year", "category", "load_id", "line_number"],
            DuplicatePolicy.IdenticalOnce, "名称、区划代码和认定年度", "name, unit code and year", NamesPeople: false),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
