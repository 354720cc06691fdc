namespace Analytics.Etl.Extracts;

/// <summary>Row rules of 绩效考评结果 (appraisal results).</summary>
internal static class AppraisalRules
{
    public const int FirstYear = 2000;
    private static readonly int[] AssessorCodeLengths = [9];

    public static RowOutcome<AppraisalRow> Check(RowChecks row, int lineNumber, IKnownUnits units, int currentYear)
    {
        var id = row.IdNumber(AppraisalColumns.IdNumber);
        var name = row.Required(AppraisalColumns.Name);
        var year = row.Integer(AppraisalColumns.Year, required: true, FirstYear, currentYear + 1);
        var type = row.OneOf(AppraisalColumns.AppraisalType, ContractVocabulary.AppraisalTypes);
        var assessor = row.KnownUnit(AppraisalColumns.AssessorCode, AssessorCodeLengths, units);
        var ethics = row.Score(AppraisalColumns.Ethics, required: true);
        var performance = row.Score(AppraisalColumns.Performance, required: true);
        var satisfaction = row.Score(AppraisalColumns.Satisfaction, required: false);
        var grade = row.OneOf(AppraisalColumns.Grade, ContractVocabulary.Grades);

        if (type == ContractVocabulary.ProfessionalPostAppraisal && row.Optional(AppraisalColumns.Satisfaction) is null)
        {
            row.Problem(AppraisalColumns.Satisfaction,
                "专业岗位绩效考评必须填写群众满意度（0–100）。",
                "satisfaction_score (群众满意度, 0–100) is required for 社区社工专业岗位绩效考评 (professional post) appraisals.");
        }

        return row.Outcome(lineNumber, () => new AppraisalRow(
            id!, name!, year!.Value, type!, assessor!, ethics!.Value, performance!.Value, satisfaction, grade!));
    }
}
