using System.Net;
using Analytics.Dashboards.Tests.Browser;
using Analytics.Dashboards.Tests.Support;

namespace Analytics.Dashboards.Tests.Leaders;

/// <summary>The real host over HTTP: Chinese sent as itself, a 404 page, a favicon, the scorecard and briefing downloads.</summary>
public sealed class ServedPagesTests
{
    [Fact]
    public async Task Pages_exports_and_the_404_page_are_served_in_chinese()
    {
        using var warehouse = new TestWarehouse().WithWorkforce();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse);
        using var http = await Auth.SignIn.AsAsync(dashboard, Analytics.Dashboards.Auth.Roles.Leadership);

        // Chinese is written as itself, not as numeric entities.
        var overview = await http.GetStringAsync("/");
        Assert.Contains("总览", overview);
        Assert.DoesNotContain("&#x603B;", overview);
        Assert.Contains("数据截至 2023年6月30日", overview);
        Assert.Matches(@"<link rel=""icon""[^>]*href=""favicon[.a-z0-9]*svg""", overview);
        Assert.Contains("noto-sans-sc", overview);

        // An unknown address: status 404 and the Chinese 页面不存在 page in the layout.
        var missing = await http.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var missingHtml = await missing.Content.ReadAsStringAsync();
        Assert.Contains("页面不存在", missingHtml);
        Assert.Contains("返回总览", missingHtml);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/favicon.svg")).StatusCode);
        var css = await http.GetStringAsync("/fonts/noto-sans-sc/noto-sans-sc.css");
        Assert.Contains("unicode-range", css);
        Assert.Equal("font/woff2", (await http.GetAsync("/fonts/noto-sans-sc/noto-sans-sc-100-400-normal.woff2")).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/fonts/wqy-microhei.ttc")).StatusCode);

        // The scorecard page and its downloads; each download is audited.
        Assert.Contains("区(市)县计分卡", await http.GetStringAsync("/district"));
        var csv = await http.GetByteArrayAsync("/district/scorecard.csv?asOf=2023-06-30");
        Assert.Contains("锦江区", System.Text.Encoding.UTF8.GetString(csv));
        var xlsx = await http.GetAsync("/district/scorecard.xlsx?asOf=2023-06-30");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var pdf = await http.GetAsync("/briefing.pdf?asOf=2023-06-30&district=510104");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/briefing.pdf?district=999999")).StatusCode);
        Assert.Equal(3, warehouse.Scalar("SELECT count(*) FROM audit_event WHERE kind = 'export' AND user_name = 'leadership-user'"));

        // Not signed in: no download.
        using var anonymous = Auth.SignIn.Anonymous(dashboard);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/district/scorecard.csv")).StatusCode);
    }
}
