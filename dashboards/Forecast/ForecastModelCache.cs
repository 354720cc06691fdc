using System.Collections.Concurrent;
using Analytics.Dashboards.Warehouse;
using Analytics.Etl.Forecasting;

namespace Analytics.Dashboards.Forecast;

/// <summary>
/// The fitted <see cref="ForecastModel"/>s of the dashboard, one per horizon year, fitted once per warehouse change
/// (fitting reads the history and runs the backtest: seconds), on the thread pool, never on a render path.
/// Scenario changes only re-project the cached model (milliseconds). Subscribes to <see cref="WarehouseEvents"/>:
/// a load drops every cached fit and raises <see cref="Invalidated"/> so open pages show "正在拟合" and refit.
/// </summary>
internal sealed class ForecastModelCache : IDisposable
{
    private readonly ForecastService service;
    private readonly WarehouseEvents events;
    private readonly ConcurrentDictionary<int, Lazy<Task<ForecastModel>>> fits = new();

    public ForecastModelCache(ForecastService service, WarehouseEvents events)
    {
        this.service = service;
        this.events = events;
        events.Changed += Invalidate;
    }

    /// <summary>Raised after a warehouse change has dropped the cached fits (subscribers then ask again).</summary>
    public event Action? Invalidated;

    /// <summary>The model fitted for the horizon year: the cached one, or a fit started now on the thread pool.</summary>
    public Task<ForecastModel> GetAsync(int horizonYear)
    {
        var entry = fits.GetOrAdd(horizonYear, year => new Lazy<Task<ForecastModel>>(
            () => Task.Run(() => service.Fit(new ForecastOptions(HorizonYear: year)))));
        var task = entry.Value;
        // A failed fit (e.g. the warehouse was busy) is not kept: the next request tries again.
        if (task.IsFaulted) fits.TryRemove(new KeyValuePair<int, Lazy<Task<ForecastModel>>>(horizonYear, entry));
        return task;
    }

    /// <summary>True when the model for the horizon is fitted and ready (no waiting).</summary>
    public bool IsReady(int horizonYear) =>
        fits.TryGetValue(horizonYear, out var entry) && entry.IsValueCreated && entry.Value.IsCompletedSuccessfully;

    private void Invalidate()
    {
        fits.Clear();
        Invalidated?.Invoke();
    }

    public void Dispose() => events.Changed -= Invalidate;
}
