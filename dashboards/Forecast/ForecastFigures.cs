using Analytics.Dashboards.Charts;
using Analytics.Etl.Forecasting;

namespace Analytics.Dashboards.Forecast;

/// <summary>
/// Everything the 预测 page shows for one area (a district or the city, 510100) and one scenario: the stored forecast's
/// points, the unit model's gaps beside the baseline, the quota plan rows (one scenario per row), the fan chart data.
/// All from <see cref="GapForecasts"/>; nothing is computed here but selection and layout.
/// </summary>
internal sealed record ForecastFigures(
    string AreaCode, string AreaName, IReadOnlyList<ForecastPoint> Points, IReadOnlyList<ScenarioGap> Gaps, QuotaPlan Plan,
    IReadOnlyList<QuotaRow> PlanRows, FanChartData Fan, double? CurrentGap, TimeSpan Elapsed)
{
    public ForecastPoint? At(int year) => Points.FirstOrDefault(p => p.AsOf == new DateOnly(year, 12, 31));

    /// <summary>The target year the page opens on: the forecast's default, within its first forecast year and horizon.</summary>
    public static int DefaultTargetYear(GapForecast forecast) =>
        Math.Clamp(forecast.DefaultTargetYear, forecast.Points[0].AsOf.Year, forecast.HorizonYear);

    public static ForecastFigures Build(GapForecasts forecasts, GapForecast forecast, ScenarioAssumptions assumptions, string scenarioName,
        string? district, int targetYear, TimeProvider clock)
    {
        var started = clock.GetTimestamp();
        var code = district ?? GapForecast.CityCode;
        var name = forecast.Districts.FirstOrDefault(d => d.Code == district)?.Name ?? "成都市";
        var points = forecast.Points.Where(p => p.DistrictCode == code).OrderBy(p => p.AsOf).ToList();
        var gaps = forecasts.Compare(assumptions, forecast.HorizonYear).Where(g => g.DistrictCode == code).OrderBy(g => g.AsOf).ToList();
        var plan = forecasts.Plan(assumptions, scenarioName, targetYear, forecast.HorizonYear, district, towns: district is not null);
        var rows = plan.Rows.Where(r => district is null ? r.Level == QuotaRow.District : r.DistrictCode == district).ToList();
        var history = forecast.History.Where(h => h.DistrictCode == code).OrderBy(h => h.AsOf).ToList();
        var fan = new FanChartData(
            history.Select(h => new TrendPoint(h.AsOf, h.QualifiedPosts)).ToList(),
            points.Select(p => new FanPoint(p.AsOf, p.QualifiedPosts, p.QualifiedLo80 ?? p.QualifiedPosts, p.QualifiedHi80 ?? p.QualifiedPosts,
                p.QualifiedLo95 ?? p.QualifiedPosts, p.QualifiedHi95 ?? p.QualifiedPosts)).ToList(),
            history.Select(h => new TrendPoint(h.AsOf, h.RequiredPosts)).Concat(points.Select(p => new TrendPoint(p.AsOf, p.RequiredPosts))).ToList());
        return new ForecastFigures(code, name, points, gaps, plan, rows, fan, history.LastOrDefault()?.GapPosts, clock.GetElapsedTime(started));
    }
}
