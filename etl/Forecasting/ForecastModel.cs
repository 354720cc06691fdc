using System.Globalization;

namespace Analytics.Etl.Forecasting;

/// <summary>
/// A fitted forecast: the learner the backtest chose, the final flow-rate model trained on the whole history,
/// the backtest against the naive and drift baselines, and the interval calibration. Fit once (seconds);
/// <see cref="Project"/> each scenario (milliseconds).
/// </summary>
internal sealed class ForecastModel
{
    private readonly IFlowRateSource? _rates;

    private ForecastModel(IReadOnlyList<DistrictSeries> history, ForecastOptions options, FlowLearner? learner, IFlowRateSource? rates,
        double fillRate, BacktestReport backtest, IntervalCalibration? modelIntervals, IntervalCalibration? driftIntervals,
        IReadOnlyList<DistrictMethod> methods)
    {
        History = history; Options = options; Learner = learner; _rates = rates; FillRate = fillRate; Backtest = backtest;
        ModelIntervals = modelIntervals; DriftIntervals = driftIntervals; Methods = methods;
    }

    public IReadOnlyList<DistrictSeries> History { get; }
    public ForecastOptions Options { get; }
    /// <summary>The learner chosen by backtest MAE, or null when the history is too short for any model.</summary>
    public FlowLearner? Learner { get; }
    public double FillRate { get; }
    public BacktestReport Backtest { get; }
    public IntervalCalibration? ModelIntervals { get; }
    public IntervalCalibration? DriftIntervals { get; }
    public IReadOnlyList<DistrictMethod> Methods { get; }

    /// <summary>The last observed year of the history (the data vintage).</summary>
    public DateOnly DataVintage => History.Count == 0 ? default : History.Max(d => d.Last.AsOf);

    public static ForecastModel Fit(IReadOnlyList<DistrictSeries> history, ForecastOptions options)
    {
        var learners = options.Learners.Select(l => new MlStockFlowForecaster(l, options.Seed, options.MinYearsForModel)).ToList();
        var methods = new List<IQualifiedPostForecaster> { new NaiveForecaster(), new DriftForecaster() };
        methods.AddRange(learners);
        var backtest = RollingOriginBacktest.Run(history, methods, options.MinYearsForModel, options.MaxBacktestHorizon);

        // Choose the learner by backtest MAE (over the forecasts every learner made), not by taste.
        FlowLearner? chosen = null;
        var best = double.PositiveInfinity;
        foreach (var learner in options.Learners)
        {
            var score = backtest.Overall(MlStockFlowForecaster.NameOf(learner));
            if (score is not null && score.Mae < best) { best = score.Mae; chosen = learner; }
        }
        IFlowRateSource? rates = null;
        var examples = FlowExamples.From(history);
        if (chosen is not null && examples.Count >= FlowRateModel.MinimumExamples)
            rates = new LearnedRates(FlowRateModel.Train(examples, chosen.Value, options.Seed));
        else chosen = null;

        var districtMethods = history.Select(d => MethodFor(d, chosen, options)).ToList();
        var modelIntervals = chosen is null ? null : IntervalCalibration.From(backtest.Forecasts, MlStockFlowForecaster.NameOf(chosen.Value));
        var driftIntervals = IntervalCalibration.From(backtest.Forecasts, DriftForecaster.MethodName);
        return new ForecastModel(history, options, chosen, rates, StockFlowProjection.FillRate(history), backtest,
            modelIntervals, driftIntervals, districtMethods);
    }

    private static DistrictMethod MethodFor(DistrictSeries d, FlowLearner? chosen, ForecastOptions options)
    {
        var n = d.Years.Count;
        if (chosen is null)
            return new DistrictMethod(d.DistrictCode, DriftForecaster.MethodName,
                "全市历史数据太短，无法训练流量模型：仅提供漂移基线预测。",
                "The city's history is too short to learn flow rates from: baseline (drift) forecast only.");
        if (n < options.MinYearsForModel)
            return new DistrictMethod(d.DistrictCode, DriftForecaster.MethodName,
                string.Create(CultureInfo.InvariantCulture, $"该区只有 {n} 个年度数据点，少于模型所需的 {options.MinYearsForModel} 个：仅提供漂移基线预测，不提供模型预测。"),
                string.Create(CultureInfo.InvariantCulture, $"Only {n} yearly data points, fewer than the {options.MinYearsForModel} a model needs: baseline (drift) forecast only, no model forecast."));
        return new DistrictMethod(d.DistrictCode, MlStockFlowForecaster.NameOf(chosen.Value), null, null);
    }

    /// <summary>Projects every district and the city to the horizon under a scenario.</summary>
    /// <param name="approvals">Optional posts approved per district per year (overrides the scenario; used by the quota planner).</param>
    public ForecastOutcome Project(ScenarioAssumptions scenario, string scenarioName = "baseline", int? horizonYear = null,
        Func<string, int, double?>? approvals = null)
    {
        var to = horizonYear ?? Options.HorizonYear;
        var districts = new List<DistrictForecast>(History.Count);
        foreach (var (district, method) in History.Zip(Methods))
            districts.Add(ProjectDistrict(district, method, scenario, to, approvals));
        return new ForecastOutcome(scenarioName, scenario, to, districts, ForecastOutcome.SumCity(districts));
    }

    /// <summary>Projects one district only (what the quota planner's search calls, many times).</summary>
    public DistrictForecast ProjectDistrict(string districtCode, ScenarioAssumptions scenario, int horizonYear,
        Func<string, int, double?>? approvals = null)
    {
        var index = History.Select(d => d.DistrictCode).ToList().IndexOf(districtCode);
        if (index < 0) throw new ArgumentException($"Unknown district {districtCode}.", nameof(districtCode));
        return ProjectDistrict(History[index], Methods[index], scenario, horizonYear, approvals);
    }

    private DistrictForecast ProjectDistrict(DistrictSeries d, DistrictMethod method, ScenarioAssumptions scenario, int to,
        Func<string, int, double?>? approvals)
    {
        var last = d.Last;
        List<ProjectedYear> path;
        IntervalCalibration? intervals;
        if (method.IsModel && _rates is not null)
        {
            Func<int, double>? byYear = approvals is null ? null : y => approvals(d.DistrictCode, y) ?? scenario.ApprovedPostsFor(d);
            path = StockFlowProjection.Project(d, _rates, scenario, FillRate, to, byYear);
            intervals = ModelIntervals;
        }
        else
        {
            var drift = DriftForecaster.Path(d, Math.Max(0, to - last.Year));
            var misplaced = Math.Max(0, last.GapPosts - (last.RequiredPosts - last.QualifiedPosts));
            path = drift.Select((q, i) =>
            {
                var year = last.Year + i + 1;
                var required = d.RequiredIn(year);
                var approved = approvals?.Invoke(d.DistrictCode, year) ?? scenario.ApprovedPostsFor(d);
                return new ProjectedYear(year, required, q, Math.Clamp(required - q + misplaced, 0, required), last.Certified,
                    last.StockCertified, last.Certified - last.StockCertified, approved,
                    new PostFlows(Math.Max(0, q - (i == 0 ? last.QualifiedPosts : drift[i - 1])), 0, 0, Math.Max(0, (i == 0 ? last.QualifiedPosts : drift[i - 1]) - q), 0));
            }).ToList();
            intervals = DriftIntervals;
        }
        var years = path.Select(p =>
        {
            var width = intervals?.At(p.Year - last.Year);
            var w80 = (width?.Relative80 ?? 0) * Math.Max(1, last.RequiredPosts);
            var w95 = (width?.Relative95 ?? 0) * Math.Max(1, last.RequiredPosts);
            return new ForecastYear(p.Year, p.RequiredPosts, p.QualifiedPosts, Math.Max(0, p.QualifiedPosts - w80), p.QualifiedPosts + w80,
                Math.Max(0, p.QualifiedPosts - w95), p.QualifiedPosts + w95, p.GapPosts, p.Certified, p.StockCertified, p.NewCertified,
                p.ApprovedPosts, p.Flows);
        }).ToList();
        return new DistrictForecast(d.DistrictCode, d.DistrictName, d.DistrictKind, method, last, years);
    }
}
