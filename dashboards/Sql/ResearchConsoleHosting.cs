using Analytics.Dashboards.Forecast;
using Analytics.Etl.Forecasting;
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

/// <summary>
/// Builds the research file at start and rebuilds it after each load (the warehouse's change notifier), after the
/// forecast refit the same change starts (<see cref="ForecastCache"/>): the two heavy jobs after a load run one after
/// the other, so the host's peak is the larger of the two, not their sum (docs/benchmarks.md).
/// </summary>
internal sealed class ResearchRefresher(ResearchConsole console, ForecastCache forecasts, WarehouseChangeNotifier notifier, ILogger<ResearchRefresher> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        notifier.Changed += OnChanged;
        _ = Task.Run(RefreshAfterForecastAsync, cancellationToken);
        return Task.CompletedTask;
    }

    private void OnChanged() => _ = Task.Run(RefreshAfterForecastAsync);

    private async Task RefreshAfterForecastAsync()
    {
        // Waits for the fit, whatever its outcome (a failed fit is the forecast page's to report, not a reason to skip).
        await Task.WhenAny(forecasts.GetAsync(GapForecasts.DefaultHorizonYear)).ConfigureAwait(false);
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
