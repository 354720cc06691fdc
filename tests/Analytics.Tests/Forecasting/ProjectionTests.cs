using Analytics.Etl.Forecasting;

namespace Analytics.Tests.Forecasting;

public class ProjectionTests
{
    private static readonly FlowRates Rates = new(Hires: 0.05, Certification: 0.03, Conversion: 0.01, Leavers: 0.1, PartTimeExpiry: 0.02);

    [Fact]
    public void EachYear_InflowsMinusOutflows_IsTheChange()
    {
        var district = SyntheticHistory.City(districts: 1)[0];
        var path = StockFlowProjection.Project(district, new FixedRates(Rates), ScenarioAssumptions.Baseline, 0.7, 2030);

        Assert.Equal(Enumerable.Range(2025, 6), path.Select(p => p.Year));
        var previous = (double)district.Last.QualifiedPosts;
        foreach (var year in path)
        {
            Assert.Equal(year.Flows.Inflow - year.Flows.Outflow, year.QualifiedPosts - previous, 9);
            Assert.Equal(Rates.Leavers * previous, year.Flows.ToLeavers, 9);
            Assert.True(year.GapPosts >= 0 && year.GapPosts <= year.RequiredPosts);
            previous = year.QualifiedPosts;
        }
    }

    [Fact]
    public void HeavyLosses_NeverDriveQualifiedPostsNegative_AndTheGapStaysWithinRequired()
    {
        var district = SyntheticHistory.City(districts: 1)[0];
        var rates = new FlowRates(0, 0, 0, Leavers: 0.9, PartTimeExpiry: 0.9);
        var path = StockFlowProjection.Project(district, new FixedRates(rates), ScenarioAssumptions.Baseline with { AttritionChange = 1.0 }, 0.7, 2030);

        Assert.All(path, p => Assert.True(p.QualifiedPosts >= 0 && p.Flows.Outflow >= 0));
        Assert.Equal(0, path[0].QualifiedPosts, 9); // outflows capped at the posts held
        Assert.All(path, p => Assert.Equal(p.RequiredPosts, p.GapPosts, 9));
    }

    [Fact]
    public void ScenarioLevers_MoveTheProjectionTheExpectedWay()
    {
        var district = SyntheticHistory.City(districts: 1)[0];
        double GapIn2030(ScenarioAssumptions s) =>
            StockFlowProjection.Project(district, new FixedRates(Rates), s, 0.7, 2030)[^1].GapPosts;
        var baseline = GapIn2030(ScenarioAssumptions.Baseline);

        var moreApprovals = ScenarioAssumptions.Baseline with { PostsApprovedPerYear = new Dictionary<string, int> { [district.DistrictCode] = 30 } };
        Assert.True(GapIn2030(moreApprovals) < baseline);
        Assert.True(GapIn2030(ScenarioAssumptions.Baseline with { PassRateChange = 0.2 }) < baseline);
        Assert.True(GapIn2030(ScenarioAssumptions.Baseline with { AttritionChange = 0.5 }) > baseline);
    }

    [Fact]
    public void RequiredPosts_FollowTheRegistersKnownMergers()
    {
        var district = SyntheticHistory.City(districts: 1)[0] with { FutureRequiredPosts = new Dictionary<int, int> { [2027] = 60 } };
        var path = StockFlowProjection.Project(district, new FixedRates(Rates), ScenarioAssumptions.Baseline, 0.7, 2028);

        Assert.Equal([80, 80, 60, 60], path.Select(p => p.RequiredPosts));
    }
}
