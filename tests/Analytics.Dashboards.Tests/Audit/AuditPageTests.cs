using Analytics.Dashboards.Audit;
using Analytics.Dashboards.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Dashboards.Tests.Audit;

/// <summary>The audit page shows kinds and outcomes in the current language (a code it does not know, as stored).</summary>
public sealed class AuditPageTests
{
    private static void Seed(DashboardContext context)
    {
        context.Services.AddSingleton<AuditLog>();
        using var connection = context.Warehouse.Connections.Open();
        foreach (var (user, kind, outcome) in new[]
                 {
                     ("someone", AuditLog.SignInFailed, "unknown_user"), ("planner-user", AuditLog.Lockout, "locked"),
                     ("admin", AuditLog.Export, "ok"), ("admin", "kind_of_a_newer_version", "ok"),
                 })
            Analytics.Warehouse.Audit.AuditTrail.Record(connection, TimeProvider.System, user, kind, outcome, "detail");
    }

    [Fact]
    public void Kinds_and_outcomes_are_chinese_in_the_chinese_ui()
    {
        using var context = new DashboardContext();
        Seed(context);

        var page = context.Render<AuditPage>();

        var kinds = page.FindAll("#audit td.kind").Select(c => c.TextContent).ToList();
        Assert.Equal(["kind_of_a_newer_version", "导出下载", "账户锁定", "登录失败"], kinds);
        Assert.Contains("未知用户", page.FindAll("#audit td.outcome").Select(c => c.TextContent));
        Assert.Contains("账户锁定", page.FindAll("#audit-kind option").Select(o => o.TextContent));
        Assert.Contains("数据报送", page.FindAll("#audit-kind option").Select(o => o.TextContent)); // the clerks' submissions are a kind of their own
        Assert.Equal("审计日志", page.Find("h1").TextContent);
        Assert.DoesNotContain("sign_in_failed", page.Find("#audit tbody").TextContent);
    }

    [Fact]
    public void Kinds_are_english_after_the_switch()
    {
        using var context = new DashboardContext("en");
        Seed(context);

        var page = context.Render<AuditPage>();

        Assert.Contains("Account locked", page.FindAll("#audit td.kind").Select(c => c.TextContent));
        Assert.Contains("unknown user", page.FindAll("#audit td.outcome").Select(c => c.TextContent));
        Assert.Equal("Audit log", page.Find("h1").TextContent);
    }
}
