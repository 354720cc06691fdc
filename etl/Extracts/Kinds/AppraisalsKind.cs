using Analytics.Etl.Loading;

namespace Analytics.Etl.Extracts.Kinds;

/// <summary>An appraisal result; the ID number lives only in memory.</summary>
internal sealed record AppraisalRow(
    string IdNumber, string Name, int Year, string AppraisalType, string AssessorCode, double EthicsScore,
    double PerformanceScore, double? SatisfactionScore, string Grade) : IPersonRow;

/// <summary>
/// 绩效考评结果 (appraisal results), returned by each 镇(街道). Rows of the same person, year and type: identical ones
/// count once, disagreeing ones are all bad; a later file replaces the result of the same person, year and type.
/// </summary>
internal sealed class AppraisalsKind() : ExtractKind<AppraisalRow>("appraisals", "绩效考评结果", List,
    new KindTarget("appraisal", ["person_key", "year", "appraisal_type"], ["person_key", "year", "appraisal_type"], DuplicatePolicy.IdenticalOnce,
        "人员、考评年度和考评类型", "person, year and appraisal type"))
{
    public const int FirstYear = 2000;
    public const string ProfessionalPostAppraisal = "社区社工专业岗位绩效考评";

    private static readonly ExtractColumnList List = new();
    public static readonly ExtractColumn IdNumber = List.Required("身份证号", "id_number");
    public static readonly ExtractColumn Name = List.Required("姓名", "name");
    public static readonly ExtractColumn Year = List.Required("考评年度", "year");
    public static readonly ExtractColumn AppraisalType = List.Required("考评类型", "appraisal_type");
    public static readonly ExtractColumn AssessorCode = List.Required("考评单位代码", "assessor_code");
    public static readonly ExtractColumn Ethics = List.Required("职业操守", "ethics_score");
    public static readonly ExtractColumn Performance = List.Required("服务绩效", "performance_score");
    public static readonly ExtractColumn Satisfaction = List.Optional("群众满意度", "satisfaction_score");
    public static readonly ExtractColumn Grade = List.Required("考评等次", "grade");

    public static readonly IReadOnlyList<string> AppraisalTypes = ["社区社会工作者绩效考评", ProfessionalPostAppraisal];
    public static readonly IReadOnlyList<string> Grades = ["优秀", "合格", "基本合格", "不合格"];
    private static readonly int[] AssessorCodeLengths = [9];

    public override IReadOnlyList<TargetColumn<AppraisalRow>> AppenderMap { get; } =
    [
        PersonKey(), Integer("year", r => r.Year), Text("appraisal_type", r => r.AppraisalType), Text("assessor_code", r => r.AssessorCode),
        Double("ethics_score", r => r.EthicsScore), Double("performance_score", r => r.PerformanceScore),
        Double("satisfaction_score", r => r.SatisfactionScore), Text("grade", r => r.Grade), LoadId(), LineNumber(),
    ];

    public override IRowRules<AppraisalRow> Rules(ExtractContext context) =>
        new StatelessRules<AppraisalRow>((row, line) => Check(row, line, context));

    private static RowOutcome<AppraisalRow> Check(RowChecks row, int lineNumber, ExtractContext context)
    {
        var id = row.IdNumber(IdNumber);
        row.Present(Name);
        var year = row.Integer(Year, required: true, FirstYear, context.CurrentYear + 1);
        var type = row.OneOf(AppraisalType, AppraisalTypes);
        var assessor = row.KnownUnit(AssessorCode, AssessorCodeLengths, context.Units);
        var ethics = row.Score(Ethics, required: true);
        var performance = row.Score(Performance, required: true);
        var satisfaction = row.Score(Satisfaction, required: false);
        var grade = row.OneOf(Grade, Grades);
        if (type == ProfessionalPostAppraisal && row.Text(Satisfaction).IsEmpty)
            row.Problem(Satisfaction,
                "专业岗位绩效考评必须填写群众满意度（0–100）。",
                "satisfaction_score (群众满意度, 0–100) is required for 社区社工专业岗位绩效考评 (professional post) appraisals.");
        return row.HasProblems
            ? row.Bad<AppraisalRow>(lineNumber)
            : row.Good(lineNumber, new AppraisalRow(id!, row.Text(Name).ToString(), year!.Value, type!, assessor!, ethics!.Value,
                performance!.Value, satisfaction, grade!));
    }
}
