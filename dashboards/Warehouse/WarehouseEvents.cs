using Analytics.Warehouse.Storage;

namespace Analytics.Dashboards.Warehouse;

/// <summary>
/// Raised after each load into the warehouse; every page subscribes and re-renders. A load job may call
/// RaiseChanged directly, or raise the warehouse's WarehouseChangeNotifier, which is forwarded here.
/// </summary>
internal sealed class WarehouseEvents : IDisposable
{
    private readonly WarehouseChangeNotifier? notifier;

    public WarehouseEvents() { }

    public WarehouseEvents(WarehouseChangeNotifier notifier)
    {
        this.notifier = notifier;
        notifier.Changed += RaiseChanged;
    }

    public event Action? Changed;

    /// <summary>Raised first, before Changed: caches of query results empty themselves here.</summary>
    public event Action? Invalidating;

    public void RaiseChanged()
    {
        Invalidating?.Invoke();
        Changed?.Invoke();
    }

    public void Dispose()
    {
        if (notifier is not null) notifier.Changed -= RaiseChanged;
    }
}
