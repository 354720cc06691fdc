using Analytics.Etl.Loading;
using Analytics.Warehouse.Schema;

namespace Analytics.Etl.Extracts.Kinds;

/// <summary>An exam or certification result; the ID number lives only in memory.</summary>
internal sealed record ExamResultRow(string IdNumber, string Name, int ExamYear, string Level, bool Passed, string? CertificateNo, DateOnly? Issued)
    : IPersonRow;

/// <summary>
/// 职业水平考试与社工员认定 (exam and certification results). People here need not be in the roster. The same person,
/// year and level twice: identical rows count once, rows that disagree are all bad; a later file replaces a result of
/// the same person, year and level.
/// </summary>
internal sealed class ExamResultsKind() : ExtractKind<ExamResultRow>("exam_results", "职业水平考试与社工员认定", List,
    new KindTarget("exam_result", ["person_key", "exam_year", "level"], ["person_key", "exam_year", "level"], DuplicatePolicy.IdenticalOnce,
        "人员、考试年度和资格级别", "person, exam year and level"))
{
    public const int FirstExamYear = 2008;

    private static readonly ExtractColumnList List = new();
    public static readonly ExtractColumn IdNumber = List.Required("身份证号", "id_number");
    public static readonly ExtractColumn Name = List.Required("姓名", "name");
    public static readonly ExtractColumn ExamYear = List.Required("考试年度", "exam_year");
    public static readonly ExtractColumn Level = List.Required("资格级别", "level");
    public static readonly ExtractColumn Result = List.Required("考试结果", "result");
    public static readonly ExtractColumn CertificateNo = List.Optional("证书编号", "certificate_no");
    public static readonly ExtractColumn Issued = List.Optional("发证日期", "issued");

    private static readonly string[] PassedWords = ["合格", "通过", "pass"];
    private static readonly string[] FailedWords = ["不合格", "未通过", "fail"];

    public override IReadOnlyList<TargetColumn<ExamResultRow>> AppenderMap { get; } =
    [
        PersonKey(), Integer("exam_year", r => r.ExamYear), Text("level", r => r.Level),
        TinyInt("level_rank", r => (sbyte)CertificateLevels.RankOf(r.Level)), Boolean("passed", r => r.Passed),
        Text("certificate_no", r => r.CertificateNo), Date("issued", r => r.Issued), LoadId(), LineNumber(),
    ];

    public override IRowRules<ExamResultRow> Rules(ExtractContext context) =>
        new StatelessRules<ExamResultRow>((row, line) => Check(row, line, context.CurrentYear));

    private static RowOutcome<ExamResultRow> Check(RowChecks row, int lineNumber, int currentYear)
    {
        var id = row.IdNumber(IdNumber);
        row.Present(Name);
        var year = row.Integer(ExamYear, required: true, FirstExamYear, currentYear);
        var level = row.OneOf(Level, CertificateLevels.All);
        var passed = CheckResult(row);
        var certificate = row.Optional(CertificateNo);
        var issued = row.Date(Issued, required: false);
        if (passed == true && certificate is null)
            row.Problem(CertificateNo,
                "考试结果为合格，但证书编号为空：合格人员必须填写证书编号。",
                "The result is a pass but certificate_no (证书编号) is empty: it is required for everyone who passed.");
        return row.HasProblems
            ? row.Bad<ExamResultRow>(lineNumber)
            : row.Good(lineNumber, new ExamResultRow(id!, row.Text(Name).ToString(), year!.Value, level!, passed!.Value, certificate, issued));
    }

    private static bool? CheckResult(RowChecks row)
    {
        if (!row.Present(Result)) return null;
        var value = row.Text(Result);
        foreach (var word in PassedWords)
            if (value.Equals(word, StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var word in FailedWords)
            if (value.Equals(word, StringComparison.OrdinalIgnoreCase)) return false;
        row.Problem(Result,
            $"考试结果「{CellText.ForMessage(value)}」无法识别：应为 合格、通过、pass，或 不合格、未通过、fail。",
            $"result (考试结果) \"{CellText.ForMessage(value)}\" is not recognised: use 合格, 通过 or pass, or 不合格, 未通过 or fail.");
        return null;
    }
}
