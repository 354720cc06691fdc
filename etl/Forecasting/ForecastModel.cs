namespace Analytics.Etl.Forecasting;

/// <summary>Fitting options: forecast to the end of <see cref="HorizonYear"/>; backtest 1..<see cref="MaxBacktestHorizon"/> half-years from <see cref="FirstOrigin"/>.</summary>
internal sealed record ForecastOptions(int HorizonYear = 2030, int MaxBacktestHorizon = 6, int Seed = 1)
{
    /// <summary>The first backtest origin (a half-year number): 2022-H2, the first after the 2022 deadline.</summary>
    public int FirstOrigin { get; init; } = HalfYears.Of(2022, 2);

    /// <summary>Forecast from the warehouse's data up to this date only (a user's own backtest); null = all of it.</summary>
    public DateOnly? HistoryUntil { get; init; }

    /// <summary>How many backtest fits run at once (the results do not depend on it: each fit is seeded, collected in order).</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;
}

/// <summary>
/// A fitted forecast: the rolling-origin backtest of every candidate, the method shipped for the gap and for qualified
/// posts (the best by that backtest, naive when nothing beats it), conformal intervals from the backtest residuals,
/// the point forecast of every district and the city, and the unit model as the scenario engine.
/// </summary>
internal sealed class ForecastModel
{
    public static readonly string[] Candidates =
    [
        NaiveForecaster.MethodName, DriftForecaster.MethodName, DampedTrendForecaster.MethodName,
        PartialAdjustmentForecaster.MethodName, MeanForecaster.MethodName, UnitModel.MethodName,
    ];

    private ForecastModel(ForecastHistory history, ForecastOptions options, BacktestReport backtest, string gapMethod, string qualifiedMethod,
        ConformalIntervals? gapIntervals, ConformalIntervals? qualifiedIntervals, IReadOnlyList<ForecastPoint> points, UnitModel? units)
    {
        History = history; Options = options; Backtest = backtest; GapMethod = gapMethod; QualifiedMethod = qualifiedMethod;
        GapIntervals = gapIntervals; QualifiedIntervals = qualifiedIntervals; Points = points; Units = units;
    }

    public ForecastHistory History { get; }
    public ForecastOptions Options { get; }
    public BacktestReport Backtest { get; }
    public string GapMethod { get; }
    public string QualifiedMethod { get; }
    public ConformalIntervals? GapIntervals { get; }
    public ConformalIntervals? QualifiedIntervals { get; }
    public IReadOnlyList<ForecastPoint> Points { get; }
    /// <summary>The scenario engine (null when the history is too short to learn unit hazards).</summary>
    public UnitModel? Units { get; }
    public DateOnly DataVintage => History.DataVintage;
    public int Steps => History.Points == 0 ? 0 : Math.Max(1, HalfYears.Of(Options.HorizonYear, 2) - History.LastHalfYear);

    public static IPointForecaster Create(string method, int seed) => method switch
    {
        NaiveForecaster.MethodName => new NaiveForecaster(),
        DriftForecaster.MethodName => new DriftForecaster(),
        DampedTrendForecaster.MethodName => new DampedTrendForecaster(),
        PartialAdjustmentForecaster.MethodName => new PartialAdjustmentForecaster(),
        MeanForecaster.MethodName => new MeanForecaster(),
        UnitModel.MethodName => new UnitModelForecaster(seed),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown forecast method"),
    };

    public static ForecastModel Fit(ForecastHistory history, ForecastOptions options)
    {
        var backtest = RollingOriginBacktest.Run(history, Candidates.Select(m => (Func<IPointForecaster>)(() => Create(m, options.Seed))).ToList(), options);
        var gapMethod = RollingOriginBacktest.Choose(backtest, Quantities.Gap, Candidates);
        var qualifiedMethod = RollingOriginBacktest.Choose(backtest, Quantities.Qualified, Candidates);
        var gapIntervals = backtest.Forecasts.Count == 0 ? null : ConformalIntervals.Fit(backtest, gapMethod, Quantities.Gap);
        var qualifiedIntervals = backtest.Forecasts.Count == 0 ? null : ConformalIntervals.Fit(backtest, qualifiedMethod, Quantities.Qualified);
        if (history.Points == 0)
            return new ForecastModel(history, options, backtest, gapMethod, qualifiedMethod, gapIntervals, qualifiedIntervals, [], null);

        var steps = Math.Max(1, HalfYears.Of(options.HorizonYear, 2) - history.LastHalfYear);
        var units = UnitModel.Fit(history, steps, options.Seed);
        var series = DistrictSeries.From(history);
        Dictionary<string, DistrictPath> PathsOf(string method) =>
            method == UnitModel.MethodName && units is not null ? UnitModelForecaster.Paths(units, steps) : Create(method, options.Seed).Forecast(history, series, steps);
        if (units is null)
        {
            if (gapMethod == UnitModel.MethodName) gapMethod = NaiveForecaster.MethodName;
            if (qualifiedMethod == UnitModel.MethodName) qualifiedMethod = NaiveForecaster.MethodName;
        }
        var gapPaths = PathsOf(gapMethod);
        var qualifiedPaths = qualifiedMethod == gapMethod ? gapPaths : PathsOf(qualifiedMethod);
        var points = ForecastPoints.Build(history, steps, gapPaths, qualifiedPaths, gapMethod, qualifiedMethod, gapIntervals, qualifiedIntervals);
        return new ForecastModel(history, options, backtest, gapMethod, qualifiedMethod, gapIntervals, qualifiedIntervals, points, units);
    }
}

/// <summary>One forecast row: a district (or the city, 510100) at the end of a half-year, with 80 % and 95 % intervals (null when none could be measured).</summary>
public sealed record ForecastPoint(
    string DistrictCode, string DistrictName, DateOnly AsOf, double RequiredPosts,
    double QualifiedPosts, double? QualifiedLo80, double? QualifiedHi80, double? QualifiedLo95, double? QualifiedHi95,
    double GapPosts, double? GapLo80, double? GapHi80, double? GapLo95, double? GapHi95,
    string Method, string QualifiedMethod, bool IntervalExtrapolated);

internal static class ForecastPoints
{
    public const string CityCode = "510100", CityName = "成都市";

    public static List<ForecastPoint> Build(ForecastHistory history, int steps, Dictionary<string, DistrictPath> gap, Dictionary<string, DistrictPath> qualified,
        string gapMethod, string qualifiedMethod, ConformalIntervals? gapIntervals, ConformalIntervals? qualifiedIntervals)
    {
        var points = new List<ForecastPoint>();
        var names = history.Districts.ToDictionary(d => d.Code, d => d.Name, StringComparer.Ordinal);
        var lastGap = DistrictSeries.From(history).ToDictionary(p => p.Key, p => p.Value.Gap[^1], StringComparer.Ordinal);
        for (var k = 1; k <= steps; k++)
        {
            var half = history.LastHalfYear + k;
            var required = DistrictSeries.RequiredAt(history, half);
            double cityR = 0, cityQ = 0, cityG = 0;
            foreach (var code in gap.Keys.Intersect(qualified.Keys).Order(StringComparer.Ordinal))
            {
                var r = required.GetValueOrDefault(code);
                var (g, q) = (Math.Clamp(gap[code].Gap[k - 1], 0, r), Math.Max(0, qualified[code].Qualified[k - 1]));
                cityR += r; cityQ += q; cityG += g;
                var gapArea = gapIntervals?.DistrictArea(lastGap.GetValueOrDefault(code)) ?? ConformalIntervals.Districts;
                points.Add(Point(code, names.GetValueOrDefault(code, code), half, k, r, q, g, gapArea, gapMethod, qualifiedMethod, gapIntervals, qualifiedIntervals));
            }
            points.Add(Point(CityCode, CityName, half, k, cityR, cityQ, cityG, ConformalIntervals.City, gapMethod, qualifiedMethod, gapIntervals, qualifiedIntervals));
        }
        return points;
    }

    private static ForecastPoint Point(string code, string name, int half, int k, double r, double q, double g, string area, string gapMethod, string qualifiedMethod,
        ConformalIntervals? gapIntervals, ConformalIntervals? qualifiedIntervals)
    {
        var g80 = gapIntervals?.Width(area, k, 80);
        var g95 = gapIntervals?.Width(area, k, 95);
        var qualifiedArea = area == ConformalIntervals.City ? ConformalIntervals.City : ConformalIntervals.Districts;
        var q80 = qualifiedIntervals?.Width(qualifiedArea, k, 80);
        var q95 = qualifiedIntervals?.Width(qualifiedArea, k, 95);
        var scale = Math.Max(1, r);
        double? Lo(double value, IntervalWidth? w, double max) => w is null ? null : Math.Clamp(value - w.Relative * scale, 0, max);
        double? Hi(double value, IntervalWidth? w, double max) => w is null ? null : Math.Clamp(value + w.Relative * scale, 0, max);
        return new ForecastPoint(code, name, HalfYears.End(half), r,
            q, Lo(q, q80, double.MaxValue), Hi(q, q80, double.MaxValue), Lo(q, q95, double.MaxValue), Hi(q, q95, double.MaxValue),
            g, Lo(g, g80, r), Hi(g, g80, r), Lo(g, g95, r), Hi(g, g95, r),
            gapMethod, qualifiedMethod, new[] { g80, g95, q80, q95 }.Any(w => w?.Extrapolated == true));
    }
}
