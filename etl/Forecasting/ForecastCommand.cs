using System.CommandLine;
using System.Globalization;
using Analytics.Etl.Forecasting;
using Analytics.Warehouse.Storage;

namespace Analytics.Etl.Cli;

internal static partial class CliCommands
{
    public static Command Forecast()
    {
        var db = CliHost.DbOption();
        var to = new Option<int>("--to") { Description = "Horizon year / 预测到哪一年 (default 2030)", DefaultValueFactory = _ => 2030 };
        var target = new Option<int?>("--target") { Description = "Year the gap should close by / 缺口清零目标年度 (default: --to)" };
        var scenario = new Option<string?>("--scenario") { Description = "A saved scenario's name / 已保存情景名称 (default: baseline)" };
        var approve = new Option<string?>("--approve") { Description = "Posts approved per year, e.g. 510104=30,510105=12 / 各区每年审定岗位" };
        var passRate = new Option<double?>("--pass-rate-change") { Description = "Added to the exam pass rate, e.g. 0.05 / 考试通过率变化" };
        var attrition = new Option<double?>("--attrition-change") { Description = "Relative change of leaving, e.g. -0.2 / 流失率相对变化" };
        var saveAs = new Option<string?>("--save-as") { Description = "Save the assumptions given here as a named scenario / 保存为情景" };
        var output = new Option<string?>("--out") { Description = "Quota export, FILE.xlsx or FILE.csv / 岗位开发建议导出文件" };
        var command = new Command("forecast", """
            Gap forecasts: fits the stock-flow model (learner chosen by rolling-origin backtest against naive and drift),
            prints the backtest and the city's projection, and writes the planners' quota export.
            缺口预测：存量-流量模型（按回测选择学习器），输出回测结果、全市预测，并导出岗位开发建议。
            """) { db, to, target, scenario, approve, passRate, attrition, saveAs, output };
        command.SetAction(parseResult =>
        {
            var service = new ForecastService(new WarehouseDatabase(CliHost.WarehouseOptions(parseResult.GetValue(db))), TimeProvider.System);
            var horizon = parseResult.GetValue(to);
            var (name, assumptions) = service.Resolve(parseResult.GetValue(scenario));
            if (parseResult.GetValue(approve) is { } approvals) assumptions = assumptions with { PostsApprovedPerYear = ParseApprovals(approvals) };
            if (parseResult.GetValue(passRate) is { } p) assumptions = assumptions with { PassRateChange = p };
            if (parseResult.GetValue(attrition) is { } a) assumptions = assumptions with { AttritionChange = a };
            if (parseResult.GetValue(saveAs) is { } saveName)
            {
                service.SaveScenario(saveName, assumptions);
                name = saveName;
                Console.WriteLine($"已保存情景 Scenario saved: {saveName}");
            }
            var model = service.Fit(new ForecastOptions(HorizonYear: horizon));
            if (model.History.Count == 0)
            {
                Console.Error.WriteLine("仓库中没有花名册快照，无法预测。/ The warehouse has no roster snapshots to forecast from.");
                return CliHost.Refused;
            }
            ForecastPrinter.Print(model, Console.Out);
            var plan = service.Plan(model, assumptions, name, parseResult.GetValue(target) ?? horizon, horizon);
            ForecastPrinter.PrintCity(plan, Console.Out);
            if (parseResult.GetValue(output) is { } file)
            {
                ForecastService.Export(plan, file);
                Console.WriteLine($"已导出 Exported: {Path.GetFullPath(file)}");
            }
            return CliHost.Ok;
        });
        return command;
    }

    private static Dictionary<string, int> ParseApprovals(string text) =>
        text.Split([',', ';', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2, StringSplitOptions.TrimEntries))
            .ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
}

/// <summary>The console report of a forecast: backtest scores, interval coverage, districts on the baseline, the city's path.</summary>
internal static class ForecastPrinter
{
    public static void Print(ForecastModel model, TextWriter output)
    {
        var chosen = model.Learner is { } l ? MlStockFlowForecaster.NameOf(l) : "无 none";
        output.WriteLine($"数据截至 Data vintage: {model.DataVintage:yyyy-MM-dd}; 区县 districts: {model.History.Count}; 选用学习器 learner chosen: {chosen}");
        output.WriteLine("回测 Backtest (rolling origin)     MAE      MASE   forecasts");
        foreach (var s in model.Backtest.Scores.Where(s => s.DistrictCode is null))
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {s.Method,-30} {s.Mae,8:F2} {s.Mase,8:F3} {s.Forecasts,8}"));
        if (model.ModelIntervals is { } i)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"区间实测覆盖率 Interval coverage (leave-one-district-out): 80% → {i.Coverage80:P0}, 95% → {i.Coverage95:P0}"));
        foreach (var m in model.Methods.Where(m => !m.IsModel))
            output.WriteLine($"  {m.DistrictCode}: {m.ReasonZh} / {m.ReasonEn}");
    }

    public static void PrintCity(QuotaPlan plan, TextWriter output)
    {
        output.WriteLine($"情景 Scenario: {plan.ScenarioName} — {plan.Assumptions.Describe()}");
        output.WriteLine("年度 year  应设 required  合格 qualified [80%]        缺口 gap  建议审定 approve");
        foreach (var r in plan.Rows.Where(r => r.DistrictCode == ForecastOutcome.CityCode))
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {r.Year}  {r.RequiredPosts,10:F0}  {r.QualifiedPosts,10:F0} [{r.Lower80:F0}–{r.Upper80:F0}]  {r.GapPosts,8:F0}  {r.RecommendedApprovals,8}"));
    }
}
