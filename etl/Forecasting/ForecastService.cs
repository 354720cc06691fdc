using Analytics.Etl.Scheduling;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Etl.Forecasting;

/// <summary>A scenario beside the baseline: the same model, both projections.</summary>
internal sealed record ScenarioComparison(ForecastOutcome Baseline, ForecastOutcome Scenario)
{
    /// <summary>Scenario gap − baseline gap for the city, by year (negative = the scenario closes more of the gap).</summary>
    public IReadOnlyList<(int Year, double GapChange)> CityGapChange =>
        Scenario.City.Zip(Baseline.City, (s, b) => (s.Year, s.GapPosts - b.GapPosts)).ToList();
}

/// <summary>
/// The forecast API for the CLI and the dashboard. Fit once per data change (seconds), then project, compare and
/// plan any number of scenarios (milliseconds each) with the same <see cref="ForecastModel"/>.
/// </summary>
internal sealed class ForecastService(WarehouseDatabase database, TimeProvider time)
{
    public const string BaselineName = "baseline";

    /// <summary>Reads the history from the warehouse and fits (learner chosen by backtest).</summary>
    public ForecastModel Fit(ForecastOptions? options = null)
    {
        options ??= new ForecastOptions();
        using var connection = database.Open();
        return ForecastModel.Fit(ForecastHistoryReader.Read(connection, options.HorizonYear), options);
    }

    public ForecastOutcome Project(ForecastModel model, string? scenarioName = null, int? horizonYear = null)
    {
        var (name, assumptions) = Resolve(scenarioName);
        return model.Project(assumptions, name, horizonYear);
    }

    public ScenarioComparison Compare(ForecastModel model, ScenarioAssumptions assumptions, string scenarioName, int? horizonYear = null) =>
        new(model.Project(ScenarioAssumptions.Baseline, BaselineName, horizonYear), model.Project(assumptions, scenarioName, horizonYear));

    /// <summary>The quota plan: per district per year, required, forecast qualified (with intervals), gap, recommended approvals.</summary>
    public QuotaPlan Plan(ForecastModel model, string? scenarioName, int targetYear, int? horizonYear = null)
    {
        var (name, assumptions) = Resolve(scenarioName);
        return QuotaPlanner.Plan(model, assumptions, name, targetYear, DateOnly.FromDateTime(time.GetLocalNow().DateTime), horizonYear);
    }

    public QuotaPlan Plan(ForecastModel model, ScenarioAssumptions assumptions, string scenarioName, int targetYear, int? horizonYear = null) =>
        QuotaPlanner.Plan(model, assumptions, scenarioName, targetYear, DateOnly.FromDateTime(time.GetLocalNow().DateTime), horizonYear);

    /// <summary>Writes the plan as .xlsx or .csv (UTF-8 with BOM), chosen by the file's extension.</summary>
    public static void Export(QuotaPlan plan, string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        switch (Path.GetExtension(full).ToLowerInvariant())
        {
            case ".xlsx": QuotaXlsxWriter.Write(plan, full); break;
            case ".csv": QuotaCsvWriter.Write(plan, full); break;
            default: throw new ArgumentException($"{path}: the export is .xlsx or .csv / 导出文件须为 .xlsx 或 .csv", nameof(path));
        }
    }

    public void SaveScenario(string name, ScenarioAssumptions assumptions)
    {
        using var connection = database.Open();
        ForecastStore.SaveScenario(connection, name, assumptions, time.GetUtcNow());
    }

    public IReadOnlyList<string> ScenarioNames()
    {
        using var connection = database.Open();
        return ForecastStore.ScenarioNames(connection);
    }

    /// <summary>The named scenario's assumptions; "baseline" or null is the baseline. Unknown name: KeyNotFoundException.</summary>
    public (string Name, ScenarioAssumptions Assumptions) Resolve(string? scenarioName)
    {
        if (string.IsNullOrWhiteSpace(scenarioName) || scenarioName == BaselineName) return (BaselineName, ScenarioAssumptions.Baseline);
        using var connection = database.Open();
        var assumptions = ForecastStore.LoadScenario(connection, scenarioName)
            ?? throw new KeyNotFoundException($"No scenario named {scenarioName} / 没有名为 {scenarioName} 的情景");
        return (scenarioName, assumptions);
    }
}

/// <summary>The nightly refresh: refit on the latest data; save the baseline and every named scenario to forecast_result.</summary>
internal sealed class ForecastNightlyRefresh(TimeProvider time) : INightlyRefresh
{
    public string Name => "forecasts";

    public void Refresh(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        var options = new ForecastOptions();
        var history = ForecastHistoryReader.Read(connection, options.HorizonYear);
        if (history.Count == 0) return;
        var model = ForecastModel.Fit(history, options);
        var now = time.GetUtcNow();
        ForecastStore.SaveRun(connection, model, model.Project(ScenarioAssumptions.Baseline, ForecastService.BaselineName), now);
        foreach (var name in ForecastStore.ScenarioNames(connection))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (name == ForecastService.BaselineName) continue;
            ForecastStore.SaveRun(connection, model, model.Project(ForecastStore.LoadScenario(connection, name)!, name), now);
        }
    }
}
