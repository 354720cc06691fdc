using Analytics.Warehouse.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Analytics.Warehouse.Storage;

internal static class WarehouseRegistration
{
    /// <summary>
    /// The warehouse file, its person-key hasher (checked against the warehouse when the host starts, so a wrong key stops
    /// it with a clear message) and the change notifier, from the "Warehouse" section.
    /// </summary>
    public static IServiceCollection AddWarehouse(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WarehouseOptions>()
            .Bind(configuration.GetSection(WarehouseOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Warehouse:Path must name the DuckDB file")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new WarehouseDatabase(sp.GetRequiredService<IOptions<WarehouseOptions>>().Value));
        services.TryAddSingleton(sp => PersonKeySource.Resolve(sp.GetRequiredService<IOptions<WarehouseOptions>>().Value, sp.GetRequiredService<WarehouseDatabase>()));
        services.TryAddSingleton<WarehouseChangeNotifier>();
        services.AddHostedService<WarehouseFileOwner>();
        return services;
    }
}
