using System.CommandLine;
using System.Globalization;
using Analytics.Etl.Forecasting;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Etl.Cli;

internal static partial class CliCommands
{
    public static Command Forecast()
    {
        var db = CliHost.DbOption();
        var to = new Option<int>("--to") { Description = "Forecast to the end of this year / 预测到哪一年年底 (default 2030)", DefaultValueFactory = _ => GapForecasts.DefaultHorizonYear };
        var target = new Option<int?>("--target") { Description = "Year the gap should close by / 缺口清零目标年度 (default: the next plan year)" };
        var scenario = new Option<string?>("--scenario") { Description = "A saved scenario's name / 已保存情景名称 (default: baseline)" };
        var approve = new Option<string?>("--approve") { Description = "Posts approved per year, e.g. 510104=30,510105=12 / 各区每年审定岗位（岗位/年）" };
        var passRate = new Option<double?>("--pass-rate-change") { Description = "Relative change of gains through exam passes, e.g. 0.2 / 考试通过带来的达标岗位相对变化" };
        var attrition = new Option<double?>("--attrition-change") { Description = "Relative change of losses, e.g. -0.2 / 流失相对变化" };
        var saveAs = new Option<string?>("--save-as") { Description = "Save the assumptions given here as a named scenario / 保存为情景" };
        var layout = new Option<string>("--layout") { Description = "quota (the planners' quota plan) or long (one row per district and half-year, English columns) / 导出格式", DefaultValueFactory = _ => "quota" };
        layout.AcceptOnlyFromAmong("quota", "long");
        var historyUntil = new Option<string?>("--history-until") { Description = "Forecast from the data up to this date only (YYYY-MM-DD) / 只用截至该日的数据" };
        var bench = new Option<string?>("--bench") { Hidden = true, Description = "(bench) time fit + backtest on --db at this scope: city or province" };
        var output = new Option<string?>("--out") { Description = "Export file: FILE.xlsx or FILE.csv (quota), FILE.csv (long) / 导出文件" };
        var command = new Command("forecast", """
            Post-gap forecasts: a rolling-origin backtest (every half-year from 2022-H2, 1–6 half-years ahead) of naive,
            drift, damped trend, partial adjustment, their mean and the unit-level ML model; ships the best, with conformal
            intervals; prints the backtest and the city's forecast, and writes the quota plan or the long forecast.
            缺口预测：滚动起点回测各方法，采用回测最优者，输出回测表、全市预测，并导出岗位开发建议或长表预测。
            """) { db, to, target, scenario, approve, passRate, attrition, saveAs, layout, historyUntil, output, bench };
        command.SetAction(parseResult =>
        {
            if (parseResult.GetValue(bench) is { } scope)
            {
                using var benchServices = CliHost.Services(parseResult.GetValue(db));
                var measures = new Analytics.Etl.Benchmarks.ForecastBenchmark(benchServices.WarehouseOptions(), Console.Out).Run(scope);
                Analytics.Etl.Benchmarks.BenchTable.Write(Console.Out, measures);
                return CliHost.Ok;
            }
            using var services = CliHost.Services(parseResult.GetValue(db));
            var forecasts = services.GetRequiredService<GapForecasts>();
            DateOnly? until = null;
            if (parseResult.GetValue(historyUntil) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    Console.Error.WriteLine($"--history-until {text}: 日期格式应为 YYYY-MM-DD / the date must be YYYY-MM-DD");
                    return CliHost.Refused;
                }
                until = d;
            }
            var horizon = parseResult.GetValue(to);
            var forecast = forecasts.Forecast(horizon, until);
            if (forecast.IsEmpty)
            {
                Console.Error.WriteLine("仓库中没有花名册快照（或截至该日没有），无法预测。/ The warehouse has no roster snapshots (up to that date) to forecast from.");
                return CliHost.Refused;
            }
            ForecastPrinter.Print(forecast, forecasts.Backtest(horizon, until), Console.Out);
            if (parseResult.GetValue(layout) == "long")
            {
                if (parseResult.GetValue(output) is { } longFile)
                {
                    using (var stream = File.Create(longFile)) forecasts.WriteLong(stream, horizon, until);
                    Console.WriteLine($"已导出 Exported: {Path.GetFullPath(longFile)}");
                }
                return CliHost.Ok;
            }
            if (until is not null)
            {
                Console.WriteLine("（--history-until 只用于预测与回测；岗位开发建议基于全部数据。/ --history-until applies to the forecast and backtest; the quota plan uses all data.）");
            }
            var (name, assumptions) = forecasts.Resolve(parseResult.GetValue(scenario));
            if (parseResult.GetValue(approve) is { } approvals) assumptions = assumptions with { PostsApprovedPerYear = ScenarioAssumptions.ParseApprovals(approvals) };
            if (parseResult.GetValue(passRate) is { } p) assumptions = assumptions with { PassRateChange = p };
            if (parseResult.GetValue(attrition) is { } a) assumptions = assumptions with { AttritionChange = a };
            if (parseResult.GetValue(saveAs) is { } saveName)
            {
                forecasts.SaveScenario(saveName, assumptions);
                name = saveName;
                Console.WriteLine($"已保存情景 Scenario saved: {saveName}");
            }
            var plan = forecasts.Plan(assumptions, name, parseResult.GetValue(target), horizon);
            ForecastPrinter.PrintPlan(plan, Console.Out);
            if (parseResult.GetValue(output) is { } file)
            {
                GapForecasts.WriteQuota(plan, file);
                Console.WriteLine($"已导出 Exported: {Path.GetFullPath(file)}");
            }
            return CliHost.Ok;
        });
        return command;
    }
}

/// <summary>The console report: what was shipped and why, the backtest table, measured coverage, the city's forecast, the quota plan.</summary>
internal static class ForecastPrinter
{
    public static void Print(GapForecast forecast, BacktestSummary backtest, TextWriter output)
    {
        output.WriteLine($"数据截至 Data vintage: {forecast.DataVintage:yyyy-MM-dd}; 区县 districts: {forecast.Districts.Count}; 回测起点 origins: {backtest.Origins.Count}");
        output.WriteLine(forecast.StatementZh);
        output.WriteLine(forecast.StatementEn);
        foreach (var quantity in Quantities.All)
        {
            var horizons = backtest.Cells.Where(c => c.Quantity == quantity).Select(c => c.Horizon).Distinct().Order().ToList();
            output.WriteLine(quantity == Quantities.Gap ? "回测：区县缺口 MAE（岗位/区县），括号内为相对朴素法 / Backtest: district gap MAE (posts per district), (MAE / naive)"
                : "回测：区县达标岗位 MAE / Backtest: district qualified posts MAE (MAE / naive)");
            output.WriteLine("  " + "method".PadRight(20) + string.Concat(horizons.Select(h => $"h={h}".PadLeft(16))));
            foreach (var method in BacktestSummary.Methods)
            {
                var cells = backtest.Cells.Where(c => c.Quantity == quantity && c.Method == method).ToDictionary(c => c.Horizon);
                if (cells.Count == 0) continue;
                var shipped = method == (quantity == Quantities.Gap ? backtest.GapMethod : backtest.QualifiedMethod) ? " *" : "";
                output.WriteLine("  " + (method + shipped).PadRight(20) + string.Concat(horizons.Select(h => (cells.TryGetValue(h, out var c)
                    ? string.Create(CultureInfo.InvariantCulture, $"{c.Mae:F2} ({(c.RelativeToNaive is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) : "—")})") : "—").PadLeft(16))));
            }
            output.WriteLine("  " + "origins".PadRight(20) + string.Concat(horizons.Select(h =>
                backtest.Cells.Where(c => c.Quantity == quantity && c.Horizon == h).Max(c => c.Origins).ToString(CultureInfo.InvariantCulture).PadLeft(16))));
        }
        output.WriteLine("区间实测覆盖率（按时间顺序，只用更早起点的残差）/ Measured interval coverage (sequential, earlier origins only):");
        foreach (var c in backtest.Coverage.Where(c => c.Quantity == Quantities.Gap).OrderBy(c => c.Area, StringComparer.Ordinal).ThenBy(c => c.Horizon).ThenBy(c => c.Level))
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  gap {c.Area,-8} h={c.Horizon} {c.Level}%: {(c.Coverage is { } v ? v.ToString("P0", CultureInfo.InvariantCulture) : "起点太少无法测量 too few origins to measure")} (n={c.Forecasts})"));
        output.WriteLine("全市预测 City forecast (510100)   应设 required  达标 qualified [80%]        缺口 gap [80%]");
        foreach (var p in forecast.Points.Where(p => p.DistrictCode == GapForecast.CityCode))
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {p.AsOf:yyyy-MM-dd}  {p.RequiredPosts,10:F0}  {p.QualifiedPosts,10:F0} [{Range(p.QualifiedLo80, p.QualifiedHi80)}]  {p.GapPosts,8:F0} [{Range(p.GapLo80, p.GapHi80)}]"));
    }

    public static void PrintPlan(QuotaPlan plan, TextWriter output)
    {
        output.WriteLine($"情景 Scenario: {plan.ScenarioName} — {plan.Assumptions.DescribeZh()}");
        if (plan.NoteZh is not null) { output.WriteLine($"{plan.NoteZh} / {plan.NoteEn}"); return; }
        output.WriteLine($"目标 Target: {plan.TargetYear}年末 (end of {plan.TargetYear}); 审定年度 plan years: {string.Join(", ", plan.PlanYears)}");
        output.WriteLine("区(市)县 district      当前缺口 gap now  情景审定 scenario (岗位/年)  建议审定 recommended (岗位/年)  目标年末缺口 gap at target [80%上限] 情景→建议   清零概率 P(closed)");
        foreach (var pair in plan.Rows.Where(r => r.Level == QuotaRow.District).GroupBy(r => r.Code))
        {
            var scenario = pair.Single(r => !r.IsRecommendation);
            var recommended = pair.Single(r => r.IsRecommendation);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {scenario.Code} {scenario.Name,-8} {scenario.CurrentGap,6}  {string.Join("/", scenario.ApprovalsByYear),14}  {string.Join("/", recommended.ApprovalsByYear),14}  {scenario.GapAtTarget,6:F1} [{scenario.GapHi80}] → {recommended.GapAtTarget,6:F1} [{recommended.GapHi80}]   {scenario.ProbabilityClosed,5:P0} → {recommended.ProbabilityClosed,5:P0}"));
        }
    }

    private static string Range(double? lo, double? hi) =>
        lo is null || hi is null ? "—" : string.Create(CultureInfo.InvariantCulture, $"{lo:F0}–{hi:F0}");
}
