using System.Net;
using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Security;
using Analytics.Dashboards.Tests.Auth;
using Analytics.Dashboards.Tests.Browser;
using Analytics.Dashboards.Tests.Support;

namespace Analytics.Dashboards.Tests.Security;

/// <summary>Security headers on every response, and hostile redirect targets end on a safe local page instead of a 500.</summary>
public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var warehouse = new TestWarehouse().WithOrganisation();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse);
        using var anonymous = SignIn.Anonymous(dashboard);
        using var admin = await SignIn.AsAsync(dashboard, Roles.Admin);

        foreach (var (client, path) in new[] { (anonymous, "/"), (anonymous, AccountEndpoints.SignInPath), (anonymous, "/app.css"),
                     (anonymous, "/culture/set?culture=en"), (admin, "/"), (admin, "/admin/audit.csv"), (admin, "/no/such/page") })
        {
            using var response = await client.GetAsync(path);
            var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self';", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        }
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\\x")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/talent\r\nSet-Cookie: x=1")]
    public async Task A_hostile_return_url_after_sign_in_goes_to_the_overview(string returnUrl)
    {
        using var warehouse = new TestWarehouse();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse);
        using var client = SignIn.Anonymous(dashboard);
        var name = SignIn.UserOf(dashboard, Roles.Leadership);

        var form = await client.GetAsync(AccountEndpoints.SignInPath + "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var page = await form.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var response = await client.PostAsync(AccountEndpoints.SignInPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["userName"] = name, ["password"] = SignIn.Password, ["returnUrl"] = returnUrl,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/\\x", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/quality?x=1", "/quality?x=1")]
    public async Task The_language_switch_redirects_only_to_a_local_path(string redirectUri, string expected)
    {
        using var warehouse = new TestWarehouse();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse);
        using var client = SignIn.Anonymous(dashboard);

        using var response = await client.GetAsync("/culture/set?culture=en&redirectUri=" + Uri.EscapeDataString(redirectUri));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/district/510104?asOf=2023-06-30", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("/\t", false)]
    [InlineData("/a\u007f", false)]
    [InlineData("/\\evil", false)]
    [InlineData("//evil", false)]
    [InlineData("~/x", false)]
    [InlineData("evil", false)]
    [InlineData("javascript:alert(1)", false)]
    public void Local_urls_follow_the_IsLocalUrl_rule(string? url, bool local)
    {
        Assert.Equal(local, LocalUrl.IsLocal(url));
        Assert.Equal(local ? url : "/", LocalUrl.OrRoot(url));
    }
}
