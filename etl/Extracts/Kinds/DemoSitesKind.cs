using Analytics.Etl.Loading;

namespace Analytics.Etl.Extracts.Kinds;

/// <summary>A demonstration site or project.</summary>
internal sealed record DemoSiteRow(string Name, string UnitCode, int Year, string Category);

/// <summary>示范点 (demonstration sites and projects); a site counts for the 区(市)县 that contains its unit.</summary>
internal sealed class DemoSitesKind() : ExtractKind<DemoSiteRow>("demo_sites", "示范点", List,
    new KindTarget("demo_site", ["name", "unit_code", "year"], ["name", "unit_code", "year"], DuplicatePolicy.IdenticalOnce,
        "名称、区划代码和认定年度", "name, unit code and year"))
{
    public const int FirstYear = 2000;

    private static readonly ExtractColumnList List = new();
    public static readonly ExtractColumn Name = List.Required("名称", "name");
    public static readonly ExtractColumn UnitCode = List.Required("区划代码", "unit_code");
    public static readonly ExtractColumn Year = List.Required("认定年度", "year");
    public static readonly ExtractColumn Category = List.Required("类别", "category");

    public static readonly IReadOnlyList<string> Categories = ["示范点", "示范项目", "试点项目", "微项目"];
    private static readonly int[] UnitCodeLengths = [6, 9, 12];

    public override IReadOnlyList<TargetColumn<DemoSiteRow>> AppenderMap { get; } =
    [
        Text("name", r => r.Name), Text("unit_code", r => r.UnitCode), Integer("year", r => r.Year), Text("category", r => r.Category),
        LoadId(), LineNumber(),
    ];

    public override IRowRules<DemoSiteRow> Rules(ExtractContext context) => new StatelessRules<DemoSiteRow>((row, line) =>
    {
        var name = row.Required(Name);
        var unit = row.KnownUnit(UnitCode, UnitCodeLengths, context.Units);
        var year = row.Integer(Year, required: true, FirstYear, context.CurrentYear + 1);
        var category = row.OneOf(Category, Categories);
        return row.HasProblems ? row.Bad<DemoSiteRow>(line) : row.Good(line, new DemoSiteRow(name!, unit!, year!.Value, category!));
    });
}
