namespace Analytics.Etl.Extracts;

/// <summary>Row rules of 专业岗位开发设置 (post quotas).</summary>
internal static class PostQuotaRules
{
    public const int FirstYear = 2000;
    private static readonly int[] UnitCodeLengths = [6, 9, 12];

    public static RowOutcome<PostQuotaRow> Check(RowChecks row, int lineNumber, IKnownUnits units, int currentYear)
    {
        var year = row.Integer(PostQuotaColumns.Year, required: true, FirstYear, currentYear + 1);
        var unit = row.KnownUnit(PostQuotaColumns.UnitCode, UnitCodeLengths, units);
        var requested = row.Integer(PostQuotaColumns.Requested, required: true, 0, int.MaxValue);
        var approved = row.Integer(PostQuotaColumns.Approved, required: false, 0, int.MaxValue);
        return row.Outcome(lineNumber, () => new PostQuotaRow(year!.Value, unit!, requested!.Value, approved));
    }
}
