using Analytics.Etl.Loading;

namespace Analytics.Etl.Extracts.Kinds;

/// <summary>A unit of the register. Dates are DateOnly.</summary>
internal sealed record OrgUnitRow(string Code, string Name, string Kind, string? ParentCode, DateOnly? Established, DateOnly? Abolished)
{
    public UnitLevel Level => (UnitLevel)Code.Length;

    /// <summary>district | town | community (org_unit.level).</summary>
    public string LevelName => Level switch { UnitLevel.District => "district", UnitLevel.Town => "town", _ => "community" };
}

/// <summary>
/// 区划名录 (org units), the organisation register. A later register updates names, kinds and dates of existing codes
/// (org_unit holds the current version, org_unit_history every version). A parent must be a known unit: in the
/// register already or a good row of this file (checked when loading).
/// </summary>
internal sealed class OrgUnitsKind() : ExtractKind<OrgUnitRow>("org_units", "区划名录", List,
    new KindTarget("org_unit", ["code"], ["code"], DuplicatePolicy.AllBad, "区划代码", "unit code", KeyColumnZh: "区划代码"), loadOrder: 0)
{
    private static readonly ExtractColumnList List = new();
    public static readonly ExtractColumn DivisionCode = List.Required("区划代码", "code");
    public static readonly ExtractColumn Name = List.Required("名称", "name");
    public static readonly ExtractColumn Kind = List.Required("类型", "kind");
    public static readonly ExtractColumn ParentCode = List.Optional("上级代码", "parent_code");
    public static readonly ExtractColumn Established = List.Optional("设立日期", "established");
    public static readonly ExtractColumn Abolished = List.Optional("撤销日期", "abolished");

    public static readonly IReadOnlyList<string> DistrictKinds = ["区", "市", "县", "新区"];
    public static readonly IReadOnlyList<string> TownKinds = ["街道", "镇", "乡"];
    public static readonly IReadOnlyList<string> CommunityKinds = ["社区", "建制村"];
    private static readonly int[] CodeLengths = [6, 9, 12];

    public override IReadOnlyList<TargetColumn<OrgUnitRow>> AppenderMap { get; } =
    [
        Text("code", r => r.Code), Text("name", r => r.Name), Text("kind", r => r.Kind), Text("level", r => r.LevelName),
        Text("parent_code", r => r.ParentCode), Text("district_code", r => r.Code[..6]), Date("established", r => r.Established),
        Date("abolished", r => r.Abolished), LoadId(), LineNumber(),
    ];

    public override IRowRules<OrgUnitRow> Rules(ExtractContext context) => new StatelessRules<OrgUnitRow>(Check);

    private static RowOutcome<OrgUnitRow> Check(RowChecks row, int lineNumber)
    {
        var code = row.Code(DivisionCode, CodeLengths);
        var name = row.Required(Name);
        var kind = row.Required(Kind);
        var parent = row.Optional(ParentCode);
        var established = row.Date(Established, required: false);
        var abolished = row.Date(Abolished, required: false);
        if (code is not null && kind is not null) CheckKind(row, code, kind);
        if (code is not null) parent = CheckParent(row, code, parent);
        if (established is { } from && abolished is { } to && to < from)
            row.Problem(Abolished,
                $"撤销日期 {to:yyyy-MM-dd} 早于设立日期 {from:yyyy-MM-dd}：请核对。",
                $"abolished (撤销日期) {to:yyyy-MM-dd} is before established (设立日期) {from:yyyy-MM-dd}: please check.");
        return row.HasProblems ? row.Bad<OrgUnitRow>(lineNumber) : row.Good(lineNumber, new OrgUnitRow(code!, name!, kind!, parent, established, abolished));
    }

    private static void CheckKind(RowChecks row, string code, string kind)
    {
        var allowed = code.Length switch { 6 => DistrictKinds, 9 => TownKinds, _ => CommunityKinds };
        if (!allowed.Contains(kind))
        {
            row.Problem(Kind,
                $"类型「{CellText.ForMessage(kind)}」与 {code.Length} 位区划代码不符：{code.Length} 位代码的类型应为 {string.Join("、", allowed)}。",
                $"kind (类型) \"{CellText.ForMessage(kind)}\" does not fit a {code.Length}-digit code: it must be one of {string.Join(", ", allowed)}.");
            return;
        }

        if (code.Length != 12) return;
        var suffix = int.Parse(code.AsSpan(9), System.Globalization.CultureInfo.InvariantCulture);
        var expected = suffix switch { >= 1 and <= 199 => "社区", >= 200 and <= 399 => "建制村", _ => null };
        if (expected != kind)
            row.Problem(Kind,
                $"区划代码 {code} 末三位为 {code[9..]}，与类型「{kind}」不符：社区的末三位为 001–199，建制村为 200–399。",
                $"code {code} ends in {code[9..]}, which does not fit kind \"{kind}\": 社区 (community) codes end in 001–199, "
                + "建制村 (village) codes in 200–399.");
    }

    private static string? CheckParent(RowChecks row, string code, string? parent)
    {
        if (code.Length == 6)
        {
            if (parent is not null)
                row.Warning(ParentCode,
                    "6 位（区(市)县）代码不需要上级代码，已忽略该值。",
                    "A 6-digit (district) code needs no parent_code (上级代码); the value was ignored.");
            return null;
        }

        var prefix = code[..(code.Length - 3)];
        if (parent is null)
        {
            row.Problem(ParentCode,
                $"上级代码为空：{code.Length} 位代码必须填写上级代码（应为 {prefix}）。",
                $"parent_code (上级代码) is empty: a {code.Length}-digit code needs its parent code (here {prefix}).");
            return null;
        }

        if (parent == prefix) return prefix;
        row.Problem(ParentCode,
            $"上级代码「{CellText.ForMessage(parent)}」应为区划代码的前 {prefix.Length} 位 {prefix}。",
            $"parent_code (上级代码) \"{CellText.ForMessage(parent)}\" must be the first {prefix.Length} digits of the code, {prefix}.");
        return null;
    }

    /// <summary>
    /// A parent must be a known unit: in the register already or a good row of this file. A row whose parent is
    /// itself bad becomes bad too, so repeat until nothing changes.
    /// </summary>
    internal override void BeforeSettle(MergeContext merge)
    {
        // org_unit holds the register and, within this transaction, this file's rows too: the known units.
        const string orphanOfThisFile = "load_id = $load AND parent_code IS NOT NULL AND parent_code NOT IN (SELECT code FROM org_unit)";
        while (merge.Count($"SELECT count(*) FROM org_unit WHERE {orphanOfThisFile}") > 0)
        {
            merge.Quarantine($"""
                SELECT line_number, '上级代码',
                       '上级代码 ' || parent_code || ' 不是已知单位：名录中没有它，本文件中也没有它的有效行',
                       'parent code ' || parent_code || ' is not a known unit: it is not in the register, nor a good row of this file'
                FROM org_unit WHERE {orphanOfThisFile}
                """);
            merge.Execute($"DELETE FROM org_unit WHERE {orphanOfThisFile}");
        }
    }

    /// <summary>Every version ever loaded is kept in org_unit_history.</summary>
    internal override void AfterReplace(MergeContext merge) => merge.Execute("""
        INSERT INTO org_unit_history (code, name, kind, level, parent_code, district_code, established, abolished, load_id, line_number)
        SELECT code, name, kind, level, parent_code, district_code, established, abolished, load_id, line_number
        FROM org_unit WHERE load_id = $load
        """);
}
