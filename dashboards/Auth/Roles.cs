using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Analytics.Dashboards.Auth;

/// <summary>
/// The four roles, each including the ones before it: 领导 leadership (dashboards), 规划 planner (+ forecasts,
/// scenarios, exports), 研究 researcher (+ SQL console), 管理员 admin (+ data quality details, users, targets, job runs).
/// A signed-in user carries a role claim for their role and every role it includes, so a policy names one role.
/// </summary>
internal static class Roles
{
    public const string Leadership = "leadership", Planner = "planner", Researcher = "researcher", Admin = "admin";

    /// <summary>In order: each role includes every role before it.</summary>
    public static readonly IReadOnlyList<string> All = [Leadership, Planner, Researcher, Admin];

    public static bool IsRole(string? role) => role is not null && All.Contains(role);

    /// <summary>The role and every role it includes.</summary>
    public static IEnumerable<string> Implied(string role) => All.Take(All.ToList().IndexOf(role) + 1);

    public static string Chinese(string role) => role switch
    {
        Leadership => "领导",
        Planner => "规划",
        Researcher => "研究",
        Admin => "管理员",
        _ => role,
    };
}

/// <summary>The authorization policies: one per role (its holders and every role above it).</summary>
internal static class Policies
{
    public const string Dashboards = "dashboards", Planner = "planner", Researcher = "researcher", Admin = "admin";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Dashboards, p => p.RequireAuthenticatedUser().RequireRole(Roles.Leadership));
        options.AddPolicy(Planner, p => p.RequireAuthenticatedUser().RequireRole(Roles.Planner));
        options.AddPolicy(Researcher, p => p.RequireAuthenticatedUser().RequireRole(Roles.Researcher));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        // Anything without its own policy still needs a signed-in user (sign-in, culture switch and assets opt out).
        options.FallbackPolicy = options.GetPolicy(Dashboards);
    }

    /// <summary>The user's own role (the highest it holds).</summary>
    public static string? RoleOf(ClaimsPrincipal user) => Roles.All.LastOrDefault(user.IsInRole);
}
