using Analytics.Warehouse.Storage;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboards.Warehouse;

internal sealed class WarehouseOptionsValidator : IValidateOptions<WarehouseOptions>
{
    public ValidateOptionsResult Validate(string? name, WarehouseOptions options) =>
        string.IsNullOrWhiteSpace(options.Path)
            ? ValidateOptionsResult.Fail("Warehouse:Path is empty: set it to the DuckDB file the dashboard owns.")
            : ValidateOptionsResult.Success;
}

internal static class WarehouseHostingExtensions
{
    /// <summary>The warehouse file (section "Warehouse"), its connections, and the "warehouse changed" event.</summary>
    public static WebApplicationBuilder AddWarehouse(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<WarehouseOptions>, WarehouseOptionsValidator>();
        builder.Services.AddOptions<WarehouseOptions>().Bind(builder.Configuration.GetSection(WarehouseOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton(sp => new WarehouseDatabase(sp.GetRequiredService<IOptions<WarehouseOptions>>().Value));
        builder.Services.AddSingleton<WarehouseConnections>();
        builder.Services.AddSingleton<WarehouseEvents>();
        builder.Services.AddSingleton<SnapshotQueries>();
        return builder;
    }
}
