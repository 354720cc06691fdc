namespace Analytics.Etl.Forecasting;

/// <summary>One district's series at the half-year points: required posts, qualified posts, post gap (Σ unit shortfalls).</summary>
internal sealed record DistrictSeries(string Code, int[] HalfYears, double[] Required, double[] Qualified, double[] Gap)
{
    public static Dictionary<string, DistrictSeries> From(ForecastHistory h)
    {
        var result = new Dictionary<string, DistrictSeries>(StringComparer.Ordinal);
        foreach (var g in h.Units.GroupBy(u => u.DistrictCode))
        {
            var (r, q, gap) = (new double[h.Points], new double[h.Points], new double[h.Points]);
            foreach (var u in g)
                for (var i = 0; i < h.Points; i++)
                {
                    if (!u.Present[i]) continue;
                    r[i] += u.Required; q[i] += u.Qualified[i]; gap[i] += u.Shortfall(i);
                }
            result[g.Key] = new DistrictSeries(g.Key, h.HalfYears.ToArray(), r, q, gap);
        }
        return result;
    }

    /// <summary>Required posts of each district at a later half-year, from the register's units.</summary>
    public static Dictionary<string, double> RequiredAt(ForecastHistory h, int halfYear) =>
        h.UnitsAt(halfYear).GroupBy(u => u.DistrictCode)
            .ToDictionary(g => g.Key, g => (double)g.Sum(u => u.Kind == "建制村" ? 1 : 2), StringComparer.Ordinal);
}

/// <summary>A district's forecast for the half-years origin+1..origin+H: gap and qualified posts.</summary>
internal sealed record DistrictPath(double[] Gap, double[] Qualified);

/// <summary>A way of forecasting every district's gap and qualified posts from what was known at the origin.</summary>
internal interface IPointForecaster
{
    string Name { get; }
    Dictionary<string, DistrictPath> Forecast(ForecastHistory known, IReadOnlyDictionary<string, DistrictSeries> series, int horizon);
}

/// <summary>The four baselines the unit model must beat (and their mean), on each district's own series.</summary>
internal abstract class SeriesForecaster : IPointForecaster
{
    public abstract string Name { get; }

    public Dictionary<string, DistrictPath> Forecast(ForecastHistory known, IReadOnlyDictionary<string, DistrictSeries> series, int horizon)
    {
        Prepare(series.Values);
        var required = Enumerable.Range(1, horizon).Select(k => DistrictSeries.RequiredAt(known, known.LastHalfYear + k)).ToList();
        var result = new Dictionary<string, DistrictPath>(StringComparer.Ordinal);
        foreach (var s in series.Values)
        {
            var gap = Path(s.Gap, horizon, isGap: true);
            var qualified = Path(s.Qualified, horizon, isGap: false);
            for (var k = 0; k < horizon; k++)
            {
                var r = required[k].GetValueOrDefault(s.Code, s.Required[^1]);
                gap[k] = Math.Clamp(gap[k] + (r - s.Required[^1]), 0, r); // units the register adds arrive short, merged ones drop out
                qualified[k] = Math.Max(0, qualified[k]);
            }
            result[s.Code] = new DistrictPath(gap, qualified);
        }
        return result;
    }

    /// <summary>Pooled estimation before forecasting (partial adjustment, damped trend parameters).</summary>
    protected virtual void Prepare(IEnumerable<DistrictSeries> series) { }

    protected abstract double[] Path(double[] y, int horizon, bool isGap);
}

/// <summary>No change.</summary>
internal sealed class NaiveForecaster : SeriesForecaster
{
    public const string MethodName = "naive";
    public override string Name => MethodName;
    protected override double[] Path(double[] y, int horizon, bool isGap) => Enumerable.Repeat(y[^1], horizon).ToArray();
}

/// <summary>The last value plus the mean change per half-year since the first point.</summary>
internal sealed class DriftForecaster : SeriesForecaster
{
    public const string MethodName = "drift";
    public override string Name => MethodName;

    protected override double[] Path(double[] y, int horizon, bool isGap)
    {
        var slope = y.Length > 1 ? (y[^1] - y[0]) / (y.Length - 1) : 0;
        return Enumerable.Range(1, horizon).Select(h => y[^1] + slope * h).ToArray();
    }
}

/// <summary>Holt's damped trend; (α, β, φ) chosen from a small grid by the pooled one-step error of every district.</summary>
internal sealed class DampedTrendForecaster : SeriesForecaster
{
    public const string MethodName = "damped";
    private static readonly double[] Alphas = [0.3, 0.5, 0.8, 1.0], Betas = [0.1, 0.3, 0.6], Phis = [0.7, 0.85, 0.95];
    private (double A, double B, double P) _gap = (0.8, 0.3, 0.85), _qualified = (0.8, 0.3, 0.85);
    public override string Name => MethodName;

    protected override void Prepare(IEnumerable<DistrictSeries> series)
    {
        var list = series.ToList();
        _gap = Best(list.Select(s => (s.Gap, s.Required[^1])).ToList());
        _qualified = Best(list.Select(s => (s.Qualified, s.Required[^1])).ToList());
    }

    private static (double, double, double) Best(List<(double[] Y, double Scale)> series)
    {
        var best = (0.8, 0.3, 0.85);
        var bestError = double.PositiveInfinity;
        foreach (var a in Alphas) foreach (var b in Betas) foreach (var p in Phis)
        {
            double error = 0;
            foreach (var (y, scale) in series)
            {
                if (y.Length < 3) continue;
                var (level, trend) = (y[0], y[1] - y[0]);
                for (var t = 1; t < y.Length; t++)
                {
                    var e = (y[t] - (level + p * trend)) / Math.Max(1, scale);
                    error += e * e;
                    var newLevel = a * y[t] + (1 - a) * (level + p * trend);
                    trend = b * (newLevel - level) + (1 - b) * p * trend;
                    level = newLevel;
                }
            }
            if (error < bestError) { bestError = error; best = (a, b, p); }
        }
        return best;
    }

    protected override double[] Path(double[] y, int horizon, bool isGap)
    {
        var (a, b, p) = isGap ? _gap : _qualified;
        if (y.Length < 2) return Enumerable.Repeat(y[^1], horizon).ToArray();
        var (level, trend) = (y[0], y[1] - y[0]);
        for (var t = 1; t < y.Length; t++)
        {
            var newLevel = a * y[t] + (1 - a) * (level + p * trend);
            trend = b * (newLevel - level) + (1 - b) * p * trend;
            level = newLevel;
        }
        var path = new double[horizon];
        double damp = 0, factor = 1;
        for (var h = 0; h < horizon; h++) { factor *= p; damp += factor; path[h] = level + damp * trend; }
        return path;
    }
}

/// <summary>
/// Pooled partial adjustment over the last four half-year steps of every district: the gap closes by a constant
/// share each half-year (gap' = ρ·gap), qualified posts move toward a level proportional to required posts
/// (Δq = a·required − λ·q).
/// </summary>
internal sealed class PartialAdjustmentForecaster : SeriesForecaster
{
    public const string MethodName = "partial-adjustment";
    private double _rho = 1, _a, _lambda;
    private Dictionary<double[], double> _required = new(ReferenceEqualityComparer.Instance);
    public override string Name => MethodName;

    protected override void Prepare(IEnumerable<DistrictSeries> series)
    {
        double gg = 0, gNext = 0, rr = 0, rq = 0, qq = 0, rd = 0, qd = 0;
        _required = new Dictionary<double[], double>(ReferenceEqualityComparer.Instance);
        foreach (var s in series)
        {
            _required[s.Qualified] = s.Required[^1];
            for (var t = Math.Max(1, s.Gap.Length - 4); t < s.Gap.Length; t++)
            {
                gg += s.Gap[t - 1] * s.Gap[t - 1]; gNext += s.Gap[t - 1] * s.Gap[t];
                var (r, q, d) = (s.Required[t - 1], s.Qualified[t - 1], s.Qualified[t] - s.Qualified[t - 1]);
                rr += r * r; rq += r * q; qq += q * q; rd += r * d; qd += q * d;
            }
        }
        _rho = gg > 0 ? Math.Clamp(gNext / gg, 0, 1.2) : 1;
        var det = rr * qq - rq * rq;
        if (Math.Abs(det) > 1e-9) { _a = (rd * qq - qd * rq) / det; _lambda = -(rr * qd - rq * rd) / det; }
        else { _a = 0; _lambda = 0; }
        _lambda = Math.Clamp(_lambda, 0, 1);
    }

    protected override double[] Path(double[] y, int horizon, bool isGap)
    {
        var path = new double[horizon];
        var value = y[^1];
        var required = isGap ? 0 : _required.GetValueOrDefault(y, 0);
        for (var h = 0; h < horizon; h++)
        {
            value = isGap ? _rho * value : value + _a * required - _lambda * value;
            path[h] = value;
        }
        return path;
    }
}

/// <summary>The mean of naive, drift, damped trend and partial adjustment.</summary>
internal sealed class MeanForecaster : IPointForecaster
{
    public const string MethodName = "mean";
    public string Name => MethodName;

    public Dictionary<string, DistrictPath> Forecast(ForecastHistory known, IReadOnlyDictionary<string, DistrictSeries> series, int horizon)
    {
        var parts = new IPointForecaster[] { new NaiveForecaster(), new DriftForecaster(), new DampedTrendForecaster(), new PartialAdjustmentForecaster() }
            .Select(f => f.Forecast(known, series, horizon)).ToList();
        return parts[0].Keys.ToDictionary(code => code, code => new DistrictPath(
            Enumerable.Range(0, horizon).Select(k => parts.Average(p => p[code].Gap[k])).ToArray(),
            Enumerable.Range(0, horizon).Select(k => parts.Average(p => p[code].Qualified[k])).ToArray()), StringComparer.Ordinal);
    }
}

/// <summary>The unit model as a point forecaster: fitted on what was known at the origin, at each district's recent approvals.</summary>
internal sealed class UnitModelForecaster(int seed) : IPointForecaster
{
    public string Name => UnitModel.MethodName;

    public Dictionary<string, DistrictPath> Forecast(ForecastHistory known, IReadOnlyDictionary<string, DistrictSeries> series, int horizon)
    {
        var model = UnitModel.Fit(known, horizon, seed);
        return model is null ? new Dictionary<string, DistrictPath>() : Paths(model, horizon);
    }

    public static Dictionary<string, DistrictPath> Paths(UnitModel model, int horizon)
    {
        var result = new Dictionary<string, DistrictPath>(StringComparer.Ordinal);
        foreach (var code in model.DistrictCodes)
        {
            var recent = model.RecentApprovals(code);
            var steps = model.ProjectDistrict(code, model.Arrivals(code, _ => recent, horizon));
            result[code] = new DistrictPath(steps.Select(s => s.Gap).ToArray(), steps.Select(s => s.Qualified).ToArray());
        }
        return result;
    }
}
