using Analytics.Etl.Forecasting;

namespace Analytics.Dashboards.Forecast;

/// <summary>A district forecast by the drift baseline only, with the engine's reason.</summary>
internal sealed record BaselineOnlyDistrict(string Code, string Name, string ReasonZh, string ReasonEn);

/// <summary>
/// The backtest card: overall MAE and MASE of naive, drift and each learner, the learner chosen, the measured
/// interval coverage, the baseline that beat the chosen learner (if one did), and the districts on the baseline only.
/// </summary>
internal sealed record BacktestSummary(
    string? Learner, IReadOnlyList<MethodScore> Scores, IntervalCalibration? Intervals, string? BeatenBy,
    IReadOnlyList<BaselineOnlyDistrict> BaselineOnly)
{
    /// <param name="district">The district shown (null = the city: every district on the baseline is listed).</param>
    public static BacktestSummary From(ForecastModel model, string? district)
    {
        var learner = model.Learner is { } l ? MlStockFlowForecaster.NameOf(l) : null;
        var order = new[] { NaiveForecaster.MethodName, DriftForecaster.MethodName };
        var scores = model.Backtest.Scores.Where(s => s.DistrictCode is null)
            .OrderBy(s => Array.IndexOf(order, s.Method) is var i && i >= 0 ? i : order.Length).ThenBy(s => s.Method, StringComparer.Ordinal)
            .ToList();
        string? beatenBy = null;
        if (learner is not null && scores.FirstOrDefault(s => s.Method == learner) is { } chosen)
            beatenBy = scores.Where(s => order.Contains(s.Method) && s.Mae <= chosen.Mae).OrderBy(s => s.Mae).FirstOrDefault()?.Method;
        var names = model.History.ToDictionary(d => d.DistrictCode, d => d.DistrictName);
        var baselineOnly = model.Methods
            .Where(m => !m.IsModel && (district is null || m.DistrictCode == district))
            .Select(m => new BaselineOnlyDistrict(m.DistrictCode, names.GetValueOrDefault(m.DistrictCode, m.DistrictCode), m.ReasonZh ?? "", m.ReasonEn ?? ""))
            .ToList();
        return new BacktestSummary(learner, scores, model.ModelIntervals ?? model.DriftIntervals, beatenBy, baselineOnly);
    }

    /// <summary>When no district has a model the reason is the same for all: shown once for the city.</summary>
    public bool CityWideBaseline => Learner is null && BaselineOnly.Count > 0;
}
