using Analytics.Dashboards.Charts;
using Analytics.Dashboards.Tests.Support;
using SkiaSharp;

namespace Analytics.Dashboards.Tests.Leaders;

/// <summary>The districts' tile map: places by code, colours by the chosen measure, a link rectangle per tile.</summary>
public sealed class TileMapTests
{
    private static readonly (string Code, string Name)[] Chengdu =
    [
        ("510104", "锦江区"), ("510105", "青羊区"), ("510106", "金牛区"), ("510107", "武侯区"), ("510108", "成华区"), ("510112", "龙泉驿区"),
        ("510113", "青白江区"), ("510114", "新都区"), ("510115", "温江区"), ("510116", "双流区"), ("510117", "郫都区"), ("510118", "新津区"),
        ("510121", "金堂县"), ("510129", "大邑县"), ("510131", "蒲江县"), ("510181", "都江堰市"), ("510182", "彭州市"), ("510183", "邛崃市"),
        ("510184", "崇州市"), ("510185", "简阳市"),
    ];

    private readonly ChartRenderer renderer = new(TestPaths.Font);

    private RenderedMap Map(MapColouring colouring, Func<int, double> value) => renderer.TileMap("各区(市)县岗位缺口分布图",
        [.. Chengdu.Select((d, i) => new MapTile(d.Code, d.Name, value(i), $"缺口 {value(i)}"))], colouring, new("岗位缺口（个）", "无缺口", "175"));

    [Fact]
    public void Each_district_has_its_own_tile_in_its_rough_place()
    {
        var links = Map(MapColouring.Gap, i => i * 9).Links.ToDictionary(l => l.Code);
        Assert.Equal(20, links.Count);
        foreach (var (a, b) in links.Values.SelectMany(a => links.Values.Where(b => string.CompareOrdinal(a.Code, b.Code) < 0).Select(b => (a, b))))
            Assert.False(a.Left < b.Left + b.Width && b.Left < a.Left + a.Width && a.Top < b.Top + b.Height && b.Top < a.Top + a.Height, $"{a.Name} overlaps {b.Name}");
        double X(string code) => links[code].Left;
        double Y(string code) => links[code].Top;
        Assert.True(X("510185") > X("510112") && X("510112") > X("510104"), "简阳 east of 龙泉驿 east of 锦江");
        Assert.True(Y("510114") < Y("510106"), "新都 north of 金牛");
        Assert.True(Y("510118") > Y("510116"), "新津 south of 双流");
        Assert.True(X("510115") < X("510105"), "温江 west of 青羊");
        Assert.True(X("510129") < X("510184") && X("510183") < X("510116"), "大邑 and 邛崃 in the west");
        Assert.All(links.Values, l => Assert.True(l.Left >= 0 && l.Top >= 0 && l.Left + l.Width <= 100 && l.Top + l.Height <= 100));
    }

    [Fact]
    public void A_code_not_on_the_chengdu_layout_gets_a_tile_below_it()
    {
        var map = renderer.TileMap("t", [new("510104", "锦江区", 1, "1"), new("510191", "新区甲", 2, "2")], MapColouring.Gap, new("缺口", "0", "2"));
        Assert.True(map.Links.Single(l => l.Code == "510191").Top > map.Links.Single(l => l.Code == "510104").Top);
    }

    [Fact]
    public void Tiles_are_coloured_by_the_chosen_measure_with_green_for_no_gap()
    {
        var map = Map(MapColouring.Gap, i => i == 0 ? 0 : 100);
        using var bitmap = SKBitmap.Decode(map.Chart.Png());
        SKColor Centre(string code)
        {
            var l = map.Links.Single(t => t.Code == code);
            return bitmap.GetPixel((int)((l.Left + l.Width * 0.1) / 100 * bitmap.Width), (int)((l.Top + l.Height * 0.1) / 100 * bitmap.Height));
        }
        var none = Centre("510104");
        var largest = Centre("510105");
        Assert.True(none.Green > none.Red, $"no gap should be green, was {none}");
        Assert.True(largest.Red > largest.Green + 80, $"the largest gap should be deep red, was {largest}");

        var share = renderer.TileMap("t", [new("510104", "锦江区", 1.0, "100%"), new("510105", "青羊区", 0.0, "0%")], MapColouring.Share, new("达标", "0%", "100%"));
        using var shareBitmap = SKBitmap.Decode(share.Chart.Png());
        var all = share.Links.Single(l => l.Code == "510104");
        var pixel = shareBitmap.GetPixel((int)((all.Left + 2) / 100 * shareBitmap.Width), (int)((all.Top + 2) / 100 * shareBitmap.Height));
        Assert.True(pixel.Green > pixel.Red, $"all units meeting should be green, was {pixel}");
    }
}
