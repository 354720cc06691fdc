namespace Analytics.Etl.DemoData;

/// <summary>The columns of each extract kind, in the order the generator fills them (EXTRACTS.md names and aliases).</summary>
internal static class DemoExtractColumns
{
    public const string OrgUnits = "org_units", Roster = "roster", ExamResults = "exam_results", Appraisals = "appraisals",
        PostQuotas = "post_quotas", DemoSites = "demo_sites";

    public static readonly IReadOnlyList<DemoColumn> OrgUnitColumns =
    [
        new("区划代码", "code"), new("名称", "name"), new("类型", "kind"), new("上级代码", "parent_code"),
        new("设立日期", "established"), new("撤销日期", "abolished"),
    ];

    public static readonly IReadOnlyList<DemoColumn> RosterColumns =
    [
        new("统计日期", "as_of"), new("身份证号", "id_number"), new("姓名", "name"), new("性别", "gender"),
        new("工作单位代码", "unit_code"), new("岗位类别", "post_category"), new("用工方式", "employment"),
        new("兼职起始日期", "part_time_since"), new("入职日期", "hired"), new("离职日期", "left"),
        new("人才来源", "talent_source"), new("学历", "education"), new("所学专业", "major"), new("基本工资增发", "salary_supplement"),
    ];

    public static readonly IReadOnlyList<DemoColumn> ExamColumns =
    [
        new("身份证号", "id_number"), new("姓名", "name"), new("考试年度", "exam_year"), new("资格级别", "level"),
        new("考试结果", "result"), new("证书编号", "certificate_no"), new("发证日期", "issued"),
    ];

    public static readonly IReadOnlyList<DemoColumn> AppraisalColumns =
    [
        new("身份证号", "id_number"), new("姓名", "name"), new("考评年度", "year"), new("考评类型", "appraisal_type"),
        new("考评单位代码", "assessor_code"), new("职业操守", "ethics_score"), new("服务绩效", "performance_score"),
        new("群众满意度", "satisfaction_score"), new("考评等次", "grade"),
    ];

    public static readonly IReadOnlyList<DemoColumn> PostQuotaColumns =
        [new("年度", "year"), new("区划代码", "unit_code"), new("申报数", "requested"), new("审定数", "approved")];

    public static readonly IReadOnlyList<DemoColumn> DemoSiteColumns =
        [new("名称", "name"), new("区划代码", "unit_code"), new("认定年度", "year"), new("类别", "category")];
}
