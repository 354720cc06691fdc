namespace Analytics.Etl.Forecasting;

/// <summary>The two quantities scored: the district post gap and the district's qualified posts.</summary>
internal static class Quantities
{
    public const string Gap = "gap", Qualified = "qualified";
    public static readonly string[] All = [Gap, Qualified];
}

/// <summary>One backtest forecast of one district: made at the end of Origin (a half-year) for Origin + Horizon.</summary>
internal sealed record BacktestForecast(
    string Method, string District, int Origin, int Horizon, double Gap, double ActualGap, double Qualified, double ActualQualified, double Required,
    double GapAtOrigin = 0)
{
    public double Forecast(string quantity) => quantity == Quantities.Gap ? Gap : Qualified;
    public double Actual(string quantity) => quantity == Quantities.Gap ? ActualGap : ActualQualified;
    public double Error(string quantity) => Actual(quantity) - Forecast(quantity);
}

/// <summary>MAE of a method at one horizon for one quantity (posts per district), relative to naive on the same forecasts, with the origins behind it.</summary>
/// <param name="RelativeToNaive">MAE / naive's MAE; null when naive made no error there.</param>
public sealed record BacktestCell(string Method, string Quantity, int Horizon, double Mae, double? RelativeToNaive, int Origins, int Forecasts);

internal sealed record BacktestReport(IReadOnlyList<int> Origins, IReadOnlyList<BacktestForecast> Forecasts, IReadOnlyList<BacktestCell> Cells)
{
    public IEnumerable<BacktestCell> For(string method, string quantity) =>
        Cells.Where(c => c.Method == method && c.Quantity == quantity).OrderBy(c => c.Horizon);
}

/// <summary>
/// Rolling-origin evaluation: at every half-year point from <see cref="ForecastOptions.FirstOrigin"/> (2022-H2) to
/// the second-last, each method forecasts 1..MaxHorizon half-years ahead from the history as known then (later
/// snapshots and approvals cut away), and is scored on the points that then happened.
/// </summary>
internal static class RollingOriginBacktest
{
    public static IReadOnlyList<int> OriginsOf(ForecastHistory history, ForecastOptions options)
    {
        var origins = new List<int>();
        for (var i = 2; i + 1 < history.Points; i++)
            if (history.HalfYears[i] >= options.FirstOrigin) origins.Add(history.HalfYears[i]);
        return origins;
    }

    public static BacktestReport Run(ForecastHistory history, IReadOnlyList<Func<IPointForecaster>> methods, ForecastOptions options)
    {
        var origins = OriginsOf(history, options);
        var actual = DistrictSeries.From(history);
        var known = origins.Select(history.Through).ToList();
        var knownSeries = known.Select(DistrictSeries.From).ToList();
        var jobs = origins.SelectMany((o, i) => methods.Select(m => (Index: i, Origin: o, Method: m))).ToList();
        var results = new (string Name, Dictionary<string, DistrictPath> Paths)[jobs.Count];
        // Each (origin, method) fit is independent and seeded: run them in parallel, collect in a fixed order.
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism) }, j =>
        {
            var (index, origin, factory) = jobs[j];
            var method = factory();
            var horizon = Math.Min(options.MaxBacktestHorizon, history.LastHalfYear - origin);
            results[j] = (method.Name, method.Forecast(known[index], knownSeries[index], horizon));
        });

        var forecasts = new List<BacktestForecast>();
        for (var j = 0; j < jobs.Count; j++)
        {
            var (index, origin, _) = jobs[j];
            foreach (var (district, path) in results[j].Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!actual.TryGetValue(district, out var series) || !knownSeries[index].TryGetValue(district, out var atOrigin)) continue;
                for (var h = 1; h <= path.Gap.Length; h++)
                {
                    var point = Array.IndexOf(series.HalfYears, origin + h);
                    if (point < 0) continue;
                    forecasts.Add(new BacktestForecast(results[j].Name, district, origin, h, path.Gap[h - 1], series.Gap[point],
                        path.Qualified[h - 1], series.Qualified[point], atOrigin.Required[^1], atOrigin.Gap[^1]));
                }
            }
        }
        return new BacktestReport(origins, forecasts, Score(forecasts));
    }

    private static List<BacktestCell> Score(List<BacktestForecast> forecasts)
    {
        var cells = new List<BacktestCell>();
        var naive = forecasts.Where(f => f.Method == NaiveForecaster.MethodName)
            .ToDictionary(f => (f.District, f.Origin, f.Horizon));
        foreach (var quantity in Quantities.All)
            foreach (var group in forecasts.GroupBy(f => (f.Method, f.Horizon)).OrderBy(g => g.Key.Method, StringComparer.Ordinal).ThenBy(g => g.Key.Horizon))
            {
                var list = group.ToList();
                var mae = list.Average(f => Math.Abs(f.Error(quantity)));
                var paired = list.Where(f => naive.ContainsKey((f.District, f.Origin, f.Horizon))).ToList();
                var naiveMae = paired.Count == 0 ? 0 : paired.Average(f => Math.Abs(naive[(f.District, f.Origin, f.Horizon)].Error(quantity)));
                var pairedMae = paired.Count == 0 ? mae : paired.Average(f => Math.Abs(f.Error(quantity)));
                double? relative = naiveMae > 1e-12 ? pairedMae / naiveMae : pairedMae <= 1e-12 ? 1.0 : null;
                cells.Add(new BacktestCell(group.Key.Method, quantity, group.Key.Horizon, mae, relative,
                    list.Select(f => f.Origin).Distinct().Count(), list.Count));
            }
        return cells;
    }

    /// <summary>
    /// The method to ship for a quantity: among those whose MAE is at most naive's at every horizon scored (naive
    /// always qualifies), the lowest mean MAE relative to naive; ties go to the simpler method (the order given).
    /// </summary>
    public static string Choose(BacktestReport report, string quantity, IReadOnlyList<string> order)
    {
        var best = NaiveForecaster.MethodName;
        var bestScore = 1.0;
        foreach (var method in order)
        {
            var cells = report.For(method, quantity).ToList();
            var naiveHorizons = report.For(NaiveForecaster.MethodName, quantity).Select(c => c.Horizon).ToHashSet();
            if (cells.Count == 0 || !naiveHorizons.SetEquals(cells.Select(c => c.Horizon))) continue;
            if (cells.Any(c => c.RelativeToNaive is null || c.RelativeToNaive > 1 + 1e-9)) continue;
            var score = cells.Average(c => c.RelativeToNaive!.Value);
            if (score < bestScore - 1e-9) { best = method; bestScore = score; }
        }
        return best;
    }
}
