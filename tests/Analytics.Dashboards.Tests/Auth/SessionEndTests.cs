using System.Net;
using System.Text.RegularExpressions;
using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Tests.Browser;
using Analytics.Dashboards.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Dashboards.Tests.Auth;

/// <summary>Sessions end when they should: a reset, a role or district change, disabling; sign-out by POST only; own password change.</summary>
public sealed partial class SessionEndTests
{
    private const string FastCheck = "--Auth:SessionCheckInterval=00:00:01";

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private static async Task<string> TokenAsync(HttpClient client) =>
        WebUtility.HtmlDecode(Token().Match(await client.GetStringAsync(PasswordEndpoints.Path)).Groups[1].Value);

    /// <summary>True once GET / sends the client to sign in (the session check runs every second here).</summary>
    private static async Task<bool> SentToSignInAsync(HttpClient client)
    {
        for (var i = 0; i < 40; i++)
        {
            using var response = await client.GetAsync("/");
            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains(AccountEndpoints.SignInPath)) return true;
            await Task.Delay(250);
        }
        return false;
    }

    [Theory]
    [InlineData("reset")]
    [InlineData("role")]
    [InlineData("district")]
    [InlineData("disable")]
    public async Task An_admin_change_ends_that_users_open_sessions_and_only_theirs(string change)
    {
        using var warehouse = new TestWarehouse();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse, FastCheck);
        using var user = await SignIn.AsAsync(dashboard, Roles.Leadership);
        using var other = await SignIn.AsAsync(dashboard, Roles.Planner);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/")).StatusCode);
        var accounts = dashboard.App.Services.GetRequiredService<UserAccounts>();

        await (change switch
        {
            "reset" => accounts.ResetPasswordAsync("leadership-user", "another-password-9"),
            "role" => accounts.ChangeRoleAsync("leadership-user", Roles.Researcher),
            "district" => accounts.SetDistrictAsync("leadership-user", "510104"),
            _ => accounts.SetDisabledAsync("leadership-user", true, actingUser: "admin"),
        });

        Assert.True(await SentToSignInAsync(user), $"the session survived the {change}");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/")).StatusCode);
        var password = change == "reset" ? "another-password-9" : SignIn.Password;
        var again = await SignIn.PostSignInAsync(SignIn.Anonymous(dashboard), "leadership-user", password);
        Assert.Equal(change == "disable" ? HttpStatusCode.Unauthorized : HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task Sign_out_is_a_post_with_its_antiforgery_token_and_a_get_only_shows_the_button()
    {
        using var warehouse = new TestWarehouse();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse);
        using var client = await SignIn.AsAsync(dashboard, Roles.Leadership);

        var get = await client.GetAsync(AccountEndpoints.SignOutPath);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Contains("<form method=\"post\" action=\"/account/signout\"", await get.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(AccountEndpoints.SignOutPath, new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var signOut = await client.PostAsync(AccountEndpoints.SignOutPath,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await TokenAsync(client) }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(AccountEndpoints.SignInPath, signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(1, warehouse.Scalar("SELECT count(*) FROM audit_event WHERE kind = 'sign_out' AND user_name = 'leadership-user'"));
    }

    private static async Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current, string password, string confirm) =>
        await client.PostAsync(PasswordEndpoints.Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TokenAsync(client), ["current"] = current, ["password"] = password, ["confirm"] = confirm,
        }));

    [Fact]
    public async Task A_user_changes_their_own_password_which_ends_their_other_sessions_and_keeps_this_one()
    {
        using var warehouse = new TestWarehouse();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse, FastCheck);
        using var here = await SignIn.AsAsync(dashboard, Roles.Clerk);
        using var elsewhere = await SignIn.AsAsync(dashboard, Roles.Clerk);

        var page = await here.GetStringAsync(PasswordEndpoints.Path);
        Assert.Contains("修改密码", page);
        var wrong = await ChangePasswordAsync(here, "not-my-password", "my-new-password-7", "my-new-password-7");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("当前密码不正确", await wrong.Content.ReadAsStringAsync());
        var mismatch = await ChangePasswordAsync(here, SignIn.Password, "my-new-password-7", "my-new-password-8");
        Assert.Contains("两次输入的新密码不一致", await mismatch.Content.ReadAsStringAsync());
        var weak = await ChangePasswordAsync(here, SignIn.Password, "aaaaaaaaaa", "aaaaaaaaaa");
        Assert.Contains("至少 8 个字符", await weak.Content.ReadAsStringAsync());

        var changed = await ChangePasswordAsync(here, SignIn.Password, "my-new-password-7", "my-new-password-7");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("密码已修改", await changed.Content.ReadAsStringAsync());
        Assert.True(await SentToSignInAsync(elsewhere), "the other session survived the password change");
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/")).StatusCode);
        using var fresh = SignIn.Anonymous(dashboard);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn.PostSignInAsync(fresh, "clerk-user", SignIn.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(fresh, "clerk-user", "my-new-password-7")).StatusCode);
        Assert.Equal(1, warehouse.Scalar("SELECT count(*) FROM audit_event WHERE kind = 'password_changed' AND outcome = 'ok' AND user_name = 'clerk-user'"));
        Assert.Equal(3, warehouse.Scalar("SELECT count(*) FROM audit_event WHERE kind = 'password_changed' AND outcome = 'denied'"));
    }

    [Fact]
    public async Task The_password_page_needs_a_signed_in_user_and_speaks_english_on_switch()
    {
        using var warehouse = new TestWarehouse();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse);
        using var anonymous = SignIn.Anonymous(dashboard);
        var refused = await anonymous.GetAsync(PasswordEndpoints.Path);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains(AccountEndpoints.SignInPath, refused.Headers.Location!.OriginalString);

        using var client = await SignIn.AsAsync(dashboard, Roles.Leadership);
        await client.GetAsync("/culture/set?culture=en&redirectUri=" + PasswordEndpoints.Path);
        var page = await client.GetStringAsync(PasswordEndpoints.Path);
        Assert.Contains("Change password", page);
        Assert.Contains("Signed in as leadership-user", page);
    }
}
