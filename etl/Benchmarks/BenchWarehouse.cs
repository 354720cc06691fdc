using Analytics.Etl.DemoData;
using Analytics.Etl.Loading;
using Analytics.Etl.Scheduling;
using Analytics.Warehouse.People;
using Analytics.Warehouse.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Etl.Benchmarks;

/// <summary>The bench's warehouses: a fixed person key (never the deployment's key file) and folders of their own.</summary>
public static class BenchWarehouse
{
    public const string PersonKey = "benchmark-person-key";

    public static WarehouseOptions Options(string path) => new() { Path = path, PersonKey = PersonKey };

    /// <summary>The demo history the bench generates: the city, 2019–2026 (quick: 2025–2026, fewer snapshots).</summary>
    public static DemoDataOptions DemoOptions(string outDir, bool quick) => quick ? new DemoDataOptions(outDir, From: 2025) : new DemoDataOptions(outDir);

    public static ExtractLoader Loader(WarehouseOptions options) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ExtractLoader>(AnalyticsServices.Build(options));

    /// <summary>The scheduled inbox path of a fresh install: inbox, archive, rejected and backups beside the warehouse file.</summary>
    public static InboxProcessor Inbox(WarehouseOptions options)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(options.Path))!;
        var scheduling = new IngestionScheduleOptions
        {
            Inbox = Path.Combine(folder, "inbox"), Archive = Path.Combine(folder, "archive"),
            Rejected = Path.Combine(folder, "rejected"), Backups = Path.Combine(folder, "backups"), StableFor = TimeSpan.Zero,
        };
        return new InboxProcessor(Loader(options), Microsoft.Extensions.Options.Options.Create(scheduling), new WarehouseChangeNotifier(),
            TimeProvider.System, NullLogger<InboxProcessor>.Instance);
    }

    /// <summary>Throws when a load did not take every file (a fault of the bench run, not a missed target).</summary>
    public static void RequireAllLoaded(LoadReport report, string what)
    {
        var bad = report.Files.Where(f => f.Outcome is LoadOutcome.Failed or LoadOutcome.Refused).ToList();
        if (bad.Count > 0)
            throw new InvalidOperationException($"{what}: {string.Join("; ", bad.Select(f => $"{f.FileName} {f.Outcome}: {f.MessageEn}"))}");
        if (report.Files.Count == 0) throw new InvalidOperationException($"{what}: no file was loaded");
    }
}
