using Analytics.Etl.Scheduling;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Etl.Forecasting;

public sealed record DistrictRef(string Code, string Name);

/// <summary>An observed point of a district (or the city, 510100): the latest roster snapshot of a half-year.</summary>
public sealed record HistoryPoint(string DistrictCode, DateOnly AsOf, double RequiredPosts, double QualifiedPosts, double GapPosts);

/// <summary>The stored forecast: what was shipped (method, and the plain statement when a baseline won), the points with intervals, the history behind them.</summary>
public sealed record GapForecast(
    DateTime RunAt, DateOnly DataVintage, DateOnly? HistoryUntil, int HorizonYear, string GapMethod, string QualifiedMethod,
    string StatementZh, string StatementEn, IReadOnlyList<DistrictRef> Districts, IReadOnlyList<HistoryPoint> History,
    IReadOnlyList<ForecastPoint> Points, int DefaultTargetYear)
{
    public const string CityCode = ForecastPoints.CityCode;
    public bool BaselineWins => GapMethod != UnitModel.MethodName;
    public bool IsEmpty => Points.Count == 0;
}

/// <summary>The backtest behind a stored forecast: MAE per method, quantity and horizon with the origins behind it, and measured coverage.</summary>
public sealed record BacktestSummary(
    IReadOnlyList<BacktestCell> Cells, IReadOnlyList<CoverageCell> Coverage, IReadOnlyList<DateOnly> Origins, string GapMethod, string QualifiedMethod)
{
    public static readonly IReadOnlyList<string> Methods = ForecastModel.Candidates;
}

/// <summary>The unit model's gap at each half-year end: at each district's recent approvals (baseline) and under a scenario.</summary>
public sealed record ScenarioGap(string DistrictCode, DateOnly AsOf, double BaselineGap, double ScenarioGapPosts);

/// <summary>
/// The forecast's narrow interface for the dashboard and the CLI: a forecast (stored: the nightly refresh and the
/// page read the same run), its backtest summary, scenario gaps and a quota plan; named scenarios; the exports.
/// Learners, calibration and projections stay behind it. Fitting takes seconds: once per data change and options.
/// </summary>
public sealed class GapForecasts
{
    public const string BaselineName = "baseline";
    public const int DefaultHorizonYear = 2030;

    private readonly Func<DuckDBConnection> _open;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Fingerprint, int Horizon, DateOnly? Until), ForecastModel> _models = [];
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<ForecastModel, StoredRun> _unstored = [];
    private readonly ProjectionMemo _projections = new();

    public GapForecasts(WarehouseDatabase database, TimeProvider time) : this(database.Open, time, readOnly: false) { }

    private GapForecasts(Func<DuckDBConnection> open, TimeProvider time, bool readOnly) { _open = open; _time = time; ReadOnly = readOnly; }

    /// <summary>
    /// The forecasts of a read-only copy (a dashboard replica of <c>etl publish</c>'s copy; <paramref name="open"/> gives
    /// connections that read it): the run the writer stored for these data is read, never refitted for show nor
    /// written; when the copy holds none, the run is computed in memory. Scenarios are read, not saved.
    /// </summary>
    public static GapForecasts OverReadOnlyCopy(Func<DuckDBConnection> open, TimeProvider time) => new(open, time, readOnly: true);

    /// <summary>
    /// How many backtest fits a refit runs at once (default: one per core). The dashboard host leaves a core for its
    /// pages: a refit after each load would otherwise take every core (and hold two fits' memory at once).
    /// </summary>
    public int FitParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>True over a read-only copy: nothing is stored (<see cref="SaveScenario"/> refuses).</summary>
    public bool ReadOnly { get; }

    /// <summary>The stored forecast for the warehouse's current data (fitted and stored first when there is none).</summary>
    public GapForecast Forecast(int? horizonYear = null, DateOnly? historyUntil = null)
    {
        var (model, run) = Fitted(horizonYear, historyUntil);
        var statement = MethodNames.Statement(run.GapMethod);
        var series = DistrictSeries.From(model.History);
        var history = series.Values.SelectMany(s => s.HalfYears.Select((h, i) => new HistoryPoint(s.Code, model.History.AsOf[i], s.Required[i], s.Qualified[i], s.Gap[i])))
            .ToList();
        history.AddRange(history.GroupBy(p => p.AsOf).Select(g => new HistoryPoint(GapForecast.CityCode, g.Key, g.Sum(p => p.RequiredPosts), g.Sum(p => p.QualifiedPosts), g.Sum(p => p.GapPosts))));
        return new GapForecast(run.RunAt, model.DataVintage, model.Options.HistoryUntil, model.Options.HorizonYear, run.GapMethod, run.QualifiedMethod,
            statement.Zh, statement.En, model.History.Districts.Select(d => new DistrictRef(d.Code, d.Name)).ToList(),
            history.OrderBy(p => p.AsOf).ThenBy(p => p.DistrictCode, StringComparer.Ordinal).ToList(), run.Points,
            model.History.Points == 0 ? 0 : QuotaPlanner.DefaultTargetYear(model));
    }

    public BacktestSummary Backtest(int? horizonYear = null, DateOnly? historyUntil = null)
    {
        var (model, run) = Fitted(horizonYear, historyUntil);
        return new BacktestSummary(run.Cells, run.Coverage, model.Backtest.Origins.Select(HalfYears.End).ToList(), run.GapMethod, run.QualifiedMethod);
    }

    /// <summary>The quota plan of a scenario (default target: the end of the next plan year).</summary>
    /// <param name="district">Only this district and its towns; null = every district, and every town when <paramref name="towns"/>.</param>
    public QuotaPlan Plan(ScenarioAssumptions assumptions, string scenarioName, int? targetYear = null, int? horizonYear = null,
        string? district = null, bool towns = true)
    {
        var (model, _) = Fitted(horizonYear, null);
        var target = targetYear ?? QuotaPlanner.DefaultTargetYear(model);
        var today = Today();
        return _projections.Get(model, string.Join('|', "plan", scenarioName, ProjectionMemo.KeyOf(assumptions), target, today, district, towns),
            () => QuotaPlanner.Plan(model, assumptions, scenarioName, target, today, district, towns));
    }

    /// <summary>Expected gap per district and the city at each projected half-year: recent approvals beside the scenario.</summary>
    public IReadOnlyList<ScenarioGap> Compare(ScenarioAssumptions assumptions, int? horizonYear = null)
    {
        var (model, _) = Fitted(horizonYear, null);
        return _projections.Get(model, "compare|" + ProjectionMemo.KeyOf(assumptions), () => ScenarioGaps.Of(model, assumptions));
    }

    /// <summary>
    /// False while the warehouse holds no roster snapshot: there is nothing to forecast from yet. Read from the fitted
    /// model's history (kept per data version), so an export asks the warehouse nothing more than its plan does.
    /// </summary>
    public bool HasHistory(int? horizonYear = null) => Fitted(horizonYear, null).Model.History.Points > 0;

    /// <summary>
    /// Stores the run of the current data when none is stored yet (what <c>etl publish</c> does before copying, so the
    /// replicas read the writer's run); true when a run was fitted and stored now.
    /// </summary>
    public bool EnsureStoredRun(int? horizonYear = null)
    {
        if (ReadOnly) throw new InvalidOperationException("只读副本不保存预测 / A read-only copy stores no forecast run");
        using (var connection = _open())
        {
            if (ForecastStore.LatestRun(connection, ForecastStore.Fingerprint(connection), horizonYear ?? DefaultHorizonYear, null) is not null) return false;
        }
        Fitted(horizonYear, null);
        return true;
    }

    public void SaveScenario(string name, ScenarioAssumptions assumptions)
    {
        if (ReadOnly) throw new InvalidOperationException("只读副本不能保存情景，请在写入方保存 / A read-only copy cannot save scenarios: save them on the writer");
        using var connection = _open();
        ForecastStore.SaveScenario(connection, name, assumptions, _time.GetUtcNow());
    }

    public IReadOnlyList<string> ScenarioNames()
    {
        using var connection = _open();
        return ForecastStore.ScenarioNames(connection);
    }

    /// <summary>The named scenario's assumptions; "baseline" or null is the baseline. Unknown name: KeyNotFoundException.</summary>
    public (string Name, ScenarioAssumptions Assumptions) Resolve(string? scenarioName)
    {
        if (string.IsNullOrWhiteSpace(scenarioName) || scenarioName == BaselineName) return (BaselineName, ScenarioAssumptions.Baseline);
        using var connection = _open();
        var assumptions = ForecastStore.LoadScenario(connection, scenarioName)
            ?? throw new KeyNotFoundException($"没有名为 {scenarioName} 的情景 / No scenario named {scenarioName}");
        return (scenarioName, assumptions);
    }

    /// <summary>The quota plan as .csv (UTF-8 with BOM) or .xlsx.</summary>
    public static void WriteQuota(QuotaPlan plan, string path) => ForecastExports.WriteQuota(plan, path);

    public static void WriteQuotaCsv(QuotaPlan plan, Stream stream) => ForecastExports.WriteQuotaCsv(plan, stream);

    /// <summary>The machine-readable long forecast (docs/forecasts.md).</summary>
    public void WriteLong(Stream stream, int? horizonYear = null, DateOnly? historyUntil = null) =>
        ForecastExports.WriteLongCsv(Fitted(horizonYear, historyUntil).Model, stream);

    internal ForecastModel Model(int? horizonYear = null, DateOnly? historyUntil = null) => Fitted(horizonYear, historyUntil).Model;

    private (ForecastModel Model, StoredRun Run) Fitted(int? horizonYear, DateOnly? historyUntil)
    {
        var options = new ForecastOptions(HorizonYear: horizonYear ?? DefaultHorizonYear) { HistoryUntil = historyUntil, MaxParallelism = FitParallelism };
        using var connection = _open();
        var fingerprint = ForecastStore.Fingerprint(connection);
        ForecastModel? model;
        lock (_gate) _models.TryGetValue((fingerprint, options.HorizonYear, historyUntil), out model);
        if (model is null)
        {
            model = ForecastRuns.Fit(connection, options);
            lock (_gate)
            {
                // Models of older data are of no further use.
                foreach (var stale in _models.Keys.Where(k => k.Fingerprint != fingerprint).ToList()) _models.Remove(stale);
                _models[(fingerprint, options.HorizonYear, historyUntil)] = model;
            }
        }
        var run = ForecastStore.LatestRun(connection, fingerprint, options.HorizonYear, historyUntil);
        if (run is null && ReadOnly)
        {
            // Nothing stored for these data in the copy: the run of the fitted model, kept with it, never written.
            lock (_gate) run = _unstored.GetValue(model, m => ForecastStore.Unstored(m, _time.GetUtcNow().UtcDateTime));
        }
        else if (run is null)
        {
            ForecastStore.SaveRun(connection, model, fingerprint, _time.GetUtcNow().UtcDateTime);
            run = ForecastStore.LatestRun(connection, fingerprint, options.HorizonYear, historyUntil)!;
        }
        return (model, run);
    }

    private DateOnly Today() => DateOnly.FromDateTime(_time.GetLocalNow().DateTime);
}

/// <summary>Reading the history and fitting: shared by the façade and the nightly refresh.</summary>
internal static class ForecastRuns
{
    public static ForecastModel Fit(DuckDBConnection connection, ForecastOptions options)
    {
        var until = options.HistoryUntil ?? new DateOnly(9999, 12, 31);
        var history = ForecastHistoryReader.Read(connection, until, HalfYears.Of(options.HorizonYear, 2));
        return ForecastModel.Fit(history, options);
    }
}

/// <summary>The nightly refresh: refit on the latest data and store the run the page then reads.</summary>
internal sealed class ForecastNightlyRefresh(TimeProvider time) : INightlyRefresh
{
    public string Name => "forecasts";

    public void Refresh(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        var model = ForecastRuns.Fit(connection, new ForecastOptions(HorizonYear: GapForecasts.DefaultHorizonYear));
        cancellationToken.ThrowIfCancellationRequested();
        ForecastStore.SaveRun(connection, model, ForecastStore.Fingerprint(connection), time.GetUtcNow().UtcDateTime);
    }
}

/// <summary>The unit model's expected gaps with and without a scenario.</summary>
internal static class ScenarioGaps
{
    public static List<ScenarioGap> Of(ForecastModel model, ScenarioAssumptions scenario)
    {
        var result = new List<ScenarioGap>();
        if (model.Units is not { } units) return result;
        foreach (var code in units.DistrictCodes.Order(StringComparer.Ordinal))
        {
            var recent = units.RecentApprovals(code);
            var baseline = units.ProjectDistrict(code, units.Arrivals(code, _ => recent, units.Steps));
            var approvals = scenario.ApprovalsFor(code, recent);
            var changed = units.ProjectDistrict(code, units.Arrivals(code, _ => approvals, units.Steps), 1 + scenario.PassRateChange,
                Math.Max(0, 1 + scenario.AttritionChange));
            result.AddRange(baseline.Zip(changed, (b, s) => new ScenarioGap(code, HalfYears.End(units.Origin + b.Step), b.Gap, s.Gap)));
        }
        result.AddRange(result.GroupBy(g => g.AsOf).Select(g => new ScenarioGap(GapForecast.CityCode, g.Key, g.Sum(x => x.BaselineGap), g.Sum(x => x.ScenarioGapPosts))).ToList());
        return result;
    }
}
