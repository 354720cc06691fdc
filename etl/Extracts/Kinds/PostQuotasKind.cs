using Analytics.Etl.Loading;

namespace Analytics.Etl.Extracts.Kinds;

/// <summary>Posts requested and approved for one unit and year.</summary>
internal sealed record PostQuotaRow(int Year, string UnitCode, int Requested, int? Approved);

/// <summary>专业岗位开发设置 (post quotas): requested and approved professional posts per unit and year.</summary>
internal sealed class PostQuotasKind() : ExtractKind<PostQuotaRow>("post_quotas", "专业岗位开发设置", List,
    new KindTarget("post_quota", ["year", "unit_code"], ["year", "unit_code"], DuplicatePolicy.IdenticalOnce, "年度和区划代码", "year and unit code"))
{
    public const int FirstYear = 2000;

    private static readonly ExtractColumnList List = new();
    public static readonly ExtractColumn Year = List.Required("年度", "year");
    public static readonly ExtractColumn UnitCode = List.Required("区划代码", "unit_code");
    public static readonly ExtractColumn Requested = List.Required("申报数", "requested");
    public static readonly ExtractColumn Approved = List.Optional("审定数", "approved");
    private static readonly int[] UnitCodeLengths = [6, 9, 12];

    public override IReadOnlyList<TargetColumn<PostQuotaRow>> AppenderMap { get; } =
    [
        Integer("year", r => r.Year), Text("unit_code", r => r.UnitCode), Integer("requested", r => r.Requested),
        Integer("approved", r => r.Approved), LoadId(), LineNumber(),
    ];

    public override IRowRules<PostQuotaRow> Rules(ExtractContext context) => new StatelessRules<PostQuotaRow>((row, line) =>
    {
        var year = row.Integer(Year, required: true, FirstYear, context.CurrentYear + 1);
        var unit = row.KnownUnit(UnitCode, UnitCodeLengths, context.Units);
        var requested = row.Integer(Requested, required: true, 0, int.MaxValue);
        var approved = row.Integer(Approved, required: false, 0, int.MaxValue);
        return row.HasProblems ? row.Bad<PostQuotaRow>(line) : row.Good(line, new PostQuotaRow(year!.Value, unit!, requested!.Value, approved));
    });
}
