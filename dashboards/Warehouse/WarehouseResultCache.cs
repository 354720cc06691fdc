using System.Collections.Concurrent;

namespace Analytics.Dashboards.Warehouse;

/// <summary>
/// Results of the heavier metric queries (the trend over every snapshot, the yearly certified bridges), kept until
/// the warehouse changes. WarehouseEvents empties it before pages re-render, and ResultCacheWarmer refills the
/// city-wide entries in the background, so the first visitor after a load does not wait for them.
/// </summary>
internal sealed class WarehouseResultCache : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<object>> entries = new();
    private readonly WarehouseEvents events;

    public WarehouseResultCache(WarehouseEvents events)
    {
        this.events = events;
        events.Invalidating += Clear;
    }

    /// <summary>Raised after the cache was emptied by a warehouse change.</summary>
    public event Action? Cleared;

    public T GetOrAdd<T>(string key, Func<T> compute) where T : class =>
        (T)entries.GetOrAdd(key, _ => new Lazy<object>(() => compute(), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    public void Clear()
    {
        entries.Clear();
        Cleared?.Invoke();
    }

    public void Dispose() => events.Invalidating -= Clear;
}
