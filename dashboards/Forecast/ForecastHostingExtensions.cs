using System.Globalization;
using Analytics.Dashboards.WarehouseReads;
using Analytics.Etl.Forecasting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Analytics.Dashboards.Forecast;

/// <summary>The 预测 page's services and its exports: the quota plan (GET /forecast/export.csv, .xlsx) and the long forecast (/forecast/long.csv).</summary>
internal static class ForecastHostingExtensions
{
    public const string CsvPath = "/forecast/export.csv", XlsxPath = "/forecast/export.xlsx", LongPath = "/forecast/long.csv";

    public static WebApplicationBuilder AddForecastPage(this WebApplicationBuilder builder)
    {
        builder.Services.AddForecastServices();
        return builder;
    }

    /// <summary>The forecast façade over the dashboard's warehouse, and the page's cache (also used by the tests' contexts).</summary>
    public static IServiceCollection AddForecastServices(this IServiceCollection services)
    {
        // A refit after each load leaves one core to the pages (same figures: the backtest's fits are seeded).
        services.TryAddSingleton(sp => new GapForecasts(sp.GetRequiredService<WarehouseConnections>().Database, sp.GetRequiredService<TimeProvider>())
        {
            FitParallelism = Math.Max(1, Environment.ProcessorCount - 1),
        });
        services.AddSingleton<ForecastCache>();
        return services;
    }

    /// <summary>
    /// GET /forecast/export.csv|.xlsx?scenario=&amp;to=&amp;target=&amp;approve=&amp;pass=&amp;attrition=&amp;district=: the quota plan of
    /// the saved scenario with the page's on-screen changes applied (so an unsaved scenario exports what is on screen),
    /// the same figures as <c>etl forecast --out</c>. GET /forecast/long.csv?to=: the long forecast.
    /// </summary>
    public static WebApplication MapForecastExports(this WebApplication app)
    {
        app.MapGet(CsvPath, (HttpRequest request, GapForecasts forecasts, CancellationToken ct) => ExportAsync(".csv", "text/csv; charset=utf-8", request, forecasts, ct))
            .RequireAuthorization(Auth.Policies.Planner);
        app.MapGet(XlsxPath, (HttpRequest request, GapForecasts forecasts, CancellationToken ct) =>
            ExportAsync(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", request, forecasts, ct)).RequireAuthorization(Auth.Policies.Planner);
        app.MapGet(LongPath, async (int? to, GapForecasts forecasts, CancellationToken ct) =>
        {
            if (!forecasts.HasHistory(to)) return NoHistory();
            var stream = new MemoryStream();
            await Task.Run(() => forecasts.WriteLong(stream, to), ct);
            return Results.File(stream.ToArray(), "text/csv; charset=utf-8", "gap_forecast_long.csv");
        }).RequireAuthorization(Auth.Policies.Planner);
        return app;
    }

    /// <summary>409: the warehouse holds no roster snapshot yet, so there is no forecast to export.</summary>
    private static IResult NoHistory() => Results.Conflict(
        "仓库中还没有花名册快照，无法预测；请先导入花名册。 / The warehouse holds no roster snapshot yet, so there is nothing to forecast: load a roster first.");

    private static async Task<IResult> ExportAsync(string extension, string contentType, HttpRequest request, GapForecasts forecasts, CancellationToken cancellationToken)
    {
        var query = request.Query;
        int? Int(string key) => int.TryParse(query[key], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
        double? Double(string key) => double.TryParse(query[key], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
        (string Name, ScenarioAssumptions Assumptions) resolved;
        try
        {
            resolved = forecasts.Resolve(query["scenario"].ToString() is { Length: > 0 } s ? s : null);
            var assumptions = resolved.Assumptions;
            if (query["approve"].ToString() is { Length: > 0 } approve) assumptions = assumptions with { PostsApprovedPerYear = ScenarioAssumptions.ParseApprovals(approve) };
            if (Double("pass") is { } pass) assumptions = assumptions with { PassRateChange = pass };
            if (Double("attrition") is { } attrition) assumptions = assumptions with { AttritionChange = attrition };
            resolved = (assumptions.SameAs(resolved.Assumptions) ? resolved.Name : resolved.Name + "（未保存修改）", assumptions);
        }
        catch (KeyNotFoundException e)
        {
            return Results.NotFound(e.Message);
        }
        catch (FormatException e)
        {
            return Results.BadRequest(e.Message);
        }
        var horizon = Int("to") ?? GapForecasts.DefaultHorizonYear;
        if (!forecasts.HasHistory(horizon)) return NoHistory(); // the fitted model's history: the plan below reuses the fit
        var district = query["district"].ToString() is { Length: 6 } d ? d : null;
        var plan = await Task.Run(() => forecasts.Plan(resolved.Assumptions, resolved.Name, Int("target"), horizon, district), cancellationToken);
        var folder = Directory.CreateTempSubdirectory("analytics-quota-");
        try
        {
            var path = Path.Combine(folder.FullName, "quota" + extension);
            GapForecasts.WriteQuota(plan, path);
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            return Results.File(bytes, contentType, $"岗位开发建议_{plan.TargetYear}{extension}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
