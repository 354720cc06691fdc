using Analytics.Dashboards.Charts;
using Analytics.Etl.Forecasting;

namespace Analytics.Dashboards.Forecast;

/// <summary>One year of the baseline-versus-scenario table: the gap of each, and the change.</summary>
internal sealed record GapComparisonYear(int Year, double BaselineGap, double ScenarioGap)
{
    public double Change => ScenarioGap - BaselineGap;
}

/// <summary>
/// Everything the 预测 page shows for one scenario and one area (a district or the city): the quota plan rows
/// (the same <see cref="ForecastService.Plan(ForecastModel, ScenarioAssumptions, string, int, int?)"/> the CLI and the
/// export use), the gap beside the baseline, and the fan chart's series.
/// </summary>
internal sealed record ForecastFigures(
    string AreaCode, string AreaName, QuotaPlan Plan, IReadOnlyList<QuotaPlanYear> Rows, IReadOnlyList<GapComparisonYear> Comparison,
    FanChartData Fan, TimeSpan Elapsed)
{
    /// <summary>The plan row of the area in a year (null outside the projection).</summary>
    public QuotaPlanYear? In(int year) => Rows.FirstOrDefault(r => r.Year == year);

    public static ForecastFigures Build(ForecastService service, ForecastModel model, ScenarioAssumptions assumptions, string scenarioName,
        string? district, int horizonYear, int targetYear, TimeProvider clock)
    {
        var started = clock.GetTimestamp();
        var series = district is null ? null : model.History.FirstOrDefault(d => d.DistrictCode == district);
        var code = series?.DistrictCode ?? ForecastOutcome.CityCode;
        var plan = service.Plan(model, assumptions, scenarioName, targetYear, horizonYear);
        var rows = plan.Rows.Where(r => r.DistrictCode == code).OrderBy(r => r.Year).ToList();
        var comparison = service.Compare(model, assumptions, scenarioName, plan.HorizonYear);
        var baseline = Years(comparison.Baseline, code);
        var scenario = Years(comparison.Scenario, code);
        var gaps = scenario.Zip(baseline, (s, b) => new GapComparisonYear(s.Year, b.GapPosts, s.GapPosts)).ToList();
        var name = series?.DistrictName ?? rows.FirstOrDefault()?.DistrictName ?? "成都市";
        return new ForecastFigures(code, name, plan, rows, gaps, FanData(model, series, rows), clock.GetElapsedTime(started));
    }

    private static IReadOnlyList<ForecastYear> Years(ForecastOutcome outcome, string code) =>
        code == ForecastOutcome.CityCode ? outcome.City : outcome.District(code).Years;

    /// <summary>History (each year's last snapshot; for the city the sum of the districts), then the plan's projection.</summary>
    private static FanChartData FanData(ForecastModel model, DistrictSeries? district, IReadOnlyList<QuotaPlanYear> rows)
    {
        var points = (district is null ? model.History : [district])
            .SelectMany(d => d.Years)
            .GroupBy(y => y.Year)
            .OrderBy(g => g.Key)
            .Select(g => (Date: g.Max(y => y.AsOf), Qualified: (double)g.Sum(y => y.QualifiedPosts), Required: (double)g.Sum(y => y.RequiredPosts)))
            .ToList();
        var history = points.Select(p => new TrendPoint(p.Date, p.Qualified)).ToList();
        var required = points.Select(p => new TrendPoint(p.Date, p.Required))
            .Concat(rows.Select(r => new TrendPoint(YearEnd(r.Year), r.RequiredPosts))).ToList();
        var forecast = rows.Select(r => new FanPoint(YearEnd(r.Year), r.QualifiedPosts, r.Lower80, r.Upper80, r.Lower95, r.Upper95)).ToList();
        return new FanChartData(history, forecast, required);
    }

    private static DateOnly YearEnd(int year) => new(year, 12, 31);
}
