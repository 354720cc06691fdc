using Analytics.Dashboards.Charts;
using Analytics.Dashboards.Localization;
using Analytics.Dashboards.Overview;

namespace Analytics.Dashboards.Map;

/// <summary>The districts' tile map from district_progress rows, coloured by gap or by share of units meeting the minimum.</summary>
internal sealed class DistrictMaps(ChartRenderer charts, UiText text)
{
    public static MapColouring ParseColouring(string? value) =>
        string.Equals(value, "share", StringComparison.OrdinalIgnoreCase) ? MapColouring.Share : MapColouring.Gap;

    public static string QueryValue(MapColouring colouring) => colouring == MapColouring.Share ? "share" : "gap";

    public RenderedMap Build(IReadOnlyList<AreaProgress> districts, MapColouring colouring, string? highlight = null)
    {
        var tiles = districts.Select(d =>
        {
            var units = d.Communities + d.Villages;
            var share = units == 0 ? 0 : (double)d.UnitsMeetingTarget / units;
            return colouring == MapColouring.Gap
                ? new MapTile(d.DistrictCode, d.DistrictName, d.GapPosts, text.Format("map.gap_value", text.Number(d.GapPosts)), d.DistrictCode == highlight)
                : new MapTile(d.DistrictCode, d.DistrictName, share, text.Format("map.share_value", text.Percent(units == 0 ? null : share)), d.DistrictCode == highlight);
        }).ToList();
        var legend = colouring == MapColouring.Gap
            ? new MapLegend(text["map.legend_gap"], text["map.legend_no_gap"], text.Number(districts.Count == 0 ? 0 : districts.Max(d => d.GapPosts)))
            : new MapLegend(text["map.legend_share"], text.Percent(0), text.Percent(1));
        var title = colouring == MapColouring.Gap ? text["map.title_gap"] : text["map.title_share"];
        return charts.TileMap(title, tiles, colouring, legend);
    }
}
