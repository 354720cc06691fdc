using System.IO.Compression;
using System.Net;
using System.Text;
using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Tests.Auth;
using Analytics.Dashboards.Tests.Browser;
using Analytics.Dashboards.Tests.Support;

namespace Analytics.Dashboards.Tests.Scoping;

/// <summary>
/// A leader bound to 锦江区 tries to read 青羊区 through every page parameter, drill-down route and export URL of the real
/// host (a real DuckDB file): every answer is 锦江区's or a refusal. A city-wide leader, same URLs, does see 青羊区, so
/// the checks can fail.
/// </summary>
public sealed class DistrictScopeHttpTests
{
    private static readonly string[] PageUrls =
    [
        "/", "/?district=510105", "/?district=510105&asOf=2023-06-30&map=share", "/district", "/district?district=510105",
        "/district/510105", "/district/510105?district=510105", "/town/510105001", "/community/510105001001",
        "/talent", "/talent?district=510105", "/appraisal?district=510105&year=2022", "/appraisal?year=2022",
        "/briefing", "/briefing?district=510105",
    ];

    private static void AssertNoQingyang(string url, string body)
    {
        foreach (var name in QingyangData.Names) Assert.False(body.Contains(name, StringComparison.Ordinal), $"{url} shows {name}");
        Assert.False(body.Contains("data-code=\"510105\"", StringComparison.Ordinal), $"{url} links the 青羊区 tile");
    }

    [Fact]
    public async Task A_jinjiang_leader_reads_no_qingyang_figures_through_any_page_parameter()
    {
        using var warehouse = new TestWarehouse().WithQingyang();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse);
        using var jinjiang = await SignIn.AsAsync(dashboard, Roles.Leadership, "510104");
        using var city = await SignIn.AsAsync(dashboard, Roles.Planner);

        foreach (var url in PageUrls)
        {
            using var response = await jinjiang.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            AssertNoQingyang(url, await response.Content.ReadAsStringAsync());
        }
        // The bound leader's own district is what the pages show.
        Assert.Contains("锦江区", await jinjiang.GetStringAsync("/?district=510105"));
        Assert.Contains("春熙路街道", await jinjiang.GetStringAsync("/district/510104"));
        Assert.Contains("和平社区", await jinjiang.GetStringAsync("/town/510104020"));
        Assert.Contains("data-code=\"510104\"", await jinjiang.GetStringAsync("/"));

        // A city user sees 青羊区 through the same URLs.
        Assert.Contains("青羊区", await city.GetStringAsync("/district"));
        Assert.Contains("少城街道", await city.GetStringAsync("/district/510105"));
        Assert.Contains("宽窄社区", await city.GetStringAsync("/town/510105001"));
        Assert.Contains("data-code=\"510105\"", await city.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_jinjiang_leader_exports_only_jinjiang_and_is_refused_another_district_or_a_city_export()
    {
        using var warehouse = new TestWarehouse().WithQingyang();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse);
        using var jinjiang = await SignIn.AsAsync(dashboard, Roles.Leadership, "510104");
        using var city = await SignIn.AsAsync(dashboard, Roles.Planner);

        var csv = Encoding.UTF8.GetString(await jinjiang.GetByteArrayAsync("/district/scorecard.csv?asOf=2023-06-30&district=510105"));
        Assert.Contains("锦江区", csv);
        AssertNoQingyang("scorecard.csv", csv);
        Assert.DoesNotContain("新津区", csv);
        var xlsx = XlsxText(await jinjiang.GetByteArrayAsync("/district/scorecard.xlsx?asOf=2023-06-30"));
        Assert.Contains("锦江区", xlsx);
        AssertNoQingyang("scorecard.xlsx", xlsx);
        Assert.Contains("青羊区", Encoding.UTF8.GetString(await city.GetByteArrayAsync("/district/scorecard.csv?asOf=2023-06-30")));

        // The briefing PDF: another district is refused, none given is the user's own.
        using (var other = await jinjiang.GetAsync("/briefing.pdf?asOf=2023-06-30&district=510105"))
            Assert.True(other.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect && (other.Headers.Location?.OriginalString ?? "/account/denied").Contains("denied"),
                $"briefing.pdf of 青羊区: {other.StatusCode} {other.Headers.Location}");
        using (var own = await jinjiang.GetAsync("/briefing.pdf?asOf=2023-06-30"))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Contains("510104", own.Content.Headers.ContentDisposition?.FileName ?? "");
        }
        using (var cityPdf = await city.GetAsync("/briefing.pdf?asOf=2023-06-30&district=510105"))
            Assert.Equal(HttpStatusCode.OK, cityPdf.StatusCode);

        // City-only exports and pages (quarantine, forecast, research console, audit) refuse a district-bound user.
        foreach (var url in new[] { "/quality/quarantine.csv", "/forecast/export.csv", "/forecast/export.xlsx", "/forecast/long.csv", "/sql/export/x.csv", "/admin/audit.csv", "/sql", "/quality", "/forecast" })
        {
            using var response = await jinjiang.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains(AccountEndpoints.DeniedPath),
                $"{url}: {response.StatusCode} {response.Headers.Location}");
        }
    }

    private static string XlsxText(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(reader.ReadToEnd());
        }
        return text.ToString();
    }
}
