namespace Analytics.Warehouse.Storage;

/// <summary>Raised after a load or refresh changed the warehouse, so open pages re-render.</summary>
public sealed class WarehouseChangeNotifier
{
    public event Action? Changed;

    public void Raise() => Changed?.Invoke();
}
