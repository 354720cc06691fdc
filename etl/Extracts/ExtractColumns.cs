namespace Analytics.Etl.Extracts;

/// <summary>
/// One column of an extract kind: its Chinese header name, its English alias, and whether the header must contain it
/// (columns whose value is always required). Columns whose value is optional or only sometimes required may be absent.
/// </summary>
internal sealed record ExtractColumn(string Chinese, string Alias, bool RequiredInHeader)
{
    public string Describe() => $"{Chinese}({Alias})";
}

internal static class OrgUnitColumns
{
    public static readonly ExtractColumn Code = new("区划代码", "code", true);
    public static readonly ExtractColumn Name = new("名称", "name", true);
    public static readonly ExtractColumn Kind = new("类型", "kind", true);
    public static readonly ExtractColumn ParentCode = new("上级代码", "parent_code", false);
    public static readonly ExtractColumn Established = new("设立日期", "established", false);
    public static readonly ExtractColumn Abolished = new("撤销日期", "abolished", false);
    public static readonly IReadOnlyList<ExtractColumn> All = [Code, Name, Kind, ParentCode, Established, Abolished];
}

internal static class RosterColumns
{
    public static readonly ExtractColumn AsOf = new("统计日期", "as_of", true);
    public static readonly ExtractColumn IdNumber = new("身份证号", "id_number", true);
    public static readonly ExtractColumn Name = new("姓名", "name", true);
    public static readonly ExtractColumn Gender = new("性别", "gender", false);
    public static readonly ExtractColumn UnitCode = new("工作单位代码", "unit_code", true);
    public static readonly ExtractColumn PostCategory = new("岗位类别", "post_category", true);
    public static readonly ExtractColumn Employment = new("用工方式", "employment", true);
    public static readonly ExtractColumn PartTimeSince = new("兼职起始日期", "part_time_since", false);
    public static readonly ExtractColumn Hired = new("入职日期", "hired", true);
    public static readonly ExtractColumn Left = new("离职日期", "left", false);
    public static readonly ExtractColumn TalentSource = new("人才来源", "talent_source", true);
    public static readonly ExtractColumn Education = new("学历", "education", true);
    public static readonly ExtractColumn Major = new("所学专业", "major", false);
    public static readonly ExtractColumn SalarySupplement = new("基本工资增发", "salary_supplement", false);

    public static readonly IReadOnlyList<ExtractColumn> All =
    [
        AsOf, IdNumber, Name, Gender, UnitCode, PostCategory, Employment, PartTimeSince, Hired, Left, TalentSource,
        Education, Major, SalarySupplement,
    ];
}

internal static class ExamResultColumns
{
    public static readonly ExtractColumn IdNumber = new("身份证号", "id_number", true);
    public static readonly ExtractColumn Name = new("姓名", "name", true);
    public static readonly ExtractColumn ExamYear = new("考试年度", "exam_year", true);
    public static readonly ExtractColumn Level = new("资格级别", "level", true);
    public static readonly ExtractColumn Result = new("考试结果", "result", true);
    public static readonly ExtractColumn CertificateNo = new("证书编号", "certificate_no", false);
    public static readonly ExtractColumn Issued = new("发证日期", "issued", false);
    public static readonly IReadOnlyList<ExtractColumn> All = [IdNumber, Name, ExamYear, Level, Result, CertificateNo, Issued];
}

internal static class AppraisalColumns
{
    public static readonly ExtractColumn IdNumber = new("身份证号", "id_number", true);
    public static readonly ExtractColumn Name = new("姓名", "name", true);
    public static readonly ExtractColumn Year = new("考评年度", "year", true);
    public static readonly ExtractColumn AppraisalType = new("考评类型", "appraisal_type", true);
    public static readonly ExtractColumn AssessorCode = new("考评单位代码", "assessor_code", true);
    public static readonly ExtractColumn Ethics = new("职业操守", "ethics_score", true);
    public static readonly ExtractColumn Performance = new("服务绩效", "performance_score", true);
    public static readonly ExtractColumn Satisfaction = new("群众满意度", "satisfaction_score", false);
    public static readonly ExtractColumn Grade = new("考评等次", "grade", true);

    public static readonly IReadOnlyList<ExtractColumn> All =
        [IdNumber, Name, Year, AppraisalType, AssessorCode, Ethics, Performance, Satisfaction, Grade];
}

internal static class PostQuotaColumns
{
    public static readonly ExtractColumn Year = new("年度", "year", true);
    public static readonly ExtractColumn UnitCode = new("区划代码", "unit_code", true);
    public static readonly ExtractColumn Requested = new("申报数", "requested", true);
    public static readonly ExtractColumn Approved = new("审定数", "approved", false);
    public static readonly IReadOnlyList<ExtractColumn> All = [Year, UnitCode, Requested, Approved];
}

internal static class DemoSiteColumns
{
    public static readonly ExtractColumn Name = new("名称", "name", true);
    public static readonly ExtractColumn UnitCode = new("区划代码", "unit_code", true);
    public static readonly ExtractColumn Year = new("认定年度", "year", true);
    public static readonly ExtractColumn Category = new("类别", "category", true);
    public static readonly IReadOnlyList<ExtractColumn> All = [Name, UnitCode, Year, Category];
}

internal static class ExtractColumns
{
    public static IReadOnlyList<ExtractColumn> Of(ExtractKind kind) => kind switch
    {
        ExtractKind.OrgUnits => OrgUnitColumns.All,
        ExtractKind.Roster => RosterColumns.All,
        ExtractKind.ExamResults => ExamResultColumns.All,
        ExtractKind.Appraisals => AppraisalColumns.All,
        ExtractKind.PostQuotas => PostQuotaColumns.All,
        ExtractKind.DemoSites => DemoSiteColumns.All,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>The closed value lists of the contract.</summary>
internal static class ContractVocabulary
{
    public static readonly IReadOnlyList<string> DistrictKinds = ["区", "市", "县", "新区"];
    public static readonly IReadOnlyList<string> TownKinds = ["街道", "镇", "乡"];
    public static readonly IReadOnlyList<string> CommunityKinds = ["社区", "建制村"];
    public static readonly IReadOnlyList<string> PostCategories = ["社会工作专业岗位", "社区专职工作者", "其他"];
    public static readonly IReadOnlyList<string> Employments = ["专职", "兼职"];
    public static readonly IReadOnlyList<string> TalentSources = ["存量转岗", "高校社工专业毕业生", "一村一名大学生", "志愿者转化", "社工机构派驻", "其他"];
    public static readonly IReadOnlyList<string> Educations = ["高中及以下", "中专", "大专", "本科", "硕士研究生", "博士研究生"];
    public static readonly IReadOnlyList<string> ExamLevels = ["社工员", "助理社会工作师", "社会工作师", "高级社会工作师"];
    public static readonly IReadOnlyList<string> AppraisalTypes = ["社区社会工作者绩效考评", "社区社工专业岗位绩效考评"];
    public const string ProfessionalPostAppraisal = "社区社工专业岗位绩效考评";
    public static readonly IReadOnlyList<string> Grades = ["优秀", "合格", "基本合格", "不合格"];
    public static readonly IReadOnlyList<string> DemoSiteCategories = ["示范点", "示范项目", "试点项目", "微项目"];
    public const string PartTime = "兼职";
}
