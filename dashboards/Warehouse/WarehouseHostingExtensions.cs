using Analytics.Warehouse.Storage;

namespace Analytics.Dashboards.Warehouse;

internal static class WarehouseHostingExtensions
{
    /// <summary>
    /// The warehouse file (section "Warehouse", validated at start), its connections owned by this process, and the
    /// "warehouse changed" event (fed by the warehouse's WarehouseChangeNotifier, which the loader jobs raise).
    /// </summary>
    public static WebApplicationBuilder AddWarehouse(this WebApplicationBuilder builder)
    {
        Analytics.Etl.AnalyticsServices.Add(builder.Services, builder.Configuration); // the one composition root, as the CLI's
        builder.Services.AddSingleton<WarehouseConnections>();
        builder.Services.AddSingleton<WarehouseEvents>();
        builder.Services.AddSingleton<SnapshotQueries>();
        builder.Services.AddSingleton<WarehouseResultCache>();
        builder.Services.AddHostedService<ResultCacheWarmer>();
        return builder;
    }
}
