using Analytics.Dashboards.Sql;
using Analytics.Warehouse.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboards.WarehouseReads;

internal static class WarehouseHostingExtensions
{
    /// <summary>
    /// The warehouse file (section "Warehouse", validated at start), its connections, the results cached per warehouse
    /// version, and the one "warehouse changed" signal (<see cref="WarehouseChangeNotifier"/>, raised by the load jobs
    /// or by a newer published copy). With <c>--read-only FILE</c> (section "ReadOnly") the process serves that
    /// published copy instead and never writes a warehouse.
    /// </summary>
    public static WebApplicationBuilder AddWarehouse(this WebApplicationBuilder builder)
    {
        if (builder.Configuration["read-only"] is { } copy) builder.Configuration[ReadOnlyServingOptions.Section + ":Path"] = copy;
        if (builder.ServesPublishedCopy())
        {
            // A replica never opens a shared warehouse file read-write: the warehouse options name a scratch file of this
            // process beside its local file (never the published copy; nothing opens it while pages read the copy).
            var local = new ReadOnlyServingOptions { LocalPath = builder.Configuration[ReadOnlyServingOptions.Section + ":LocalPath"] }.LocalFullPath;
            builder.Configuration[WarehouseOptions.Section + ":Path"] = local + ".scratch.duckdb";
            // The research console reads the research file `etl publish` put beside the copy, read-only.
            var research = Analytics.Warehouse.Research.ResearchOptions.Section + ":Path";
            if (string.IsNullOrWhiteSpace(builder.Configuration[research]))
                builder.Configuration[research] = Analytics.Etl.Publishing.ReadOnlyCopy.ResearchOf(builder.Configuration[ReadOnlyServingOptions.Section + ":Path"]!);
        }
        Analytics.Etl.AnalyticsServices.Add(builder.Services, builder.Configuration); // the one composition root, as the CLI's
        builder.Services.AddSingleton<IValidateOptions<ReadOnlyServingOptions>, ReadOnlyServingOptionsValidator>();
        builder.Services.AddOptions<ReadOnlyServingOptions>().Bind(builder.Configuration.GetSection(ReadOnlyServingOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<WarehouseConnections>();
        builder.Services.AddSingleton<SnapshotQueries>();
        builder.Services.AddSingleton<WarehouseResultCache>();
        builder.Services.AddHostedService<ResultCacheWarmer>();
        return builder;
    }

    /// <summary>True when the process serves a published copy (<c>--read-only FILE</c> or ReadOnly:Path).</summary>
    public static bool ServesPublishedCopy(this IHostApplicationBuilder builder) =>
        !string.IsNullOrWhiteSpace(builder.Configuration[ReadOnlyServingOptions.Section + ":Path"]);

    /// <summary>The scheduled loads (inbox and nightly jobs) and the first-run demo: only in the process that owns the warehouse.</summary>
    public static WebApplicationBuilder AddIngestion(this WebApplicationBuilder builder)
    {
        if (builder.ServesPublishedCopy()) return builder;
        builder.AddScheduledIngestion();
        builder.AddFirstRunDemo();
        return builder;
    }

    /// <summary>
    /// Last of the registrations: a read-only replica opens the published copy (<see cref="PublishedCopy"/>), watches
    /// it for a newer publication, reads the forecasts stored in it, and drops the services that would open or write the
    /// warehouse file itself (the file owner, the research rebuild).
    /// </summary>
    public static WebApplicationBuilder AddReadOnlyServing(this WebApplicationBuilder builder)
    {
        if (!builder.ServesPublishedCopy()) return builder;
        builder.Services.AddSingleton(sp => new PublishedCopy(sp.GetRequiredService<IOptions<ReadOnlyServingOptions>>().Value));
        builder.Services.AddHostedService<PublishedCopyWatcher>();
        builder.Services.Replace(ServiceDescriptor.Singleton(sp => Analytics.Etl.Forecasting.GapForecasts.OverReadOnlyCopy(
            sp.GetRequiredService<WarehouseConnections>().Open, sp.GetRequiredService<TimeProvider>())));
        builder.Services.RemoveAll(d => d.ServiceType == typeof(IHostedService)
            && (d.ImplementationType == typeof(WarehouseFileOwner) || d.ImplementationType == typeof(ResearchRefresher)));
        return builder;
    }

    private static void RemoveAll(this IServiceCollection services, Func<ServiceDescriptor, bool> match)
    {
        foreach (var descriptor in services.Where(match).ToList()) services.Remove(descriptor);
    }
}
