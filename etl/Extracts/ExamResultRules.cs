namespace Analytics.Etl.Extracts;

/// <summary>Row rules of 职业水平考试与社工员认定 (exam results). Duplicate or conflicting rows are the loader's job.</summary>
internal static class ExamResultRules
{
    public const int FirstExamYear = 2008;

    private static readonly string[] PassedWords = ["合格", "通过", "pass"];
    private static readonly string[] FailedWords = ["不合格", "未通过", "fail"];

    public static RowOutcome<ExamResultRow> Check(RowChecks row, int lineNumber, int currentYear)
    {
        var id = row.IdNumber(ExamResultColumns.IdNumber);
        var name = row.Required(ExamResultColumns.Name);
        var year = row.Integer(ExamResultColumns.ExamYear, required: true, FirstExamYear, currentYear);
        var level = row.OneOf(ExamResultColumns.Level, ContractVocabulary.ExamLevels);
        var passed = CheckResult(row);
        var certificate = row.Optional(ExamResultColumns.CertificateNo);
        var issued = row.Date(ExamResultColumns.Issued, required: false);

        if (passed == true && certificate is null)
        {
            row.Problem(ExamResultColumns.CertificateNo,
                "考试结果为合格，但证书编号为空：合格人员必须填写证书编号。",
                "The result is a pass but certificate_no (证书编号) is empty: it is required for everyone who passed.");
        }

        return row.Outcome(lineNumber, () => new ExamResultRow(id!, name!, year!.Value, level!, passed!.Value, certificate, issued));
    }

    private static bool? CheckResult(RowChecks row)
    {
        var value = row.Required(ExamResultColumns.Result);
        if (value is null)
        {
            return null;
        }

        if (PassedWords.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        if (FailedWords.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        row.Problem(ExamResultColumns.Result,
            $"考试结果「{CellText.ForMessage(value)}」无法识别：应为 合格、通过、pass，或 不合格、未通过、fail。",
            $"result (考试结果) \"{CellText.ForMessage(value)}\" is not recognised: use 合格, 通过 or pass, or 不合格, 未通过 or fail.");
        return null;
    }
}
