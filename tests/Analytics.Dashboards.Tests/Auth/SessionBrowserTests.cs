using System.Collections.Concurrent;
using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Tests.Browser;
using Analytics.Dashboards.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Analytics.Dashboards.Tests.Auth;

/// <summary>In Chromium: the Content-Security-Policy breaks nothing (Blazor, the SQL console's editor), sign-out is the
/// nav's POST button, and an open circuit is refused once the admin disables its user.</summary>
public sealed class SessionBrowserTests
{
    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        return (playwright, browser);
    }

    private static Task WaitInteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("#app-root[data-interactive=true]", new() { Timeout = 30_000 });

    [ChromiumFact]
    public async Task The_csp_lets_blazor_and_the_sql_editor_run_and_sign_out_is_the_nav_button()
    {
        using var warehouse = new TestWarehouse().WithWorkforce();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse);
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var violations = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Enqueue(message.Text);
        };

        await SignIn.BrowserAsync(page, dashboard, Roles.Researcher);
        await WaitInteractiveAsync(page);
        await page.GotoAsync(dashboard.BaseUrl + "/sql");
        await WaitInteractiveAsync(page);
        await page.WaitForSelectorAsync("#sql-editor .monaco-editor", new() { Timeout = 30_000 });
        await page.ClickAsync("#sql-editor .view-lines");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("SELECT count(*) AS n FROM person");
        await page.ClickAsync("#run");
        await page.WaitForSelectorAsync("#results tbody tr", new() { Timeout = 30_000 });
        // The editor's syntax colouring ran (Monaco's tokenizer and styles under the policy).
        Assert.True(await page.Locator("#sql-editor .view-lines span[class*='mtk']").CountAsync() > 0);

        await page.ClickAsync("#change-password");
        await page.WaitForURLAsync("**" + PasswordEndpoints.Path);
        await page.GoBackAsync();
        await WaitInteractiveAsync(page);
        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync("**" + AccountEndpoints.SignInPath);
        await page.GotoAsync(dashboard.BaseUrl + "/");
        await page.WaitForURLAsync("**" + AccountEndpoints.SignInPath + "?returnUrl=*");

        Assert.Empty(violations);
        Assert.Equal(1, warehouse.Scalar("SELECT count(*) FROM audit_event WHERE kind = 'sign_out' AND user_name = 'researcher-user'"));
    }

    [ChromiumFact]
    public async Task An_open_circuit_is_refused_once_the_admin_disables_its_user()
    {
        using var warehouse = new TestWarehouse().WithWorkforce();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse, "--Auth:SessionCheckInterval=00:00:01");
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await SignIn.BrowserAsync(page, dashboard, Roles.Leadership);
        await WaitInteractiveAsync(page);
        await page.WaitForSelectorAsync("#gap-posts");

        await dashboard.App.Services.GetRequiredService<UserAccounts>().SetDisabledAsync("leadership-user", true, actingUser: "admin");

        // Without any click or reload: the circuit's next check makes it anonymous and the page leaves for the sign-in form.
        await page.WaitForURLAsync("**" + AccountEndpoints.SignInPath + "*", new() { Timeout = 30_000 });
        await page.WaitForSelectorAsync("#signin");
        await page.GotoAsync(dashboard.BaseUrl + "/");
        await page.WaitForURLAsync("**" + AccountEndpoints.SignInPath + "?returnUrl=*");
    }
}
