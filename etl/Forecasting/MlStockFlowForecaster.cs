namespace Analytics.Etl.Forecasting;

/// <summary>
/// The stock-flow projection with flow rates learned by one ML.NET learner, trained only on what was known at the
/// origin, at the baseline assumptions. Districts with fewer than <c>minYears</c> points are left out.
/// </summary>
internal sealed class MlStockFlowForecaster(FlowLearner learner, int seed, int minYears) : IQualifiedPostForecaster
{
    public string Name => NameOf(learner);

    public static string NameOf(FlowLearner learner) => "ml-" + learner.ToString().ToLowerInvariant();

    public IReadOnlyDictionary<string, double[]> Forecast(IReadOnlyList<DistrictSeries> knownAtOrigin, int origin, int horizon)
    {
        var examples = FlowExamples.From(knownAtOrigin);
        if (examples.Count < FlowRateModel.MinimumExamples) return new Dictionary<string, double[]>();
        var rates = new LearnedRates(FlowRateModel.Train(examples, learner, seed));
        var fill = StockFlowProjection.FillRate(knownAtOrigin);
        return knownAtOrigin.Where(d => d.Years.Count >= minYears).ToDictionary(
            d => d.DistrictCode,
            d => StockFlowProjection.Project(d, rates, ScenarioAssumptions.Baseline, fill, origin + horizon)
                .Select(p => p.QualifiedPosts).ToArray());
    }
}
