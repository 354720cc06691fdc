using Analytics.Dashboards.Charts;
using Analytics.Dashboards.Components;
using Analytics.Dashboards.Overview;
using Analytics.Dashboards.Scorecard;
using Microsoft.AspNetCore.Components;

namespace Analytics.Dashboards.Drilldown;

/// <summary>区(市)县: required vs qualified posts, its towns by gap, its demonstration sites.</summary>
public partial class DistrictPage : WarehousePage
{
    [Parameter] public string Code { get; set; } = "";
    [Inject] internal DrilldownQueries Queries { get; set; } = null!;
    [Inject] internal ChartRenderer Charts { get; set; } = null!;

    private AreaProgress? area;
    private IReadOnlyList<TownProgress> towns = [];
    private IReadOnlyList<DemoSiteRow> sites = [];
    private RenderedChart? chart;
    private CertifiedSplit certified = CertifiedSplit.None;
    private IReadOnlyDictionary<string, CertifiedSplit> townCertified = new Dictionary<string, CertifiedSplit>();

    protected override void Load()
    {
        area = Scope.Allows(Code) ? Queries.District(AsOf, Code) : null; // outside the user's district: as unknown
        if (area is null) return;
        towns = Queries.Towns(AsOf, Code);
        sites = Queries.DemoSites(AsOf, Code);
        townCertified = Queries.CertifiedByTown(AsOf, Code);
        certified = new CertifiedSplit(townCertified.Values.Sum(c => c.City), townCertified.Values.Sum(c => c.National));
        chart = Charts.Stacked(T.Format("chart.town_posts", area.DistrictName), T["unit.posts"], towns.Select(t => t.TownName).ToList(),
        [
            new StackedSeries(T["chart.met_posts"], ChartRenderer.ProgressHex, towns.Select(t => (double)(t.RequiredPosts - t.GapPosts)).ToList()),
            new StackedSeries(T["col.gap_posts"], ChartRenderer.GapHex, towns.Select(t => (double)t.GapPosts).ToList()),
        ]);
    }
}
