namespace Analytics.Etl.Forecasting;

/// <summary>Fitting options. A district needs <see cref="MinYearsForModel"/> yearly points for a model forecast.</summary>
internal sealed record ForecastOptions(int HorizonYear = 2030, int MinYearsForModel = 4, int MaxBacktestHorizon = 3, int Seed = 1)
{
    /// <summary>The learners the backtest chooses from (all three by default).</summary>
    public IReadOnlyList<FlowLearner> Learners { get; init; } = [FlowLearner.Sdca, FlowLearner.FastTree, FlowLearner.LightGbm];
}

/// <summary>How a district is forecast: "model" (stock-flow with learned rates) or "baseline" (drift), and why.</summary>
internal sealed record DistrictMethod(string DistrictCode, string Method, string? ReasonZh, string? ReasonEn)
{
    public bool IsModel => Method != DriftForecaster.MethodName;
}

/// <summary>One district (or the city, code "510100") in one projected year. Intervals are for qualified posts.</summary>
internal sealed record ForecastYear(
    int Year, double RequiredPosts, double QualifiedPosts, double Lower80, double Upper80, double Lower95, double Upper95,
    double GapPosts, double Certified, double StockCertified, double NewCertified, double ApprovedPosts, PostFlows Flows);

internal sealed record DistrictForecast(
    string DistrictCode, string DistrictName, string DistrictKind, DistrictMethod Method, YearPoint LastObserved,
    IReadOnlyList<ForecastYear> Years);

/// <summary>The projection of every district and the city under one scenario.</summary>
internal sealed record ForecastOutcome(
    string ScenarioName, ScenarioAssumptions Assumptions, int HorizonYear, IReadOnlyList<DistrictForecast> Districts,
    IReadOnlyList<ForecastYear> City)
{
    public const string CityCode = "510100";

    public DistrictForecast District(string code) => Districts.Single(d => d.DistrictCode == code);

    /// <summary>The city row: sums of the districts; interval half-widths add up (a conservative bound).</summary>
    public static List<ForecastYear> SumCity(IReadOnlyList<DistrictForecast> districts) =>
        districts.SelectMany(d => d.Years).GroupBy(y => y.Year).OrderBy(g => g.Key).Select(g => new ForecastYear(
            g.Key, g.Sum(y => y.RequiredPosts), g.Sum(y => y.QualifiedPosts), g.Sum(y => y.Lower80), g.Sum(y => y.Upper80),
            g.Sum(y => y.Lower95), g.Sum(y => y.Upper95), g.Sum(y => y.GapPosts), g.Sum(y => y.Certified),
            g.Sum(y => y.StockCertified), g.Sum(y => y.NewCertified), g.Sum(y => y.ApprovedPosts),
            new PostFlows(g.Sum(y => y.Flows.FromHires), g.Sum(y => y.Flows.FromCertification), g.Sum(y => y.Flows.FromConversion),
                g.Sum(y => y.Flows.ToLeavers), g.Sum(y => y.Flows.ToPartTimeExpiry)))).ToList();
}
