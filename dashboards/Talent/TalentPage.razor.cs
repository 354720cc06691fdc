using Analytics.Dashboards.Charts;
using Analytics.Dashboards.Components;
using Microsoft.AspNetCore.Components;

namespace Analytics.Dashboards.Talent;

/// <summary>人才结构: stock vs new talent like for like, new talent by source, the certified bridge per year, levels, talent pool.</summary>
public partial class TalentPage : WarehousePage
{
    private static readonly IReadOnlyDictionary<string, string> GroupColours = new Dictionary<string, string>
    {
        ["存量"] = "#4e79a7", ["增量"] = "#f28e2b", ["存量转岗"] = "#76b7b2",
    };

    [Inject] internal TalentQueries Queries { get; set; } = null!;
    [Inject] internal TalentComparisonQueries Comparisons { get; set; } = null!;
    [Inject] internal ChartRenderer Charts { get; set; } = null!;

    private IReadOnlyList<GroupMeasures> comparison = [];
    private IReadOnlyList<LabelledCount> bySource = [];
    private IReadOnlyList<LabelledCount> levels = [];
    private IReadOnlyList<LabelledCount> pool = [];
    private IReadOnlyList<CertifiedBridge> bridges = [];
    private DateOnly baseline;
    private RenderedChart? comparisonChart, trendChart, sourceChart, bridgeChart, levelChart;

    private string Definition => T.Format("talent.definition", T.Date(baseline));

    protected override void Load()
    {
        baseline = Comparisons.Baseline();
        comparison = Comparisons.Comparison(AsOf, District);
        comparisonChart = Charts.Grouped(T["chart.comparison"], T["unit.people"],
            [T["col.workers"], T["col.professionals"], T["col.certified_city"], T["col.certified_national"], T["col.qualified_holders"]],
            comparison.Select(g => new StackedSeries(GroupName(g.Group), GroupColours[g.Group],
                [g.Workers, g.Professionals, g.CertifiedCity, g.CertifiedNational, g.QualifiedPosts])).ToList());

        var trend = Comparisons.Trend(District);
        trendChart = Charts.Trend(T["chart.stock_new"], T["unit.people"], GroupMeasures.Groups.SelectMany(group =>
        {
            var points = trend.Where(t => t.Measures.Group == group).ToList();
            return new[]
            {
                new TrendSeries(T.Format("talent.series_workers", GroupName(group)), GroupColours[group], points.Select(p => new TrendPoint(p.AsOf, p.Measures.Workers)).ToList(), Dashed: true),
                new TrendSeries(T.Format("talent.series_professionals", GroupName(group)), GroupColours[group], points.Select(p => new TrendPoint(p.AsOf, p.Measures.Professionals)).ToList()),
            };
        }).ToList(), T["chart.deadline"]);

        bySource = Queries.NewTalentBySource(AsOf, District);
        sourceChart = Charts.Bars(T["chart.by_source"], T["unit.people"], bySource.Select(s => new BarItem(s.Label, s.Count, GroupColours["增量"])).ToList());

        bridges = Queries.YearlyBridges(AsOf, District);
        var current = bridges.Count > 0 ? bridges[^1] : null;
        bridgeChart = current is null ? null : Charts.Bridge(T.Format("chart.bridge", T.Date(current.From), T.Date(current.To)), T["unit.people"],
        [
            new BridgeStep(T["bridge.start"], current.Start, IsTotal: true),
            new BridgeStep(T["bridge.newly"], current.NewlyCertified, IsTotal: false),
            new BridgeStep(T["bridge.joiners"], current.Joiners, IsTotal: false),
            new BridgeStep(T["bridge.leavers"], -current.Leavers, IsTotal: false),
            new BridgeStep(T["bridge.end"], current.End, IsTotal: true),
        ]);

        levels = Queries.WorkersByLevel(AsOf, District);
        levelChart = Charts.Bars(T["chart.levels"], T["unit.people"], levels.Select(l => new BarItem(LevelName(l.Label), l.Count, LevelColour(l.Label))).ToList());
        pool = Scope.IsCityWide ? Queries.TalentPool(AsOf) : []; // the pool (people in no post) belongs to no district
    }

    private string GroupName(string group) => T["group." + group];

    private string LevelName(string level) => level is "" or CertificateLevels.None ? T["level.none"] : level;

    /// <summary>No certificate grey, the city-level 社工员 orange, the national levels blue.</summary>
    private static string LevelColour(string level) => level switch
    {
        "" or CertificateLevels.None => "#bab0ac",
        CertificateLevels.City => "#f28e2b",
        _ => "#4e79a7",
    };
}
