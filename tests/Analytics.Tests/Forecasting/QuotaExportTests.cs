using Analytics.Etl.Forecasting;
using MiniExcelLibs;

namespace Analytics.Tests.Forecasting;

public sealed class QuotaExportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("forecast-export-").FullName;
    private static readonly Lazy<QuotaPlan> SharedPlan = new(() =>
    {
        var model = ForecastModel.Fit(SyntheticHistory.City(districts: 6), new ForecastOptions(HorizonYear: 2030) { Learners = [FlowLearner.FastTree] });
        var scenario = ScenarioAssumptions.Baseline with { PassRateChange = 0.05 };
        return QuotaPlanner.Plan(model, scenario, "通过率提高", targetYear: 2028, new DateOnly(2025, 3, 1));
    });

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Xlsx_HasASummarySheetAndOneSheetPerDistrict_WithThePreambleAndTheFigures()
    {
        var plan = SharedPlan.Value;
        var path = Path.Combine(_folder, "quota.xlsx");
        ForecastService.Export(plan, path);

        var sheets = MiniExcel.GetSheetNames(path);
        Assert.Equal(QuotaXlsxWriter.SummarySheet, sheets[0]);
        Assert.Equal(7, sheets.Count);
        Assert.Contains("510101 第1区", sheets);

        var rows = MiniExcel.Query(path, useHeaderRow: false, sheetName: "510103 第3区").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("情景 Scenario", rows[0]["A"]);
        Assert.Equal("通过率提高", rows[0]["B"]);
        Assert.Contains("通过率变化 pass-rate change +0.05", (string)rows[1]["B"]!);
        Assert.Equal("2025-03-01", rows[2]["B"]);
        Assert.Equal("2024-12-31", rows[3]["B"]);
        var header = rows.FindIndex(r => Equals(r["A"], "区划代码"));
        Assert.Equal(QuotaExport.Headers, Enumerable.Range(0, QuotaExport.Headers.Length).Select(i => (string)rows[header][((char)('A' + i)).ToString()]!));
        var body = rows.Skip(header + 1).ToList();
        var expected = plan.Rows.Where(r => r.DistrictCode == "510103").ToList();
        Assert.Equal(expected.Count, body.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Year, Convert.ToInt32(body[i]["C"]));
            Assert.Equal(QuotaExport.Whole(expected[i].QualifiedPosts), Convert.ToInt32(body[i]["E"]));
            Assert.Equal(QuotaExport.Whole(expected[i].GapPosts), Convert.ToInt32(body[i]["J"]));
            Assert.Equal(expected[i].RecommendedApprovals, Convert.ToInt32(body[i]["L"]));
        }

        var summary = MiniExcel.Query(path, useHeaderRow: false, sheetName: QuotaXlsxWriter.SummarySheet).Cast<IDictionary<string, object?>>().ToList();
        var city2028 = summary.Single(r => Equals(r["A"], ForecastOutcome.CityCode) && Convert.ToInt32(r["C"]) == 2028);
        Assert.Equal(plan.Rows.Where(r => r.Year == 2028 && r.DistrictCode != ForecastOutcome.CityCode).Sum(r => r.RecommendedApprovals),
            Convert.ToInt32(city2028["L"]));
    }

    [Fact]
    public void Csv_StartsWithABom_AndCarriesTheSameFigures()
    {
        var plan = SharedPlan.Value;
        var path = Path.Combine(_folder, "quota.csv");
        ForecastService.Export(plan, path);

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = File.ReadAllLines(path, System.Text.Encoding.UTF8);
        Assert.StartsWith("区划代码,区(市)县,年度,应设岗位数", lines[0]);
        Assert.Equal(plan.Rows.Count + 1, lines.Length);
        var first = plan.Rows[0];
        Assert.StartsWith($"{first.DistrictCode},{first.DistrictName},{first.Year},{QuotaExport.Whole(first.RequiredPosts)},{QuotaExport.Whole(first.QualifiedPosts)},", lines[1]);
        Assert.Contains("通过率提高", lines[1]);
    }

    [Fact]
    public void UnknownExtension_IsRefusedWithAPlainMessage()
    {
        var e = Assert.Throws<ArgumentException>(() => ForecastService.Export(SharedPlan.Value, Path.Combine(_folder, "quota.pdf")));
        Assert.Contains(".xlsx", e.Message);
    }
}
