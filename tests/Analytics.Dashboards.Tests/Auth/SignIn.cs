using System.Net;
using System.Text.RegularExpressions;
using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Tests.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Analytics.Dashboards.Tests.Auth;

/// <summary>Test helpers: a user of a role in the running dashboard's user database, signed in over HTTP or in the browser.</summary>
internal static partial class SignIn
{
    public const string Password = "test-password-1";

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>Adds the user "{role}-user" (once) to the running dashboard's user database and returns its name.</summary>
    public static string UserOf(RunningDashboard dashboard, string role, string? districtCode = null) =>
        UserOf(dashboard.App.Services, role, districtCode);

    /// <summary>Adds the user "{role}-user" (once) to the host's user database and returns its name.</summary>
    public static string UserOf(IServiceProvider services, string role, string? districtCode = null)
    {
        var users = services.GetRequiredService<UserAccounts>();
        var name = role + "-user";
        // On the thread pool, so the wait never blocks the test framework's synchronization context.
        Task.Run(async () =>
        {
            if (await users.FindAsync(name) is null) await users.AddAsync(name, role, Password, districtCode);
        }).GetAwaiter().GetResult();
        return name;
    }

    /// <summary>An HTTP client (no redirects followed) that is not signed in.</summary>
    public static HttpClient Anonymous(RunningDashboard dashboard) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(dashboard.BaseUrl) };

    /// <summary>An HTTP client signed in through the real form (antiforgery token included) as a user of the role.</summary>
    public static async Task<HttpClient> AsAsync(RunningDashboard dashboard, string role, string? districtCode = null)
    {
        var client = Anonymous(dashboard);
        var response = await PostSignInAsync(client, UserOf(dashboard, role, districtCode), Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string user, string password)
    {
        var form = await client.GetStringAsync(AccountEndpoints.SignInPath);
        var token = Token().Match(form).Groups[1].Value;
        return await client.PostAsync(AccountEndpoints.SignInPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["userName"] = user, ["password"] = password, ["returnUrl"] = "/",
        }));
    }

    /// <summary>Signs the browser page in as a user of the role, through the form.</summary>
    public static async Task BrowserAsync(IPage page, RunningDashboard dashboard, string role)
    {
        var user = UserOf(dashboard, role);
        await page.GotoAsync(dashboard.BaseUrl + AccountEndpoints.SignInPath);
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#signin");
        await page.WaitForURLAsync(dashboard.BaseUrl + "/");
    }
}
