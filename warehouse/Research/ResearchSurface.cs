using Analytics.Warehouse.People;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Analytics.Warehouse.Research;

/// <summary>The research file of a warehouse and the sandbox that queries it: one engine for the CLI and the dashboard.</summary>
public sealed class ResearchSurface(WarehouseDatabase warehouse, PersonKeyHasher hasher, ResearchOptions options, TimeProvider clock)
{
    /// <summary>The research person key is keyed by a secret derived from (never equal to) the person-hash key.</summary>
    public ResearchDatabase Database { get; } = new(options.ResolvePath(warehouse.FullPath), hasher.KeyOf("research-surface-v1"), clock);

    public SandboxedQueryRunner Runner => new(Database.FullPath, Options);

    public ResearchOptions Options { get; } = options;

    /// <summary>Rebuilds the research file if the warehouse changed since it was built (cheap when it did not).</summary>
    public bool Refresh(DuckDBConnection warehouseConnection) => Database.EnsureFresh(warehouseConnection);

    /// <summary>
    /// Refresh over a fresh connection to the warehouse (another process holding it is reported); a warehouse that
    /// cannot be written (a read-only copy) is read read-only.
    /// </summary>
    public bool Refresh()
    {
        using var connection = warehouse.OpenWritableOrReadOnly(out _);
        return Refresh(connection);
    }
}

public static class ResearchRegistration
{
    /// <summary>The research surface from the "Research" section (after AddWarehouse).</summary>
    public static IServiceCollection AddResearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ResearchOptions>()
            .Bind(configuration.GetSection(ResearchOptions.Section))
            .Validate(o => o.Timeout > TimeSpan.Zero, "Research:Timeout must be positive")
            .Validate(o => o.DisplayRows > 0 && o.ExportRows > 0, "Research:DisplayRows and ExportRows must be positive")
            .Validate(o => o.Threads > 0, "Research:Threads must be positive")
            .Validate(o => o.SuppressionThreshold >= 0, "Research:SuppressionThreshold must not be negative")
            .Validate(o => ValidSizes(o), "Research:MemoryLimit and ProcessMemoryLimit must be sizes such as 512MB, and ProcessMemoryLimit the larger")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new ResearchSurface(sp.GetRequiredService<WarehouseDatabase>(), sp.GetRequiredService<PersonKeyHasher>(),
            sp.GetRequiredService<IOptions<ResearchOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    private static bool ValidSizes(ResearchOptions o)
    {
        try { return ResearchOptions.ParseBytes(o.ProcessMemoryLimit) > ResearchOptions.ParseBytes(o.MemoryLimit); }
        catch (FormatException) { return false; }
    }
}
