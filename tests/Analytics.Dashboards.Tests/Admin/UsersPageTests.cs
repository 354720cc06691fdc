using Analytics.Dashboards.Admin;
using Analytics.Dashboards.Audit;
using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Dashboards.Tests.Admin;

/// <summary>The users page on a real user database (SQLite, Identity) and a real warehouse for the audit log.</summary>
public sealed class UsersPageTests
{
    private static DashboardContext Context(string culture = "zh-CN")
    {
        var context = new DashboardContext(culture);
        context.Warehouse.WithOrganisation(); // the district names the page offers
        context.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new AuthOptions
        {
            UsersFile = Path.Combine(context.Warehouse.Folder, "users.json"),
        }));
        context.Services.AddUserDatabase();
        context.Services.AddSingleton<AuditLog>();
        var auth = context.AddAuthorization();
        auth.SetAuthorized("admin-user");
        auth.SetRoles([.. Roles.Implied(Roles.Admin)]);
        using (var scope = context.Services.CreateScope()) scope.ServiceProvider.GetRequiredService<UsersDbContext>().Database.EnsureCreated();
        var accounts = context.Services.GetRequiredService<UserAccounts>();
        Task.Run(() => accounts.AddAsync("admin-user", Roles.Admin, "admin-password-1")).GetAwaiter().GetResult();
        return context;
    }

    private static string Row(IRenderedComponent<UsersPage> page, string user) => page.Find($"tr[data-user='{user}']").TextContent;

    [Fact]
    public async Task The_admin_adds_a_district_clerk_disables_them_and_changes_their_role()
    {
        using var context = Context();
        var page = context.Render<UsersPage>();

        page.Find("#new-user").Change("jj-clerk");
        page.Find("#new-role").Change(Roles.Clerk);
        page.Find("#new-district").Change("510104");
        page.Find("form").Submit();

        Assert.Contains("已添加 jj-clerk，初始密码：", page.Find("#users-message").TextContent);
        Assert.Contains("锦江区 510104", Row(page, "jj-clerk"));
        Assert.Equal(Roles.Clerk, page.Find("tr[data-user='jj-clerk'] select.role").GetAttribute("value"));
        Assert.Contains("区(市)县数据报送员", page.Find("tr[data-user='jj-clerk'] select.role option[selected]").TextContent);

        page.Find("tr[data-user='jj-clerk'] button.disable").Click();
        Assert.Contains("已停用", Row(page, "jj-clerk"));
        page.Find("tr[data-user='admin-user'] button.disable").Click();
        Assert.Equal("不能停用自己。", page.Find("#users-message").TextContent);

        page.Find("tr[data-user='jj-clerk'] select.role").Change(Roles.Planner);
        Assert.Contains("全市", Row(page, "jj-clerk"));
        var stored = (await context.Services.GetRequiredService<UserAccounts>().FindAsync("jj-clerk"))!;
        Assert.Equal((Roles.Planner, null, true), (stored.Role, stored.DistrictCode, stored.Disabled));
        Assert.Equal(3, context.Warehouse.Scalar("SELECT count(*) FROM audit_event WHERE user_name = 'admin-user' AND kind IN ('user_added', 'user_changed')"));
    }

    [Fact]
    public void A_bad_district_code_or_a_city_role_with_a_district_is_refused_in_the_current_language()
    {
        using var context = Context("en");
        var page = context.Render<UsersPage>();

        page.Find("#new-user").Change("someone");
        page.Find("#new-role").Change(Roles.Researcher);
        page.Find("#new-district").Change("510104");
        page.Find("form").Submit();
        Assert.StartsWith("Only leadership and clerks may be bound", page.Find("#users-message").TextContent);

        page.Find("#new-role").Change(Roles.Leadership);
        page.Find("#new-district").Change("5101");
        page.Find("form").Submit();
        Assert.Equal("A district code has 6 digits: 5101", page.Find("#users-message").TextContent);

        page.Find("#new-district").Change("510104");
        page.Find("form").Submit();
        page.Find("tr[data-user='someone'] input.district").Change("");
        page.Find("tr[data-user='someone'] button.save-district").Click();
        Assert.Contains("Whole city", Row(page, "someone"));
        page.Find("tr[data-user='someone'] button.reset").Click();
        Assert.StartsWith("New password of someone: ", page.Find("#users-message").TextContent);
    }
}
