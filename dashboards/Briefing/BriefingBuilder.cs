using Analytics.Dashboards.Charts;
using Analytics.Dashboards.Drilldown;
using Analytics.Dashboards.Localization;
using Analytics.Dashboards.Map;
using Analytics.Dashboards.Overview;
using Analytics.Dashboards.Scorecard;

namespace Analytics.Dashboards.Briefing;

/// <summary>One row of the table behind a briefing: a district of the city, or a 镇(街道) of the district.</summary>
internal sealed record BriefingRow(string Code, string Name, long RequiredPosts, long QualifiedPosts, long GapPosts, double? MeetingShare, CertifiedSplit Certified);

/// <summary>Everything one A4 briefing shows, for the city (District null) or one district.</summary>
internal sealed record BriefingData(
    string AreaName, string? District, DateOnly AsOf, DateOnly Prepared, AreaProgress Headline, CertifiedSplit Certified,
    DateOnly? ComparedWith, long? GapChange, RenderedMap Map, RenderedChart Trend, IReadOnlyList<BriefingRow> Rows, int RowsLeftOut)
{
    /// <summary>How many rows of the table fit on the page with the rest.</summary>
    public const int MaxRows = 20;
}

/// <summary>Gathers a briefing's figures and charts from the same queries and renderers as the pages.</summary>
internal sealed class BriefingBuilder(
    OverviewQueries overview, DrilldownQueries drilldown, ScorecardQueries scorecard, DistrictMaps maps, ChartRenderer charts,
    UiText text, TimeProvider clock)
{
    /// <summary>The briefing, or null when the district code is unknown at the date. <paramref name="scope"/>: the district
    /// the reader is bound to (null: the whole city), which also limits the map.</summary>
    public BriefingData? Build(DateOnly asOf, string? district, string? scope = null)
    {
        var headline = overview.Headline(asOf, district);
        if (headline is null) return null;
        var card = scorecard.Rows(asOf);
        var districts = overview.DistrictRanking(asOf, scope);
        IReadOnlyList<BriefingRow> rows;
        CertifiedSplit certified;
        if (district is null)
        {
            rows = card.Select(r => new BriefingRow(r.DistrictCode, r.DistrictName, r.Progress.RequiredPosts, r.Progress.QualifiedPosts,
                r.Progress.GapPosts, r.MeetingShare, r.Certified)).ToList();
            certified = new CertifiedSplit(card.Sum(r => r.Certified.City), card.Sum(r => r.Certified.National));
        }
        else
        {
            var byTown = drilldown.CertifiedByTown(asOf, district);
            rows = drilldown.Towns(asOf, district).Select(t => new BriefingRow(t.TownCode, t.TownName, t.RequiredPosts, t.QualifiedPosts, t.GapPosts,
                t.Communities + t.Villages == 0 ? null : (double)t.UnitsMeetingTarget / (t.Communities + t.Villages),
                byTown.GetValueOrDefault(t.TownCode, CertifiedSplit.None))).ToList();
            certified = new CertifiedSplit(byTown.Values.Sum(c => c.City), byTown.Values.Sum(c => c.National));
        }
        var comparedWith = card.FirstOrDefault()?.ComparedWith;
        long? gapChange = comparedWith is null ? null
            : district is null ? card.Sum(r => r.GapChange ?? 0)
            : card.FirstOrDefault(r => r.DistrictCode == district)?.GapChange;
        var trend = overview.Trend(district);
        var trendChart = charts.Trend(text.Format("briefing.trend_title", headline.DistrictName), text["unit.posts"],
        [
            new TrendSeries(text["col.qualified_posts"], ChartRenderer.ProgressHex, trend.Select(t => new TrendPoint(t.AsOf, t.QualifiedPosts)).ToList()),
            new TrendSeries(text["col.gap_posts"], ChartRenderer.GapHex, trend.Select(t => new TrendPoint(t.AsOf, t.GapPosts)).ToList()),
            new TrendSeries(text["col.required_posts"], "#7f7f7f", trend.Select(t => new TrendPoint(t.AsOf, t.RequiredPosts)).ToList(), Dashed: true),
        ], text["chart.deadline"], width: 520, height: 420);
        var ranked = rows.OrderByDescending(r => r.GapPosts).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
        return new BriefingData(headline.DistrictName, district, asOf, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), headline, certified,
            comparedWith, gapChange, maps.Build(districts, MapColouring.Gap, district), trendChart,
            ranked.Take(BriefingData.MaxRows).ToList(), Math.Max(0, ranked.Count - BriefingData.MaxRows));
    }
}
