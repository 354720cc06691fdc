using Microsoft.AspNetCore.Authorization;
using System.Security.Claims;

namespace Analytics.Dashboards.Auth;

/// <summary>
/// The five roles: 领导 leadership (dashboards), 区(市)县数据报送员 clerk (dashboards + submitting extracts),
/// 规划 planner (+ forecasts, scenarios, exports), 研究 researcher (+ SQL console), 管理员 admin (everything: data quality
/// details, users, targets, audit log, and what a clerk may do). A signed-in user carries a role claim for their role and
/// every role it includes, so a policy names one role.
/// </summary>
internal static class Roles
{
    public const string Leadership = "leadership", Clerk = "clerk", Planner = "planner", Researcher = "researcher", Admin = "admin";

    /// <summary>From the least to the most: a user's own role is the last of these it holds.</summary>
    public static readonly IReadOnlyList<string> All = [Leadership, Clerk, Planner, Researcher, Admin];

    public static bool IsRole(string? role) => role is not null && All.Contains(role);

    /// <summary>The role and every role it includes.</summary>
    public static IReadOnlyList<string> Implied(string role) => role switch
    {
        Leadership => [Leadership],
        Clerk => [Leadership, Clerk],
        Planner => [Leadership, Planner],
        Researcher => [Leadership, Planner, Researcher],
        Admin => All,
        _ => [],
    };

    /// <summary>Leadership and clerks may be bound to one 区(市)县; the city roles (planner, researcher, admin) see the whole city.</summary>
    public static bool MayHaveDistrict(string role) => role is Leadership or Clerk;

    /// <summary>The UI string key of the role's name (zh-CN / en in UiStrings.Auth.cs).</summary>
    public static string TextKey(string role) => "role." + role;
}

/// <summary>The authorization policies: one per role (its holders and every role that includes it).</summary>
internal static class Policies
{
    public const string Dashboards = "dashboards", Clerk = "clerk", Planner = "planner", Researcher = "researcher", Admin = "admin";

    /// <summary>A clerk of the whole city (not bound to a district) or an admin: the submission status of every district.</summary>
    public const string CityClerk = "city-clerk";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Dashboards, p => p.RequireAuthenticatedUser().RequireRole(Roles.Leadership));
        options.AddPolicy(Clerk, p => p.RequireAuthenticatedUser().RequireRole(Roles.Clerk));
        options.AddPolicy(CityClerk, p => p.RequireAuthenticatedUser().RequireRole(Roles.Clerk).RequireAssertion(c => c.User.IsCityWide()));
        // The city roles' pages (forecast, SQL console, data quality, users, audit) see the whole city: a principal bound to
        // a district never passes them, even if a role and a district claim were ever combined (DistrictScope.cs).
        options.AddPolicy(Planner, p => p.RequireAuthenticatedUser().RequireRole(Roles.Planner).RequireAssertion(c => c.User.IsCityWide()));
        options.AddPolicy(Researcher, p => p.RequireAuthenticatedUser().RequireRole(Roles.Researcher).RequireAssertion(c => c.User.IsCityWide()));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin).RequireAssertion(c => c.User.IsCityWide()));
        // Anything without its own policy still needs a signed-in user (sign-in, culture switch and assets opt out).
        options.FallbackPolicy = options.GetPolicy(Dashboards);
    }

    /// <summary>The user's own role (the highest it holds).</summary>
    public static string? RoleOf(ClaimsPrincipal user) => Roles.All.LastOrDefault(user.IsInRole);
}
