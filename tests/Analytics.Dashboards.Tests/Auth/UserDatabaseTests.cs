using System.Net;
using System.Text.Json;
using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Tests.Browser;
using Analytics.Dashboards.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Dashboards.Tests.Auth;

/// <summary>The Identity user database: imports the users.json of earlier versions once, keeps users across restarts.</summary>
public sealed class UserDatabaseTests
{
    private static void WriteLegacyUsers(string folder, params (string Name, string Role, string Password)[] users)
    {
        var hasher = new PasswordHasher<object>();
        File.WriteAllText(Path.Combine(folder, "users.json"), JsonSerializer.Serialize(users.Select(u => new
        {
            UserName = u.Name, u.Role, PasswordHash = hasher.HashPassword(new object(), u.Password), CreatedAt = new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)),
        })));
    }

    [Fact]
    public async Task A_deployed_users_json_is_imported_on_first_start_so_its_accounts_keep_signing_in()
    {
        using var warehouse = new TestWarehouse();
        WriteLegacyUsers(warehouse.Folder, ("张三", Roles.Planner, "old-password-1"), ("boss", Roles.Admin, "old-password-2"));

        await using var dashboard = await RunningDashboard.StartAsync(warehouse);

        Assert.False(File.Exists(Path.Combine(warehouse.Folder, "users.json")));
        Assert.True(File.Exists(Path.Combine(warehouse.Folder, "users.json.imported")));
        Assert.False(File.Exists(Path.Combine(warehouse.Folder, "admin-password.txt")), "no first admin when users were imported");
        var users = await dashboard.App.Services.GetRequiredService<UserAccounts>().ListAsync();
        Assert.Equal(["boss admin", "张三 planner"], users.Select(u => $"{u.UserName} {u.Role}"));
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 1, 0, 0, TimeSpan.Zero), users.Single(u => u.UserName == "张三").CreatedAt);

        using var planner = SignIn.Anonymous(dashboard);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(planner, "张三", "old-password-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await planner.GetAsync("/forecast")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await planner.GetAsync("/admin/users")).StatusCode);
        using var boss = SignIn.Anonymous(dashboard);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn.PostSignInAsync(boss, "boss", "old-password-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(boss, "boss", "old-password-2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await boss.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task A_broken_users_json_stops_the_start_with_a_located_message_instead_of_making_a_new_admin()
    {
        using var warehouse = new TestWarehouse();
        File.WriteAllText(Path.Combine(warehouse.Folder, "users.json"), "[\n  {\"UserName\": \"x\",\n  oops\n]");

        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => RunningDashboard.StartAsync(warehouse));

        Assert.Contains("users.json", error.Message);
        Assert.Contains("第 3 行", error.Message);
        Assert.Contains("line 3", error.Message);
        Assert.False(File.Exists(Path.Combine(warehouse.Folder, "admin-password.txt")));
    }

    [Fact]
    public async Task Users_and_their_changes_survive_a_restart_and_the_first_admin_is_made_once()
    {
        using var warehouse = new TestWarehouse();
        await using (var first = await RunningDashboard.StartAsync(warehouse))
        {
            SignIn.UserOf(first, Roles.Clerk, districtCode: "510104");
            await first.App.Services.GetRequiredService<UserAccounts>().SetDisabledAsync("clerk-user", true, "admin");
        }
        var password = await File.ReadAllTextAsync(Path.Combine(warehouse.Folder, "admin-password.txt"));

        await using var second = await RunningDashboard.StartAsync(warehouse);

        Assert.Equal(password, await File.ReadAllTextAsync(Path.Combine(warehouse.Folder, "admin-password.txt")));
        var users = await second.App.Services.GetRequiredService<UserAccounts>().ListAsync();
        Assert.Equal(["admin admin  False", "clerk-user clerk 510104 True"], users.Select(u => $"{u.UserName} {u.Role} {u.DistrictCode} {u.Disabled}"));
    }

    [Fact]
    public async Task A_district_bound_user_carries_the_district_claim_and_city_roles_cannot_be_bound()
    {
        using var warehouse = new TestWarehouse();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse);
        var services = dashboard.App.Services;
        var accounts = services.GetRequiredService<UserAccounts>();
        SignIn.UserOf(dashboard, Roles.Clerk, districtCode: "510104");
        SignIn.UserOf(dashboard, Roles.Researcher);

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<DashboardUser>>();
        var clerk = await factory.CreateAsync((await users.FindByNameAsync("clerk-user"))!);
        var researcher = await factory.CreateAsync((await users.FindByNameAsync("researcher-user"))!);

        Assert.Equal("510104", clerk.DistrictCode());
        Assert.False(clerk.IsCityWide());
        Assert.True(clerk.IsInRole(Roles.Clerk) && clerk.IsInRole(Roles.Leadership) && !clerk.IsInRole(Roles.Planner));
        Assert.Equal(Roles.Clerk, Policies.RoleOf(clerk));
        Assert.Null(researcher.DistrictCode());
        Assert.True(researcher.IsCityWide());
        Assert.False(researcher.IsInRole(Roles.Clerk));

        var refused = await Assert.ThrowsAsync<UserAccountException>(() => accounts.SetDistrictAsync("researcher-user", "510104"));
        Assert.Equal("users.error.district_role", refused.Key);
        Assert.Equal("users.error.district", (await Assert.ThrowsAsync<UserAccountException>(() => accounts.SetDistrictAsync("clerk-user", "5101"))).Key);
        await accounts.ChangeRoleAsync("clerk-user", Roles.Planner);
        Assert.Null((await accounts.FindAsync("clerk-user"))!.DistrictCode);
    }

    [Fact]
    public async Task Invalid_sign_in_settings_stop_the_host_at_start_with_the_reasons()
    {
        using var warehouse = new TestWarehouse();
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => RunningDashboard.StartAsync(warehouse,
            "--Auth:SessionCheckInterval=00:00:00", "--Auth:Lockout:MaxFailedAttempts=0", "--Auth:SignInRateLimit:PerUserName=0"));

        Assert.Contains("Auth:SessionCheckInterval must be positive", error.Message);
        Assert.Contains("Auth:Lockout:MaxFailedAttempts must be at least 1", error.Message);
        Assert.Contains("Auth:SignInRateLimit:PerAddress and PerUserName must be at least 1", error.Message);
        Assert.False(File.Exists(Path.Combine(warehouse.Folder, "users.db")));
    }
}
