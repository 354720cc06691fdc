using System.Collections.Concurrent;
using Analytics.Dashboards.WarehouseReads;
using Analytics.Warehouse.Storage;
using Analytics.Etl.Forecasting;

namespace Analytics.Dashboards.Forecast;

/// <summary>
/// The stored forecast of each horizon year, asked of <see cref="GapForecasts"/> on the thread pool (the first fit
/// after a data change takes seconds), never on a render path, with the city's baseline projection the page opens on
/// computed in the same background task (at province scale that projection takes seconds too: a request must not be
/// the one that computes it). A warehouse change drops the cached results and raises <see cref="Invalidated"/> so open
/// pages show "正在拟合" and ask again.
/// </summary>
internal sealed class ForecastCache : IDisposable
{
    private readonly GapForecasts forecasts;
    private readonly WarehouseChangeNotifier events;
    private readonly TimeProvider clock;
    private readonly ConcurrentDictionary<int, Lazy<Task<GapForecast>>> results = new();

    public ForecastCache(GapForecasts forecasts, WarehouseChangeNotifier events, TimeProvider clock)
    {
        this.forecasts = forecasts;
        this.events = events;
        this.clock = clock;
        events.Changed += Invalidate;
    }

    public event Action? Invalidated;

    public Task<GapForecast> GetAsync(int horizonYear)
    {
        var entry = results.GetOrAdd(horizonYear, year => new Lazy<Task<GapForecast>>(() => Task.Run(() => WithBaseline(forecasts.Forecast(year)))));
        var task = entry.Value;
        if (task.IsFaulted) results.TryRemove(new KeyValuePair<int, Lazy<Task<GapForecast>>>(horizonYear, entry));
        return task;
    }

    /// <summary>Projects the city's baseline once (memoised per fitted model), so the page's first render only reads it.</summary>
    private GapForecast WithBaseline(GapForecast forecast)
    {
        if (forecast.IsEmpty) return forecast;
        ForecastFigures.Build(forecasts, forecast, ScenarioAssumptions.Baseline, GapForecasts.BaselineName, null,
            ForecastFigures.DefaultTargetYear(forecast), clock);
        return forecast;
    }

    private void Invalidate()
    {
        results.Clear();
        _ = GetAsync(GapForecasts.DefaultHorizonYear); // refit once now, in the background, not on a visitor's request
        Invalidated?.Invoke();
    }

    public void Dispose() => events.Changed -= Invalidate;
}
