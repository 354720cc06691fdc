using Analytics.Etl.Extracts;
using Analytics.Etl.Extracts.Kinds;
using Analytics.Warehouse.Schema;

namespace Analytics.Etl.Templates;

/// <summary>How a template column is formatted and explained: text (ID numbers and codes, never turned into numbers by
/// Excel), date, or general; the codes a drop-down offers; what to write, in Chinese and English.</summary>
internal sealed record TemplateColumn(ExtractColumn Column, TemplateFormat Format, IReadOnlyList<string> Codes, string HintZh, string HintEn);

internal enum TemplateFormat { General, Text, Date }

/// <summary>The explanation of every contract column, keyed by its Chinese name (the same name means the same thing in
/// every kind). Code lists come from the kinds' own lists, so a template offers exactly what the load accepts.</summary>
internal static class TemplateColumns
{
    private static readonly IReadOnlyList<string> None = [];

    private static readonly Dictionary<string, (TemplateFormat Format, IReadOnlyList<string> Codes, string Zh, string En)> Known = new()
    {
        ["统计日期"] = (TemplateFormat.Date, None, "本表的统计日期，每行相同（如 2026-12-31）", "The roster's date, the same in every row (e.g. 2026-12-31)"),
        ["身份证号"] = (TemplateFormat.Text, None, "18 位身份证号（末位可为 X），15 位旧号会自动升级；本列为文本格式，请勿改成数字", "18-character ID number (last may be X); 15-digit old numbers are upgraded; keep the column as Text"),
        ["姓名"] = (TemplateFormat.General, None, "姓名，必填", "Name, required"),
        ["性别"] = (TemplateFormat.General, ["男", "女"], "可不填；与身份证号不一致时以身份证号为准", "Optional; the ID number wins when they differ"),
        ["工作单位代码"] = (TemplateFormat.Text, None, "9 位镇(街道)或 12 位社区/村的统计区划代码", "9-digit 镇(街道) or 12-digit 社区/村 division code"),
        ["岗位类别"] = (TemplateFormat.General, RosterKind.PostCategories, "从下拉列表选择", "Pick from the list"),
        ["用工方式"] = (TemplateFormat.General, RosterKind.Employments, "专职或兼职", "Full-time (专职) or part-time (兼职)"),
        ["兼职起始日期"] = (TemplateFormat.Date, None, "用工方式为兼职时必填，否则留空", "Required for 兼职, else empty"),
        ["入职日期"] = (TemplateFormat.Date, None, "必填，不晚于统计日期", "Required, not after the roster date"),
        ["离职日期"] = (TemplateFormat.Date, None, "可不填；不早于入职日期", "Optional; not before the hiring date"),
        ["人才来源"] = (TemplateFormat.General, RosterKind.TalentSources, "从下拉列表选择", "Pick from the list"),
        ["学历"] = (TemplateFormat.General, RosterKind.Educations, "从下拉列表选择", "Pick from the list"),
        ["所学专业"] = (TemplateFormat.General, None, "可不填", "Optional"),
        ["基本工资增发"] = (TemplateFormat.General, None, "可不填；整数元/月：0 或 200–1200", "Optional; whole yuan a month: 0 or 200–1200"),
        ["区划代码"] = (TemplateFormat.Text, None, "6 位区(市)县、9 位镇(街道)或 12 位社区/村的统计区划代码", "6-, 9- or 12-digit division code"),
        ["名称"] = (TemplateFormat.General, None, "名称，必填", "Name, required"),
        ["类型"] = (TemplateFormat.General, [.. OrgUnitsKind.DistrictKinds, .. OrgUnitsKind.TownKinds, .. OrgUnitsKind.CommunityKinds], "须与代码位数一致", "Must match the code's length"),
        ["上级代码"] = (TemplateFormat.Text, None, "9 位和 12 位代码必填：代码的前 6 / 前 9 位", "Required for 9- and 12-digit codes: their first 6 / 9 digits"),
        ["设立日期"] = (TemplateFormat.Date, None, "可不填", "Optional"),
        ["撤销日期"] = (TemplateFormat.Date, None, "可不填；撤销后不再计入", "Optional; the unit no longer counts from then"),
        ["考试年度"] = (TemplateFormat.General, None, "2008 年至今年", "2008 to this year"),
        ["资格级别"] = (TemplateFormat.General, CertificateLevels.All, "从下拉列表选择", "Pick from the list"),
        ["考试结果"] = (TemplateFormat.General, ["合格", "不合格"], "合格（通过）或不合格（未通过）", "Pass (合格) or fail (不合格)"),
        ["证书编号"] = (TemplateFormat.Text, None, "合格时必填", "Required when passed"),
        ["发证日期"] = (TemplateFormat.Date, None, "可不填", "Optional"),
        ["考评年度"] = (TemplateFormat.General, None, "必填", "Required"),
        ["考评类型"] = (TemplateFormat.General, AppraisalsKind.AppraisalTypes, "从下拉列表选择", "Pick from the list"),
        ["考评单位代码"] = (TemplateFormat.Text, None, "9 位镇(街道)代码", "9-digit 镇(街道) code"),
        ["职业操守"] = (TemplateFormat.General, None, "0–100 的分数", "Score 0–100"),
        ["服务绩效"] = (TemplateFormat.General, None, "0–100 的分数", "Score 0–100"),
        ["群众满意度"] = (TemplateFormat.General, None, "0–100 的分数；专业岗位考评必填", "Score 0–100; required for 专业岗位 appraisals"),
        ["考评等次"] = (TemplateFormat.General, AppraisalsKind.Grades, "从下拉列表选择", "Pick from the list"),
        ["年度"] = (TemplateFormat.General, None, "必填", "Required"),
        ["申报数"] = (TemplateFormat.General, None, "整数，≥ 0", "Whole number ≥ 0"),
        ["审定数"] = (TemplateFormat.General, None, "整数，≥ 0；未审定可不填", "Whole number ≥ 0; empty if not yet approved"),
        ["认定年度"] = (TemplateFormat.General, None, "必填", "Required"),
        ["类别"] = (TemplateFormat.General, DemoSitesKind.Categories, "从下拉列表选择", "Pick from the list"),
    };

    public static IReadOnlyList<TemplateColumn> Of(ExtractKind kind) => kind.Columns.Select(c =>
        Known.TryGetValue(c.Chinese, out var k)
            ? new TemplateColumn(c, k.Format, k.Codes, k.Zh, k.En)
            : new TemplateColumn(c, TemplateFormat.General, None, "", "")).ToList();
}
