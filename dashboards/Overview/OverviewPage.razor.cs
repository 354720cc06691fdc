using Analytics.Dashboards.Charts;
using Analytics.Dashboards.Components;
using Analytics.Dashboards.Map;
using Analytics.Dashboards.Scorecard;
using Analytics.Dashboards.Targets;
using Microsoft.AspNetCore.Components;

namespace Analytics.Dashboards.Overview;

/// <summary>总览: the city (or a district) at a glance: headline figures, the district map, targets, the gap by district, the trend.</summary>
public partial class OverviewPage : WarehousePage
{
    [SupplyParameterFromQuery(Name = "map")] public string? MapParameter { get; set; }
    [Inject] internal OverviewQueries Queries { get; set; } = null!;
    [Inject] internal ScorecardQueries Scorecard { get; set; } = null!;
    [Inject] internal TargetProgressQueries TargetQueries { get; set; } = null!;
    [Inject] internal TargetsFile TargetsFile { get; set; } = null!;
    [Inject] internal ChartRenderer Charts { get; set; } = null!;
    [Inject] internal DistrictMaps Maps { get; set; } = null!;
    [Inject] internal NavigationManager Navigation { get; set; } = null!;

    private AreaProgress? headline;
    private CertifiedSplit certified = CertifiedSplit.None;
    private IReadOnlyList<TargetProgress> targets = [];
    private MapColouring colouring;
    private RenderedMap? map;
    private RenderedChart? gapChart;
    private RenderedChart? trendChart;

    protected override void Load()
    {
        colouring = DistrictMaps.ParseColouring(MapParameter);
        headline = Queries.Headline(AsOf, District);
        var byDistrict = Scorecard.CertifiedByDistrict(AsOf);
        certified = District is null
            ? new CertifiedSplit(byDistrict.Values.Sum(c => c.City), byDistrict.Values.Sum(c => c.National))
            : byDistrict.GetValueOrDefault(District, CertifiedSplit.None);
        targets = TargetQueries.Measure(TargetsFile.Load(), AsOf, District);
        var districts = Queries.DistrictRanking(AsOf, Scope.Code);
        map = Maps.Build(districts, colouring, District);
        gapChart = Charts.Stacked(T["chart.gap_by_district"], T["unit.posts"], districts.Select(d => d.DistrictName).ToList(),
        [
            new StackedSeries(T["chart.met_posts"], ChartRenderer.ProgressHex, districts.Select(d => (double)(d.RequiredPosts - d.GapPosts)).ToList()),
            new StackedSeries(T["col.gap_posts"], ChartRenderer.GapHex, districts.Select(d => (double)d.GapPosts).ToList()),
        ]);
        var trend = Queries.Trend(District);
        trendChart = Charts.Trend(T["chart.posts_trend"], T["unit.posts"],
        [
            new TrendSeries(T["col.qualified_posts"], ChartRenderer.ProgressHex, trend.Select(t => new TrendPoint(t.AsOf, t.QualifiedPosts)).ToList()),
            new TrendSeries(T["col.gap_posts"], ChartRenderer.GapHex, trend.Select(t => new TrendPoint(t.AsOf, t.GapPosts)).ToList()),
            new TrendSeries(T["col.required_posts"], "#7f7f7f", trend.Select(t => new TrendPoint(t.AsOf, t.RequiredPosts)).ToList(), Dashed: true),
        ], T["chart.deadline"]);
    }

    private string MapHref(MapColouring value) => Navigation.GetUriWithQueryParameter("map", DistrictMaps.QueryValue(value));

    private static string StatusClass(TargetProgress p) => p.Met switch { true => "met", false => "not-met", null => "coverage" };

    private string StatusText(TargetProgress p) => p.Met switch
    {
        true => T["target.met"],
        false => T["target.not_met"],
        null => T["target.coverage"],
    };
}
