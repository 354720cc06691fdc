using System.Globalization;
using Analytics.Dashboards.Components;
using Analytics.Dashboards.Localization;
using Analytics.Dashboards.Scorecard;
using Analytics.Dashboards.Tests.Support;
using Analytics.Warehouse.Research;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Analytics.Dashboards.Tests.Leaders;

/// <summary>区(市)县计分卡 at /district: ranked by gap, certificates split by level, the year's trend, sortable, exportable.</summary>
public sealed class ScorecardTests : IDisposable
{
    private readonly DashboardContext ctx = new();

    public ScorecardTests() => ctx.Warehouse.WithWorkforce();

    public void Dispose() => ctx.Dispose();

    [Fact]
    public void Districts_are_ranked_by_gap_with_the_split_and_the_trend_since_the_roster_a_year_earlier()
    {
        var page = ctx.RenderAt<ScorecardPage>("district");

        var rows = page.FindAll("#scorecard tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("锦江区", rows[0].TextContent); // gap 2 before 新津区's 0
        Assert.Contains("district/510104?asOf=2023-06-30", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("1", rows[0].QuerySelector(".certified-city")!.TextContent);
        Assert.Equal("4", rows[0].QuerySelector(".certified-national")!.TextContent);
        // 2022-12-31 is the roster nearest to a year earlier: 锦江区's gap was 4 then (和平 1, 春熙 2, 三圣村 1), 2 now.
        Assert.Equal(4, ctx.Warehouse.Scalar("SELECT gap_posts FROM district_progress(DATE '2022-12-31') WHERE district_code = '510104'"));
        Assert.Contains("↓ 2", rows[0].QuerySelector(".trend")!.TextContent);
        Assert.Contains("2022年12月31日", rows[0].QuerySelector(".trend")!.GetAttribute("title"));
        Assert.NotNull(rows[0].QuerySelector("svg.spark polyline"));
        Assert.Contains("2022年12月31日", page.Find("#scorecard-definition").TextContent);
    }

    [Fact]
    public void A_column_title_sorts_the_table()
    {
        var page = ctx.RenderAt<ScorecardPage>("district");
        var districtHeader = page.FindAll("#scorecard th button.col-title").Single(b => b.TextContent.Contains("区(市)县"));
        districtHeader.Click();
        Assert.Contains("锦江区", page.FindAll("#scorecard tbody tr")[0].TextContent); // by code ascending: 510104 first
        districtHeader = page.FindAll("#scorecard th button.col-title").Single(b => b.TextContent.Contains("区(市)县"));
        districtHeader.Click();
        Assert.Contains("新津区", page.FindAll("#scorecard tbody tr")[0].TextContent);
    }

    [Fact]
    public void Exports_carry_the_same_rows_with_small_people_counts_suppressed_and_posts_in_full()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var rows = ctx.Services.GetRequiredService<ScorecardQueries>().Rows(new DateOnly(2023, 6, 30));
        var text = new UiText();

        var csv = System.Text.Encoding.UTF8.GetString(ScorecardExport.Write(ExportFormat.Csv, rows, text, new SmallNumberSuppression(10))).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("排名,区划代码,区(市)县,类型,应设岗位,达标岗位,岗位缺口", lines[0]);
        Assert.Contains("持证：社工员（市级）,持证：助理社会工作师及以上", lines[0]);
        Assert.StartsWith("1,510104,锦江区,区,5,3,2,2,3,0.6667,1,2,<10,<10,<10,2022-12-31,4,-2", lines[1]);

        using var xlsx = new MemoryStream(ScorecardExport.Write(ExportFormat.Xlsx, rows, text, new SmallNumberSuppression(10)));
        var sheet = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, sheet.Count);
        Assert.Equal("锦江区", sheet[0]["区(市)县"]);
        Assert.Equal(2d, Convert.ToDouble(sheet[0]["岗位缺口"], CultureInfo.InvariantCulture));
        Assert.Equal("<10", sheet[0]["持证：社工员（市级）"]);
    }

    [Fact]
    public void A_text_cell_that_excel_would_run_as_a_formula_is_written_as_text()
    {
        var csv = System.Text.Encoding.UTF8.GetString(TableExport.Write(ExportFormat.Csv, ["名称"], [["=1+2"], ["锦江区"]]));
        Assert.Contains("'=1+2", csv);
    }
}
