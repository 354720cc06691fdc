namespace Analytics.Dashboards.Warehouse;

/// <summary>Raised after each load into the warehouse; every page subscribes and re-renders.</summary>
internal sealed class WarehouseEvents
{
    public event Action? Changed;

    public void RaiseChanged() => Changed?.Invoke();
}
