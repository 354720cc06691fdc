using System.Net;
using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Sql;
using Analytics.Dashboards.Tests.Browser;
using Analytics.Dashboards.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Dashboards.Tests.Auth;

/// <summary>Roles are enforced on the server: HTTP requests without and with each role, to pages, exports and the Blazor hub.</summary>
public sealed class RoleEnforcementTests
{
    private const string Allowed = "allowed", SignInFirst = "sign-in", Denied = "denied";

    private static readonly string[] Paths =
        ["/", "/talent", "/district/510104", "/sql", "/quality", "/targets", "/admin/users", "/admin/audit", "/quality/quarantine.csv", "/admin/audit.csv", "/sql/export/none.csv", "/forecast", "/forecast/export.csv"];

    private static string Expected(string? role, string path)
    {
        if (role is null) return SignInFirst;
        var needs = path switch
        {
            "/sql" or "/sql/export/none.csv" => Roles.Researcher,
            "/forecast" or "/forecast/export.csv" => Roles.Planner,
            "/quality" or "/targets" or "/admin/users" or "/admin/audit" or "/quality/quarantine.csv" or "/admin/audit.csv" => Roles.Admin,
            _ => Roles.Leadership,
        };
        return Roles.Implied(role).Contains(needs) ? Allowed : Denied;
    }

    private static string Observed(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        if (response.StatusCode == HttpStatusCode.Redirect && location.Contains(AccountEndpoints.SignInPath, StringComparison.Ordinal)) return SignInFirst;
        if (response.StatusCode == HttpStatusCode.Redirect && location.Contains(AccountEndpoints.DeniedPath, StringComparison.Ordinal)) return Denied;
        // An allowed export of an unknown token is a 404 from the endpoint itself, past authorization.
        // A forecast export past authorization may answer 409 (too little history to forecast from).
        return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.Conflict ? Allowed : $"{(int)response.StatusCode} {location}";
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Leadership)]
    [InlineData(Roles.Clerk)]
    [InlineData(Roles.Planner)]
    [InlineData(Roles.Researcher)]
    [InlineData(Roles.Admin)]
    public async Task Pages_and_exports_answer_by_role(string? role)
    {
        using var warehouse = new TestWarehouse().WithOrganisation();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse);
        using var client = role is null ? SignIn.Anonymous(dashboard) : await SignIn.AsAsync(dashboard, role);

        foreach (var path in Paths)
        {
            using var response = await client.GetAsync(path);
            Assert.True(Expected(role, path) == Observed(response), $"{role ?? "anonymous"} GET {path}: expected {Expected(role, path)}, got {Observed(response)}");
        }

        // The Blazor hub (SignalR) needs a signed-in user.
        using var negotiate = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        if (role is null) Assert.NotEqual(HttpStatusCode.OK, negotiate.StatusCode);
        else Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
    }

    [Fact]
    public async Task Sign_in_page_and_culture_switch_stay_open_and_a_wrong_password_is_refused_and_audited()
    {
        using var warehouse = new TestWarehouse();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse);
        using var client = SignIn.Anonymous(dashboard);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(AccountEndpoints.SignInPath)).StatusCode);
        var culture = await client.GetAsync("/culture/set?culture=en&redirectUri=/account/signin");
        Assert.Equal("/account/signin", culture.Headers.Location?.OriginalString);
        var wrong = await SignIn.PostSignInAsync(client, SignIn.UserOf(dashboard, Roles.Admin), "not-the-password");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(1, warehouse.Scalar("SELECT count(*) FROM audit_event WHERE kind = 'sign_in_failed' AND user_name = 'admin-user'"));
    }

    [Fact]
    public async Task First_start_creates_an_admin_whose_saved_password_signs_in()
    {
        using var warehouse = new TestWarehouse();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse);
        var password = (await File.ReadAllTextAsync(Path.Combine(warehouse.Folder, "admin-password.txt"))).Trim();
        using var client = SignIn.Anonymous(dashboard);

        var response = await SignIn.PostSignInAsync(client, FirstAdmin.UserName, password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
        // The user database sits beside the (old) users file and keeps only a hash of the password.
        var database = await File.ReadAllBytesAsync(Path.Combine(warehouse.Folder, "users.db"));
        Assert.Equal(-1, database.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(password)));
        Assert.Equal(1, warehouse.Scalar("SELECT count(*) FROM audit_event WHERE kind = 'sign_in' AND user_name = 'admin'"));
    }

    [Fact]
    public async Task An_export_token_serves_only_the_user_who_ran_the_query()
    {
        using var warehouse = new TestWarehouse().WithOrganisation();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse);
        using var researcher = await SignIn.AsAsync(dashboard, Roles.Researcher);
        using var admin = await SignIn.AsAsync(dashboard, Roles.Admin);
        var token = dashboard.App.Services.GetRequiredService<ResearchExports>()
            .Register(SignIn.UserOf(dashboard, Roles.Researcher), "SELECT code, name FROM org_unit ORDER BY code");

        var csv = await researcher.GetStringAsync($"/sql/export/{token}.csv");
        var parquet = await researcher.GetByteArrayAsync($"/sql/export/{token}.parquet");
        var other = await admin.GetAsync($"/sql/export/{token}.csv");

        Assert.StartsWith("code,name", csv.TrimStart('\uFEFF'));
        Assert.Contains("510104,锦江区", csv);
        Assert.Equal("PAR1"u8.ToArray(), parquet[..4]);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(2, warehouse.Scalar("SELECT count(*) FROM audit_event WHERE kind = 'export' AND outcome = 'ok'"));
    }
}
