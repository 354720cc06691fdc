namespace Analytics.Etl.Extracts;

/// <summary>Row rules of 示范点 (demonstration sites and projects).</summary>
internal static class DemoSiteRules
{
    public const int FirstYear = 2000;
    private static readonly int[] UnitCodeLengths = [6, 9, 12];

    public static RowOutcome<DemoSiteRow> Check(RowChecks row, int lineNumber, IKnownUnits units, int currentYear)
    {
        var name = row.Required(DemoSiteColumns.Name);
        var unit = row.KnownUnit(DemoSiteColumns.UnitCode, UnitCodeLengths, units);
        var year = row.Integer(DemoSiteColumns.Year, required: true, FirstYear, currentYear + 1);
        var category = row.OneOf(DemoSiteColumns.Category, ContractVocabulary.DemoSiteCategories);
        return row.Outcome(lineNumber, () => new DemoSiteRow(name!, unit!, year!.Value, category!));
    }
}
