namespace Analytics.Warehouse.Storage;

/// <summary>
/// The one "warehouse changed" signal: raised after a load, a nightly refresh or a newer published copy changed what
/// readers see. Two ordered phases: <see cref="Refreshing"/> first (caches of results rebuild themselves, on the
/// raiser's thread, off every request path), then <see cref="Changed"/> (open pages re-render, derived files refresh).
/// <see cref="Version"/> counts the changes so far.
/// </summary>
public sealed class WarehouseChangeNotifier
{
    private long version;

    public long Version => Interlocked.Read(ref version);

    /// <summary>Phase 1: result caches recompute what readers asked for, before anyone is told.</summary>
    public event Action? Refreshing;

    /// <summary>Phase 2: pages re-render (their reads hit the refreshed caches).</summary>
    public event Action? Changed;

    public void Raise()
    {
        Interlocked.Increment(ref version);
        Refreshing?.Invoke();
        Changed?.Invoke();
    }
}
