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

    public void RaiseChanged() => Changed?.Invoke();

    public void Dispose()
    {
        if (notifier is not null) notifier.Changed -= RaiseChanged;
    }
}
