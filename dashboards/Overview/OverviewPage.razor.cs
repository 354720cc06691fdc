using Analytics.Dashboards.Charts;
using Analytics.Dashboards.Components;
using Analytics.Dashboards.Targets;
using Microsoft.AspNetCore.Components;

namespace Analytics.Dashboards.Overview;

/// <summary>总览: the city (or a district) against each 2022 target and 2025 indicator, the ranking by gap, the trend.</summary>
public partial class OverviewPage : WarehousePage
{
    [Inject] internal OverviewQueries Queries { get; set; } = null!;
    [Inject] internal TargetProgressQueries TargetQueries { get; set; } = null!;
    [Inject] internal TargetsFile TargetsFile { get; set; } = null!;
    [Inject] internal ChartRenderer Charts { get; set; } = null!;

    private AreaProgress? headline;
    private IReadOnlyList<TargetProgress> targets = [];
    private IQueryable<AreaProgress> ranking = Enumerable.Empty<AreaProgress>().AsQueryable();
    private RenderedChart? gapChart;
    private RenderedChart? trendChart;

    protected override void Load()
    {
        headline = Queries.Headline(AsOf, District);
        targets = TargetQueries.Measure(TargetsFile.Load(), AsOf, District);
        var districts = Queries.DistrictRanking(AsOf);
        ranking = districts.AsQueryable();
        gapChart = Charts.Bars(T["chart.gap_by_district"], T["unit.posts"],
            districts.Select(d => new BarItem(d.DistrictName, d.GapPosts, DistrictColors.Hex(d.DistrictCode))).ToList());
        var trend = Queries.Trend(District);
        trendChart = Charts.Trend(T["chart.posts_trend"], T["unit.posts"],
        [
            new TrendSeries(T["col.qualified_posts"], "#2ca02c", trend.Select(t => new TrendPoint(t.AsOf, t.QualifiedPosts)).ToList()),
            new TrendSeries(T["col.gap_posts"], "#d62728", trend.Select(t => new TrendPoint(t.AsOf, t.GapPosts)).ToList()),
            new TrendSeries(T["col.required_posts"], "#7f7f7f", trend.Select(t => new TrendPoint(t.AsOf, t.RequiredPosts)).ToList(), Dashed: true),
        ], T["chart.deadline"]);
    }

    private static string StatusClass(TargetProgress p) => p.Met switch { true => "met", false => "not-met", null => "coverage" };

    private string StatusText(TargetProgress p) => p.Met switch
    {
        true => T["target.met"],
        false => T["target.not_met"],
        null => T["target.coverage"],
    };
}
