namespace Analytics.Etl.Forecasting;

/// <summary>A way of forecasting qualified posts, given only what was known at the end of the origin year.</summary>
internal interface IQualifiedPostForecaster
{
    string Name { get; }

    /// <summary>Forecasts for years origin+1..origin+horizon, by district code (districts it cannot forecast left out).</summary>
    IReadOnlyDictionary<string, double[]> Forecast(IReadOnlyList<DistrictSeries> knownAtOrigin, int origin, int horizon);
}

/// <summary>No change: the last observed value.</summary>
internal sealed class NaiveForecaster : IQualifiedPostForecaster
{
    public const string MethodName = "naive";
    public string Name => MethodName;

    public IReadOnlyDictionary<string, double[]> Forecast(IReadOnlyList<DistrictSeries> knownAtOrigin, int origin, int horizon) =>
        knownAtOrigin.Where(d => d.Years.Count > 0)
            .ToDictionary(d => d.DistrictCode, d => Enumerable.Repeat((double)d.Last.QualifiedPosts, horizon).ToArray());
}

/// <summary>Drift: the last value plus the average yearly change since the first observation.</summary>
internal sealed class DriftForecaster : IQualifiedPostForecaster
{
    public const string MethodName = "drift";
    public string Name => MethodName;

    public IReadOnlyDictionary<string, double[]> Forecast(IReadOnlyList<DistrictSeries> knownAtOrigin, int origin, int horizon) =>
        knownAtOrigin.Where(d => d.Years.Count > 0).ToDictionary(d => d.DistrictCode, d => Path(d, horizon));

    public static double[] Path(DistrictSeries d, int horizon)
    {
        var first = d.Years[0];
        var last = d.Last;
        var slope = last.Year > first.Year ? (double)(last.QualifiedPosts - first.QualifiedPosts) / (last.Year - first.Year) : 0;
        return Enumerable.Range(1, horizon).Select(h => Math.Max(0, last.QualifiedPosts + slope * h)).ToArray();
    }
}

/// <summary>One backtest forecast: made at the end of Origin for Origin+Horizon.</summary>
/// <param name="Scale">The MASE scale: mean absolute one-year change of the district up to the origin.</param>
/// <param name="RequiredAtOrigin">Required posts at the origin (the scale of the interval residuals).</param>
internal sealed record BacktestForecast(
    string Method, string DistrictCode, int Origin, int Horizon, double Forecast, double Actual, double Scale, double RequiredAtOrigin)
{
    public double Error => Actual - Forecast;
}

/// <summary>MAE and MASE of one method, for one district or (DistrictCode null) overall.</summary>
internal sealed record MethodScore(string Method, string? DistrictCode, double Mae, double Mase, int Forecasts);

internal sealed record BacktestReport(IReadOnlyList<BacktestForecast> Forecasts, IReadOnlyList<MethodScore> Scores)
{
    public MethodScore? Overall(string method) => Scores.FirstOrDefault(s => s.Method == method && s.DistrictCode is null);

    public MethodScore? For(string method, string districtCode) =>
        Scores.FirstOrDefault(s => s.Method == method && s.DistrictCode == districtCode);
}

/// <summary>
/// Rolling-origin evaluation: for each origin year from the first with <c>minYears</c> observations to the
/// second-last year, every method forecasts 1..maxHorizon years ahead from what was known then.
/// MASE scales each absolute error by the district's in-sample mean absolute one-year change up to the origin;
/// errors with a zero scale (a flat history) count in MAE but not in MASE.
/// </summary>
internal static class RollingOriginBacktest
{
    public static BacktestReport Run(IReadOnlyList<DistrictSeries> series, IReadOnlyList<IQualifiedPostForecaster> methods, int minYears, int maxHorizon)
    {
        var forecasts = new List<BacktestForecast>();
        var years = series.SelectMany(s => s.Years.Select(y => y.Year)).Distinct().Order().ToList();
        if (years.Count == 0) return new BacktestReport(forecasts, []);
        var lastYear = years[^1];
        var origins = Enumerable.Range(years[0] + minYears - 1, Math.Max(0, lastYear - (years[0] + minYears - 1)))
            .Select(origin => (Origin: origin, Horizon: Math.Min(maxHorizon, lastYear - origin),
                Known: series.Select(s => s.Through(origin)).Where(s => s.Years.Count >= 2 && s.Last.Year == origin).ToList()))
            .Where(o => o.Known.Count > 0)
            .ToList();

        // Every (origin, method) forecast is independent (each trains its own models from a fixed seed): run them in
        // parallel, then collect in a fixed order so the report does not depend on scheduling.
        var jobs = origins.SelectMany(o => methods.Select(m => (o.Origin, o.Horizon, o.Known, Method: m))).ToList();
        var predicted = new IReadOnlyDictionary<string, double[]>[jobs.Count];
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => predicted[i] = jobs[i].Method.Forecast(jobs[i].Known, jobs[i].Origin, jobs[i].Horizon));

        for (var i = 0; i < jobs.Count; i++)
        {
            var (origin, horizon, known, method) = jobs[i];
            foreach (var district in known)
            {
                if (!predicted[i].TryGetValue(district.DistrictCode, out var path)) continue;
                var scale = MaseScale(district);
                var full = series.First(s => s.DistrictCode == district.DistrictCode);
                for (var h = 1; h <= horizon; h++)
                {
                    var actual = full.Years.FirstOrDefault(y => y.Year == origin + h);
                    if (actual is null) continue;
                    forecasts.Add(new BacktestForecast(method.Name, district.DistrictCode, origin, h, path[h - 1],
                        actual.QualifiedPosts, scale, district.Last.RequiredPosts));
                }
            }
        }
        return new BacktestReport(forecasts, Score(forecasts));
    }

    public static double MaseScale(DistrictSeries known)
    {
        var y = known.Years;
        if (y.Count < 2) return 0;
        double sum = 0;
        for (var i = 1; i < y.Count; i++) sum += Math.Abs(y[i].QualifiedPosts - y[i - 1].QualifiedPosts);
        return sum / (y.Count - 1);
    }

    private static List<MethodScore> Score(List<BacktestForecast> forecasts)
    {
        var scores = new List<MethodScore>();
        foreach (var byMethod in forecasts.GroupBy(f => f.Method))
        {
            scores.Add(ScoreOf(byMethod.Key, null, byMethod.ToList()));
            foreach (var byDistrict in byMethod.GroupBy(f => f.DistrictCode).OrderBy(g => g.Key, StringComparer.Ordinal))
                scores.Add(ScoreOf(byMethod.Key, byDistrict.Key, byDistrict.ToList()));
        }
        return scores;
    }

    private static MethodScore ScoreOf(string method, string? district, List<BacktestForecast> f)
    {
        var mae = f.Average(x => Math.Abs(x.Error));
        var scaled = f.Where(x => x.Scale > 0).Select(x => Math.Abs(x.Error) / x.Scale).ToList();
        return new MethodScore(method, district, mae, scaled.Count > 0 ? scaled.Average() : double.NaN, f.Count);
    }
}
