using Analytics.Warehouse.Research;
using Analytics.Warehouse.Storage;

namespace Analytics.Dashboards.Sql;

internal static class ResearchConsoleHosting
{
    /// <summary>The research surface (section "Research"), the console, exports, saved queries, and the refresh after each load.</summary>
    public static WebApplicationBuilder AddResearchConsole(this WebApplicationBuilder builder)
    {
        builder.Services.AddResearch(builder.Configuration);
        builder.Services.AddSingleton<ResearchConsole>();
        builder.Services.AddSingleton<ResearchExports>();
        builder.Services.AddSingleton<SavedQueries>();
        builder.Services.AddSingleton(sp => new SmallNumberSuppression(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ResearchOptions>>().Value.SuppressionThreshold));
        builder.Services.AddHostedService<ResearchRefresher>();
        return builder;
    }
}

/// <summary>Builds the research file at start and rebuilds it after each load (the warehouse's change notifier).</summary>
internal sealed class ResearchRefresher(ResearchConsole console, WarehouseChangeNotifier notifier, ILogger<ResearchRefresher> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        notifier.Changed += OnChanged;
        _ = Task.Run(Refresh, cancellationToken);
        return Task.CompletedTask;
    }

    private void OnChanged() => _ = Task.Run(Refresh);

    private void Refresh()
    {
        try { console.Refresh(); }
        catch (Exception e) when (e is DuckDB.NET.Data.DuckDBException or IOException or InvalidOperationException)
        {
            log.LogWarning("研究库刷新失败 Research file refresh failed: {Message}", e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        notifier.Changed -= OnChanged;
        return Task.CompletedTask;
    }
}
