using Analytics.Warehouse.Exports;
using System.Globalization;
using System.Text;

namespace Analytics.Etl.Forecasting;

/// <summary>
/// The exports: the quota plan (one area × one scenario per row, every header with its unit, .csv or .xlsx) and the
/// machine-readable long forecast (English columns, one row per district or city and half-year end).
/// </summary>
internal static class ForecastExports
{
    public static readonly string[] LongHeaders =
    [
        "district_code", "district_name", "as_of", "required_posts", "qualified_posts", "qualified_lo80", "qualified_hi80",
        "qualified_lo95", "qualified_hi95", "gap_posts", "gap_lo80", "gap_hi80", "gap_lo95", "gap_hi95", "method", "qualified_method",
        "interval_extrapolated", "data_vintage",
    ];

    public static IEnumerable<string[]> LongRows(ForecastModel model) =>
        model.Points.Select(p => new[]
        {
            p.DistrictCode, p.DistrictName, p.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Num(p.RequiredPosts),
            Num(p.QualifiedPosts), Num(p.QualifiedLo80), Num(p.QualifiedHi80), Num(p.QualifiedLo95), Num(p.QualifiedHi95),
            Num(p.GapPosts), Num(p.GapLo80), Num(p.GapHi80), Num(p.GapLo95), Num(p.GapHi95), p.Method, p.QualifiedMethod,
            p.IntervalExtrapolated ? "true" : "false", model.DataVintage.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

    /// <summary>Headers of the quota export; the per-year approval columns are named by year.</summary>
    public static string[] QuotaHeaders(QuotaPlan plan) =>
    [
        "层级", "区划代码", "名称", "所属区(市)县", "方案", "当前缺口（岗位）", "其中社区缺口（岗位）", "其中建制村缺口（岗位）",
        "无达标岗位的社区/村（个）",
        .. plan.PlanYears.Select(y => string.Create(CultureInfo.InvariantCulture, $"{y}年审定岗位（岗位/年）")),
        "审定岗位合计（岗位）",
        string.Create(CultureInfo.InvariantCulture, $"{plan.TargetYear}年末预测缺口（岗位）"),
        string.Create(CultureInfo.InvariantCulture, $"{plan.TargetYear}年末缺口80%上限（岗位）"),
        string.Create(CultureInfo.InvariantCulture, $"{plan.TargetYear}年末缺口清零概率（%）"),
        "可达最低缺口（是/否）",
    ];

    public static IEnumerable<string[]> QuotaRows(QuotaPlan plan) =>
        plan.Rows.Select(r => (string[])
        [
            r.Level == QuotaRow.District ? "区(市)县" : "镇(街道)", r.Code, r.Name, r.DistrictCode, r.IsRecommendation ? $"{r.Scenario}" : $"情景：{r.Scenario}",
            Int(r.CurrentGap), Int(r.CurrentGapCommunities), Int(r.CurrentGapVillages), Int(r.UnitsWithoutQualifiedPost),
            .. r.ApprovalsByYear.Select(Int), Int(r.TotalApprovals),
            Num(r.GapAtTarget), Int(r.GapHi80), (r.ProbabilityClosed * 100).ToString("0.0", CultureInfo.InvariantCulture), r.Closes ? "是" : "否",
        ]);

    /// <summary>The lines above the quota table: scenario, assumptions, dates, method, and what the plan means.</summary>
    public static IReadOnlyList<(string Label, string Value)> Preamble(QuotaPlan plan) =>
    [
        ("情景 Scenario", plan.ScenarioName),
        ("假设 Assumptions", plan.Assumptions.DescribeZh() + " / " + plan.Assumptions.DescribeEn()),
        ("编制日期 As of", plan.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("数据截至 Data vintage", plan.DataVintage.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("目标 Target", string.Create(CultureInfo.InvariantCulture, $"{plan.TargetYear}年末缺口清零（2022年最低配置标准持续有效）/ gap closed by the end of {plan.TargetYear} (the 2022 minimums stay in force)")),
        ("方法 Method", MethodNames.Statement(plan.GapMethod).Zh + " / " + MethodNames.Statement(plan.GapMethod).En),
        ("建议方案 Recommendation", "使目标年末缺口80%上限降到审定岗位所能达到的最低值的最少审定岗位（可前置）；岗位/年 / the fewest approvals (front-loading allowed) that bring the upper 80% bound of the gap at the target to the least approvals can reach; posts/year"),
        .. plan.NoteZh is null ? Array.Empty<(string, string)>() : [("说明 Note", plan.NoteZh + " / " + plan.NoteEn)],
    ];

    /// <summary>Writes the plan as .xlsx or .csv (chosen by the extension).</summary>
    public static void WriteQuota(QuotaPlan plan, string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        switch (Path.GetExtension(full).ToLowerInvariant())
        {
            case ".xlsx": WriteQuotaXlsx(plan, full); break;
            case ".csv":
                using (var stream = File.Create(full)) WriteQuotaCsv(plan, stream);
                break;
            default: throw new ArgumentException($"{path}: 导出文件须为 .xlsx 或 .csv / the export is .xlsx or .csv", nameof(path));
        }
    }

    /// <summary>The quota CSV: the preamble lines, a blank line, the table.</summary>
    public static void WriteQuotaCsv(QuotaPlan plan, Stream stream)
    {
        var lines = Preamble(plan).Select(p => new[] { p.Label, p.Value }).Append([]).Append(QuotaHeaders(plan)).Concat(QuotaRows(plan));
        WriteCsv(lines, stream);
    }

    public static void WriteLongCsv(ForecastModel model, Stream stream) => WriteCsv(LongRows(model).Prepend(LongHeaders), stream);

    /// <summary>The forecast exports' CSV, through the product's one export writer (formula-like text neutralised, numbers kept).</summary>
    public static void WriteCsv(IEnumerable<string[]> rows, Stream stream)
    {
        using var lines = rows.GetEnumerator();
        var first = lines.MoveNext() ? lines.Current : [];
        ExportCsv.Write(stream, first, Rest(lines));
        static IEnumerable<IReadOnlyList<object?>> Rest(IEnumerator<string[]> lines)
        {
            while (lines.MoveNext()) yield return lines.Current;
        }
    }

    /// <summary>XLSX: sheet 岗位开发建议 with the preamble, a blank line, then the table; numeric cells stay numbers.</summary>
    private static void WriteQuotaXlsx(QuotaPlan plan, string path)
    {
        var lines = new List<IReadOnlyList<object?>>();
        foreach (var (label, value) in Preamble(plan)) lines.Add([label, value]);
        lines.Add([]);
        lines.Add(QuotaHeaders(plan));
        foreach (var row in QuotaRows(plan))
            lines.Add(row.Select(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? (object?)n : c).ToList());
        ExportXlsx.Write(path, [new ExportSheet("岗位开发建议", lines)]);
    }


    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Num(double? value) => value is null ? "" : Math.Round(value.Value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
