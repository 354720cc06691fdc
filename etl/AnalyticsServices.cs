using Analytics.Etl.Forecasting;
using Analytics.Etl.Loading;
using Analytics.Etl.Scheduling;
using Analytics.Warehouse.People;
using Analytics.Warehouse.Research;
using Analytics.Warehouse.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace Analytics.Etl;

/// <summary>
/// The composition root of the product: the CLI commands, the dashboard host and the benchmarks get their options
/// (bound and validated the same way) and services from this one registration, and reach the warehouse through the
/// one <see cref="WarehouseDatabase"/> it registers.
/// </summary>
public static class AnalyticsServices
{
    /// <summary>The warehouse, the research surface, the scheduling options, the loader and the forecasts. Adding twice changes nothing.</summary>
    public static IServiceCollection Add(IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(ExtractLoader))) return services;
        services.AddWarehouse(configuration);
        services.AddResearch(configuration);
        services.AddOptions<IngestionScheduleOptions>()
            .Bind(configuration.GetSection(IngestionScheduleOptions.Section))
            .Validate(o => CronExpression.TryParse(o.NightlyCron, out _), "Scheduling:NightlyCron is not a valid Quartz cron expression")
            .Validate(o => o.InboxInterval >= TimeSpan.FromSeconds(1), "Scheduling:InboxInterval must be at least one second")
            .Validate(o => o.BackupsToKeep >= 1, "Scheduling:BackupsToKeep must be at least 1")
            .Validate(o => string.IsNullOrWhiteSpace(o.LoadMemoryLimit) || LoadMemory.IsSize(o.LoadMemoryLimit),
                "Scheduling:LoadMemoryLimit must be a size such as 256MB or 1GB (or empty for no bound)")
            .ValidateOnStart();
        services.AddSingleton(sp => new ExtractLoader(
            sp.GetRequiredService<WarehouseDatabase>(), sp.GetRequiredService<PersonKeyHasher>(), sp.GetRequiredService<TimeProvider>())
        {
            MemoryLimitWhileLoading = sp.GetRequiredService<IOptions<IngestionScheduleOptions>>().Value.LoadMemoryLimit,
        });
        services.TryAddSingleton(sp => new GapForecasts(sp.GetRequiredService<WarehouseDatabase>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>The services of one CLI command or benchmark run, over the given configuration (dispose it after).</summary>
    public static ServiceProvider Build(IConfiguration configuration) => Add(new ServiceCollection(), configuration).BuildServiceProvider();

    /// <summary>
    /// The services over a warehouse the caller describes (a benchmark's own file and key): the same registration and
    /// validation, with these warehouse options, and the loader's memory bound when given.
    /// </summary>
    internal static ServiceProvider Build(WarehouseOptions warehouse, string? loadMemoryLimit = null)
    {
        var services = Add(new ServiceCollection(), new ConfigurationBuilder().Build());
        services.Configure<WarehouseOptions>(o =>
        {
            o.Path = warehouse.Path;
            o.PersonKey = warehouse.PersonKey;
            o.PersonKeyFile = warehouse.PersonKeyFile;
            o.TalentBaseline = warehouse.TalentBaseline;
            o.MemoryLimit = warehouse.MemoryLimit;
        });
        if (loadMemoryLimit is not null) services.Configure<IngestionScheduleOptions>(o => o.LoadMemoryLimit = loadMemoryLimit);
        return services.BuildServiceProvider();
    }
}
