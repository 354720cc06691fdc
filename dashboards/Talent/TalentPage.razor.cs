using Analytics.Dashboards.Charts;
using Analytics.Dashboards.Components;
using Analytics.Dashboards.Overview;
using Microsoft.AspNetCore.Components;

namespace Analytics.Dashboards.Talent;

/// <summary>人才结构: stock vs new talent over time, new talent by source, the certified bridge per year, levels, talent pool.</summary>
public partial class TalentPage : WarehousePage
{
    [Inject] internal TalentQueries Queries { get; set; } = null!;
    [Inject] internal OverviewQueries Progress { get; set; } = null!;
    [Inject] internal ChartRenderer Charts { get; set; } = null!;

    private IReadOnlyList<LabelledCount> bySource = [];
    private IReadOnlyList<LabelledCount> levels = [];
    private IReadOnlyList<LabelledCount> pool = [];
    private IReadOnlyList<CertifiedBridge> bridges = [];
    private RenderedChart? trendChart, sourceChart, bridgeChart, levelChart;

    protected override void Load()
    {
        var trend = Progress.Trend(District);
        trendChart = Charts.Trend(T["chart.stock_new"], T["unit.people"],
        [
            new TrendSeries(T["col.workers"], "#7f7f7f", trend.Select(t => new TrendPoint(t.AsOf, t.Workers)).ToList(), Dashed: true),
            new TrendSeries(T["col.certified"], "#1f77b4", trend.Select(t => new TrendPoint(t.AsOf, t.Certified)).ToList()),
            new TrendSeries(T["col.stock_certified"], "#ff7f0e", trend.Select(t => new TrendPoint(t.AsOf, t.StockCertified)).ToList()),
            new TrendSeries(T["col.new_talent"], "#2ca02c", trend.Select(t => new TrendPoint(t.AsOf, t.NewTalent)).ToList()),
        ], T["chart.deadline"]);

        bySource = Queries.NewTalentBySource(AsOf, District);
        sourceChart = Charts.Bars(T["chart.by_source"], T["unit.people"], bySource.Select(s => new BarItem(s.Label, s.Count, "#2ca02c")).ToList());

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
        levelChart = Charts.Bars(T["chart.levels"], T["unit.people"], levels.Select(l => new BarItem(LevelName(l.Label), l.Count, "#1f77b4")).ToList());
        pool = Queries.TalentPool(AsOf);
    }

    private string LevelName(string level) => level is "" or "未持证" ? T["level.none"] : level;
}
