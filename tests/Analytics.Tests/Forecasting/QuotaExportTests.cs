using System.Globalization;
using System.Text;
using Analytics.Etl.Forecasting;

namespace Analytics.Tests.Forecasting;

/// <summary>The quota export: one area × one scenario per row, every figure of a row from that scenario, headers with units.</summary>
public sealed class QuotaExportTests
{
    private static readonly ForecastModel Model = ForecastModel.Fit(SyntheticHistory.Pipeline(districts: 2, noise: true, seed: 3), new ForecastOptions(HorizonYear: 2028));

    [Fact]
    public void Each_row_is_one_scenario_and_its_figures_are_that_scenarios_projection()
    {
        var scenario = ScenarioAssumptions.Baseline with { PostsApprovedPerYear = new Dictionary<string, int> { ["510104"] = 3 } };
        var plan = QuotaPlanner.Plan(Model, scenario, "少批", 2027, new DateOnly(2026, 7, 1));
        foreach (var area in plan.Rows.GroupBy(r => (r.Level, r.Code)))
        {
            Assert.Equal(2, area.Count());
            Assert.Single(area, r => r.IsRecommendation);
            Assert.Single(area, r => !r.IsRecommendation && r.Scenario == "少批");
        }
        foreach (var row in plan.Rows.Where(r => r.Level == QuotaRow.District))
        {
            var schedule = plan.PlanYears.Select((y, i) => (y, i)).ToDictionary(p => p.y, p => row.ApprovalsByYear[p.i]);
            var own = QuotaPlanner.Evaluate(Model, row.Code, schedule, 2027, scenario);
            Assert.Equal((own.Gap, own.GapHi80, own.ProbabilityClosed), (row.GapAtTarget, row.GapHi80, row.ProbabilityClosed));
        }
        Assert.Equal([3, 3], plan.Rows.Single(r => r.Code == "510104" && !r.IsRecommendation).ApprovalsByYear);
        Assert.Contains(plan.Rows, r => r.Level == QuotaRow.Town);
    }

    [Fact]
    public void The_csv_has_the_preamble_then_headers_that_say_their_units_and_one_scenario_per_row()
    {
        var plan = QuotaPlanner.Plan(Model, ScenarioAssumptions.Baseline, "baseline", 2027, new DateOnly(2026, 7, 1));
        using var stream = new MemoryStream();
        ForecastExports.WriteQuotaCsv(plan, stream);
        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headerIndex = Array.FindIndex(lines, l => l.StartsWith("层级,", StringComparison.Ordinal));
        Assert.True(headerIndex > 0, "the table follows the preamble");
        Assert.Contains(lines, l => l.StartsWith("目标 Target,", StringComparison.Ordinal) && l.Contains("2027", StringComparison.Ordinal));
        var header = lines[headerIndex].Split(',');
        Assert.Contains("2026年审定岗位（岗位/年）", header);
        Assert.Contains("2027年审定岗位（岗位/年）", header);
        Assert.Contains("当前缺口（岗位）", header);
        Assert.All(header, h => Assert.Matches("（.+）|^层级$|^区划代码$|^名称$|^所属区\\(市\\)县$|^方案$", h));
        var rows = lines.Skip(headerIndex + 1).Select(l => l.Split(',')).ToList();
        Assert.Equal(plan.Rows.Count, rows.Count);
        var scenarioColumn = Array.IndexOf(header, "方案");
        Assert.All(rows, r => Assert.True(r[scenarioColumn] is "建议方案" or "情景：baseline"));
    }

    [Fact]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text_and_numbers_stay_numbers()
    {
        using var stream = new MemoryStream();
        ForecastExports.WriteCsv([["=HYPERLINK(\"x\")", "-3", "-x", "a,b", "+1", "@SUM(A1)", "2.5"]], stream);
        var text = Encoding.UTF8.GetString(stream.ToArray()[3..]);
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\",-3,'-x,\"a,b\",+1,'@SUM(A1),2.5\r\n", text);
    }
}
