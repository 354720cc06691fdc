using System.Globalization;

namespace Analytics.Etl.Forecasting;

/// <summary>The table both export formats print: Chinese headers, whole posts, one row per district (or city) and year.</summary>
internal static class QuotaExport
{
    public static readonly string[] Headers =
    [
        "区划代码", "区(市)县", "年度", "应设岗位数", "预测合格岗位数", "80%区间下限", "80%区间上限", "95%区间下限", "95%区间上限",
        "预测缺口", "预计流失岗位", "建议审定岗位数",
    ];

    public static object[] Cells(QuotaPlanYear r) =>
    [
        r.DistrictCode, r.DistrictName, r.Year, Whole(r.RequiredPosts), Whole(r.QualifiedPosts), Whole(r.Lower80), Whole(r.Upper80),
        Whole(r.Lower95), Whole(r.Upper95), Whole(r.GapPosts), Whole(r.ExpectedLosses), r.RecommendedApprovals,
    ];

    public static int Whole(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    /// <summary>The lines printed above each table: scenario, assumptions, as-of date, data vintage, method.</summary>
    public static IReadOnlyList<(string Label, string Value)> Preamble(QuotaPlan plan) =>
    [
        ("情景 Scenario", plan.ScenarioName),
        ("假设 Assumptions", plan.Assumptions.Describe()),
        ("编制日期 As of", plan.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("数据截至 Data vintage", plan.DataVintage.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("缺口清零目标年度 Target year", plan.TargetYear.ToString(CultureInfo.InvariantCulture)),
        ("预测方法 Method", plan.Learner + "（存量-流量推算 stock-flow; 区间来自回测残差 intervals from backtest residuals）"),
    ];
}

/// <summary>The quota export as CSV, UTF-8 with BOM (Excel opens it in Chinese), the preamble as leading columns of every row.</summary>
internal static class QuotaCsvWriter
{
    public static void Write(QuotaPlan plan, string path)
    {
        using var stream = File.Create(path);
        Write(plan, stream);
    }

    public static void Write(QuotaPlan plan, Stream stream)
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        using var csv = new CsvHelper.CsvWriter(writer, CultureInfo.InvariantCulture);
        var preamble = QuotaExport.Preamble(plan);
        foreach (var header in QuotaExport.Headers) csv.WriteField(header);
        foreach (var (label, _) in preamble) csv.WriteField(label);
        csv.NextRecord();
        foreach (var row in plan.Rows)
        {
            foreach (var cell in QuotaExport.Cells(row)) csv.WriteField(Convert.ToString(cell, CultureInfo.InvariantCulture));
            foreach (var (_, value) in preamble) csv.WriteField(value);
            csv.NextRecord();
        }
    }
}

/// <summary>
/// The quota export as XLSX (MiniExcel): a summary sheet (汇总: the city by year, then each district in the target
/// year) and one sheet per district, each with the preamble printed at the top, a blank line, then the table.
/// </summary>
internal static class QuotaXlsxWriter
{
    public const string SummarySheet = "汇总";

    public static void Write(QuotaPlan plan, string path)
    {
        var sheets = new Dictionary<string, object>
        {
            [SummarySheet] = Sheet(plan, plan.Rows.Where(r => r.DistrictCode == ForecastOutcome.CityCode)
                .Concat(plan.Rows.Where(r => r.DistrictCode != ForecastOutcome.CityCode && r.Year == plan.TargetYear))),
        };
        foreach (var group in plan.Rows.Where(r => r.DistrictCode != ForecastOutcome.CityCode).GroupBy(r => r.DistrictCode))
            sheets[SheetName(group.Key, group.First().DistrictName)] = Sheet(plan, group);
        MiniExcelLibs.MiniExcel.SaveAs(path, sheets, printHeader: false, overwriteFile: true);
    }

    /// <summary>"510104 锦江区", without the characters Excel forbids, at most 31 characters.</summary>
    public static string SheetName(string code, string name)
    {
        var clean = new string($"{code} {name}".Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray());
        return clean.Length <= 31 ? clean : clean[..31];
    }

    private static List<Dictionary<string, object?>> Sheet(QuotaPlan plan, IEnumerable<QuotaPlanYear> rows)
    {
        var lines = new List<Dictionary<string, object?>>();
        foreach (var (label, value) in QuotaExport.Preamble(plan)) lines.Add(Line([label, value]));
        lines.Add(Line([]));
        lines.Add(Line(QuotaExport.Headers));
        foreach (var row in rows) lines.Add(Line(QuotaExport.Cells(row)));
        return lines;
    }

    /// <summary>A row keyed by column letter; every row has all columns so MiniExcel writes a rectangular sheet.</summary>
    private static Dictionary<string, object?> Line(IReadOnlyList<object> cells)
    {
        var line = new Dictionary<string, object?>();
        for (var i = 0; i < QuotaExport.Headers.Length; i++) line[((char)('A' + i)).ToString()] = i < cells.Count ? cells[i] : null;
        return line;
    }
}
