using System.Collections.Concurrent;
using Analytics.Warehouse.Storage;

namespace Analytics.Dashboards.WarehouseReads;

/// <summary>
/// The results pages read, kept per warehouse version: a page asks once per version, every later request (and the
/// interactive render after the prerender) is served from here. When the warehouse changes
/// (<see cref="WarehouseChangeNotifier.Refreshing"/>, before pages are told), the results asked for most recently are
/// recomputed once against the new version into a fresh table, which then replaces the old one in one step.
/// </summary>
internal sealed class WarehouseResultCache : IDisposable
{
    /// <summary>Beyond this many results the table starts again (drill-down pages make many small ones).</summary>
    internal const int MaxEntries = 4000;

    /// <summary>How many of the most recently used results are recomputed after a change.</summary>
    internal const int RefreshedAfterChange = 200;

    private sealed class Entry(Func<object> compute)
    {
        public Func<object> Compute { get; } = compute;
        public Lazy<object> Value { get; } = new(compute, LazyThreadSafetyMode.ExecutionAndPublication);
        public long LastUsed { get; set; }
    }

    private readonly WarehouseChangeNotifier notifier;
    private readonly ILogger<WarehouseResultCache>? logger;
    private ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private long uses;

    public WarehouseResultCache(WarehouseChangeNotifier notifier, ILogger<WarehouseResultCache>? logger = null)
    {
        this.notifier = notifier;
        this.logger = logger;
        notifier.Refreshing += Refresh;
    }

    /// <summary>Times a result was computed (not served from the table): what the bench and the tests watch.</summary>
    public long Computations => Interlocked.Read(ref computations);

    private long computations;

    /// <summary>The warehouse version the results belong to.</summary>
    public long Version { get; private set; }

    public int Count => entries.Count;

    public T GetOrAdd<T>(string key, Func<T> compute) where T : class
    {
        var table = entries;
        if (table.Count >= MaxEntries) table.Clear();
        var entry = table.GetOrAdd(key, _ => new Entry(() => Counted(compute)));
        entry.LastUsed = Interlocked.Increment(ref uses);
        try
        {
            return (T)entry.Value.Value;
        }
        catch
        {
            table.TryRemove(new KeyValuePair<string, Entry>(key, entry)); // a failed read is not kept
            throw;
        }
    }

    private object Counted<T>(Func<T> compute) where T : class
    {
        Interlocked.Increment(ref computations);
        return compute();
    }

    /// <summary>Recomputes the most recently used results against the warehouse as it is now, then swaps tables.</summary>
    public void Refresh()
    {
        var version = notifier.Version;
        var old = entries;
        var fresh = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var (key, entry) in old.OrderByDescending(e => e.Value.LastUsed).Take(RefreshedAfterChange))
        {
            var recomputed = new Entry(entry.Compute) { LastUsed = entry.LastUsed };
            try
            {
                _ = recomputed.Value.Value;
                fresh[key] = recomputed;
            }
            catch (Exception e)
            {
                // Never fail the load that raised the signal: the entry is left out and computed on its next request.
                logger?.LogWarning("看板结果预计算失败 A cached result could not be recomputed ({Key}): {Message}", key, e.Message);
            }
        }
        entries = fresh;
        Version = version;
    }

    /// <summary>Drops every result (the next request computes it).</summary>
    public void Clear() => entries = new(StringComparer.Ordinal);

    public void Dispose() => notifier.Refreshing -= Refresh;
}
