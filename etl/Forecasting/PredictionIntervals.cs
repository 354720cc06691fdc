namespace Analytics.Etl.Forecasting;

/// <summary>Half-widths of the 80% and 95% intervals, as a share of the district's required posts, by horizon.</summary>
internal sealed record IntervalWidth(int Horizon, double Relative80, double Relative95);

/// <summary>
/// Prediction intervals from backtest residuals: for each horizon, the 80th and 95th percentile of
/// |actual − forecast| / required posts at the origin, pooled over districts and origins; beyond the longest
/// backtested horizon the width grows with √h. Coverage is measured honestly, district by district: the widths are
/// recomputed without that district's residuals and we count how many of its actuals fall inside.
/// </summary>
internal sealed record IntervalCalibration(string Method, IReadOnlyList<IntervalWidth> Widths, double Coverage80, double Coverage95, int Residuals)
{
    public static IntervalCalibration? From(IEnumerable<BacktestForecast> forecasts, string method)
    {
        var own = forecasts.Where(f => f.Method == method).ToList();
        if (own.Count == 0) return null;
        var widths = WidthsOf(own);
        int inside80 = 0, inside95 = 0, counted = 0;
        foreach (var district in own.GroupBy(f => f.DistrictCode))
        {
            var others = own.Where(f => f.DistrictCode != district.Key).ToList();
            if (others.Count == 0) continue;
            var loo = WidthsOf(others);
            foreach (var f in district)
            {
                var relative = Math.Abs(f.Error) / Math.Max(1, f.RequiredAtOrigin);
                counted++;
                if (relative <= WidthAt(loo, f.Horizon).Relative80) inside80++;
                if (relative <= WidthAt(loo, f.Horizon).Relative95) inside95++;
            }
        }
        return new IntervalCalibration(method, widths,
            counted == 0 ? double.NaN : (double)inside80 / counted,
            counted == 0 ? double.NaN : (double)inside95 / counted, own.Count);
    }

    public IntervalWidth At(int horizon) => WidthAt(Widths, horizon);

    private static List<IntervalWidth> WidthsOf(List<BacktestForecast> forecasts) =>
        forecasts.GroupBy(f => f.Horizon).OrderBy(g => g.Key).Select(g =>
        {
            var relative = g.Select(f => Math.Abs(f.Error) / Math.Max(1, f.RequiredAtOrigin)).Order().ToList();
            return new IntervalWidth(g.Key, Quantile(relative, 0.80), Quantile(relative, 0.95));
        }).ToList();

    private static IntervalWidth WidthAt(IReadOnlyList<IntervalWidth> widths, int horizon)
    {
        var exact = widths.FirstOrDefault(w => w.Horizon == horizon);
        if (exact is not null) return exact;
        var longest = widths[^1];
        var growth = Math.Sqrt((double)horizon / longest.Horizon);
        return new IntervalWidth(horizon, longest.Relative80 * growth, longest.Relative95 * growth);
    }

    /// <summary>The empirical quantile (linear interpolation between order statistics) of sorted values.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 1) return sorted[0];
        var position = p * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
