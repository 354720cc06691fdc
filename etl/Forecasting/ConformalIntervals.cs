namespace Analytics.Etl.Forecasting;

/// <summary>Measured coverage of one interval (80 or 95 %) at one horizon, for districts (pooled) or the city; null = too few origins to measure.</summary>
public sealed record CoverageCell(string Area, string Quantity, int Horizon, int Level, double? Coverage, int Forecasts);

/// <summary>A half-width as a share of required posts, and whether it was measured at that horizon or extrapolated (√h) from a shorter one.</summary>
internal sealed record IntervalWidth(double Relative, bool Extrapolated);

/// <summary>
/// Sequential split-conformal intervals from the backtest's out-of-sample residuals: the half-width at horizon h is
/// the ⌈(n+1)·level⌉-th smallest |actual − forecast| / required posts among the n residuals at h (districts pooled;
/// the city's own residuals for the city — never a sum of district half-widths). Too few residuals for the level:
/// no measured width at that horizon (the widest measured horizon is extrapolated with √h, and said so).
/// Coverage is measured sequentially: each backtest forecast is checked against the width made only from
/// residuals whose outcome was known at its origin.
/// </summary>
internal sealed class ConformalIntervals
{
    /// <summary>Areas: districts with a gap at the origin, districts without one (their errors differ in kind: a closed gap
    /// mostly stays closed), and the city.</summary>
    public const string Districts = "district", ClosedDistricts = "district-closed", City = "city";

    /// <summary>The district pool a forecast's interval comes from, by the gap it starts from (for qualified posts: one pool).</summary>
    public string DistrictArea(double gapAtOrigin) => Quantity == Quantities.Gap && gapAtOrigin < 0.5 ? ClosedDistricts : Districts;
    public static readonly int[] Levels = [80, 95];

    private readonly Dictionary<(string Area, int Horizon), List<(int Origin, double Residual)>> _residuals = [];

    private ConformalIntervals(string quantity) { Quantity = quantity; }

    public string Quantity { get; }
    public IReadOnlyList<CoverageCell> Coverage { get; private set; } = [];

    public static ConformalIntervals Fit(BacktestReport report, string method, string quantity)
    {
        var result = new ConformalIntervals(quantity);
        var own = report.Forecasts.Where(f => f.Method == method).ToList();
        foreach (var f in own)
            result.Add(result.DistrictArea(f.GapAtOrigin), f.Horizon, f.Origin, Math.Abs(f.Error(quantity)) / Math.Max(1, f.Required));
        foreach (var g in own.GroupBy(f => (f.Origin, f.Horizon)))
            result.Add(City, g.Key.Horizon, g.Key.Origin,
                Math.Abs(g.Sum(f => f.Actual(quantity)) - g.Sum(f => f.Forecast(quantity))) / Math.Max(1, g.Sum(f => f.Required)));
        result.Coverage = result.MeasureCoverage();
        return result;
    }

    private void Add(string area, int horizon, int origin, double residual)
    {
        if (!_residuals.TryGetValue((area, horizon), out var list)) _residuals[(area, horizon)] = list = [];
        list.Add((origin, residual));
    }

    /// <summary>The conformal quantile of <paramref name="residuals"/> at <paramref name="level"/> (e.g. 0.8); null when too few.</summary>
    public static double? Quantile(IEnumerable<double> residuals, double level)
    {
        var sorted = residuals.Order().ToList();
        var k = (int)Math.Ceiling((sorted.Count + 1) * level - 1e-9);
        return sorted.Count == 0 || k > sorted.Count ? null : sorted[k - 1];
    }

    /// <summary>The half-width (share of required posts) for the area at horizon h, measured or extrapolated; null when nothing is measured.</summary>
    public IntervalWidth? Width(string area, int horizon, int level)
    {
        if (_residuals.TryGetValue((area, horizon), out var list) && Quantile(list.Select(r => r.Residual), level / 100.0) is { } measured)
            return new IntervalWidth(measured, false);
        var longest = _residuals.Where(p => p.Key.Area == area && p.Key.Horizon < horizon)
            .Select(p => (p.Key.Horizon, Width: Quantile(p.Value.Select(r => r.Residual), level / 100.0)))
            .Where(p => p.Width is not null).OrderByDescending(p => p.Horizon).FirstOrDefault();
        if (longest.Width is { } w) return new IntervalWidth(w * Math.Sqrt((double)horizon / longest.Horizon), true);
        if (level == 95 && Width(area, horizon, 80) is { } w80 && Ratio95To80() is { } ratio)
            return new IntervalWidth(w80.Relative * ratio, true);
        return null;
    }

    /// <summary>The ratio of the 95 % to the 80 % width over every horizon of the pooled district residuals.</summary>
    private double? Ratio95To80()
    {
        var all = _residuals.Where(p => p.Key.Area == Districts).SelectMany(p => p.Value.Select(r => r.Residual)).ToList();
        return Quantile(all, 0.95) is { } w95 && Quantile(all, 0.8) is { } w80 && w80 > 0 ? w95 / w80 : null;
    }

    private List<CoverageCell> MeasureCoverage()
    {
        var cells = new List<CoverageCell>();
        foreach (var ((area, horizon), list) in _residuals.OrderBy(p => p.Key.Area, StringComparer.Ordinal).ThenBy(p => p.Key.Horizon))
            foreach (var level in Levels)
            {
                int inside = 0, counted = 0;
                foreach (var (origin, residual) in list)
                {
                    // Only residuals whose outcome (origin' + h) was known at this origin.
                    var earlier = list.Where(r => r.Origin + horizon <= origin).Select(r => r.Residual);
                    if (Quantile(earlier, level / 100.0) is not { } width) continue;
                    counted++;
                    if (residual <= width + 1e-12) inside++;
                }
                cells.Add(new CoverageCell(area, Quantity, horizon, level, counted == 0 ? null : (double)inside / counted, counted));
            }
        return cells;
    }
}
