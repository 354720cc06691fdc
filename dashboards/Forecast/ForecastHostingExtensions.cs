using Analytics.Dashboards.Warehouse;
using Analytics.Etl.Forecasting;

namespace Analytics.Dashboards.Forecast;

/// <summary>The 预测 page's services and the quota export endpoints (GET /forecast/export.csv and .xlsx).</summary>
internal static class ForecastHostingExtensions
{
    public const string CsvPath = "/forecast/export.csv", XlsxPath = "/forecast/export.xlsx";

    public static WebApplicationBuilder AddForecastPage(this WebApplicationBuilder builder)
    {
        builder.Services.AddForecastServices();
        return builder;
    }

    /// <summary>The forecast API over the dashboard's warehouse, and the fitted-model cache (also used by the tests' contexts).</summary>
    public static IServiceCollection AddForecastServices(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ForecastService(sp.GetRequiredService<WarehouseConnections>().Database, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ForecastModelCache>();
        return services;
    }

    /// <summary>
    /// GET /forecast/export.csv|.xlsx?scenario=&amp;to=&amp;target=: the quota plan of a saved scenario (empty = baseline),
    /// written by <see cref="ForecastService.Export"/> from <see cref="ForecastService.Plan(ForecastModel, string?, int, int?)"/>
    /// exactly as <c>etl forecast --out</c> writes it (the same fit options, so the same figures).
    /// </summary>
    public static WebApplication MapForecastExports(this WebApplication app)
    {
        app.MapGet(CsvPath, (string? scenario, int? to, int? target, ForecastService service, ForecastModelCache cache, SnapshotQueries snapshots, CancellationToken ct) =>
            ExportAsync(".csv", "text/csv; charset=utf-8", scenario, to, target, service, cache, snapshots, ct)).RequireAuthorization(Auth.Policies.Planner);
        app.MapGet(XlsxPath, (string? scenario, int? to, int? target, ForecastService service, ForecastModelCache cache, SnapshotQueries snapshots, CancellationToken ct) =>
            ExportAsync(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", scenario, to, target, service, cache, snapshots, ct)).RequireAuthorization(Auth.Policies.Planner);
        return app;
    }

    private static async Task<IResult> ExportAsync(string extension, string contentType, string? scenario, int? to, int? target,
        ForecastService service, ForecastModelCache cache, SnapshotQueries snapshots, CancellationToken cancellationToken)
    {
        var latest = snapshots.SnapshotDates();
        if (latest.Count == 0) return Results.Problem("仓库中没有花名册快照，无法预测。/ The warehouse has no roster snapshots to forecast from.", statusCode: 409);
        var first = latest[0].Year + 1;
        var horizon = to ?? Math.Max(Forecast.ForecastPage.DefaultHorizon, first);
        var targetYear = target ?? horizon;
        if (horizon < first || horizon > Forecast.ForecastPage.LastHorizon || targetYear < first || targetYear > horizon)
            return Results.BadRequest($"to / target: {first}..{Forecast.ForecastPage.LastHorizon}, target ≤ to / 预测年度超出范围");
        (string Name, ScenarioAssumptions Assumptions) resolved;
        try
        {
            resolved = service.Resolve(string.IsNullOrWhiteSpace(scenario) ? null : scenario);
        }
        catch (KeyNotFoundException e)
        {
            return Results.NotFound(e.Message);
        }
        var model = await cache.GetAsync(horizon).WaitAsync(cancellationToken);
        var plan = service.Plan(model, resolved.Assumptions, resolved.Name, targetYear, horizon);
        var folder = Directory.CreateTempSubdirectory("analytics-quota-");
        try
        {
            var path = Path.Combine(folder.FullName, "quota" + extension);
            ForecastService.Export(plan, path);
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            return Results.File(bytes, contentType, $"岗位开发建议_{resolved.Name}_{targetYear}{extension}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
