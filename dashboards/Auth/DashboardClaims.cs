using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboards.Auth;

/// <summary>The dashboard's own claims and how pages and endpoints read them from the signed-in user.</summary>
internal static class DashboardClaims
{
    /// <summary>The claim carrying the 6-digit code of the 区(市)县 a user is bound to (absent: the whole city).</summary>
    public const string District = "district";

    /// <summary>The 区(市)县 code the user is bound to, or null when the user sees the whole city.</summary>
    public static string? DistrictCode(this ClaimsPrincipal user) => user.FindFirst(District)?.Value;

    /// <summary>True when the user is not bound to a 区(市)县.</summary>
    public static bool IsCityWide(this ClaimsPrincipal user) => user.DistrictCode() is null;
}

/// <summary>The signed-in principal: Identity's (name, id, security stamp) plus a role claim for the role and every role
/// it includes, and the district claim when the user is bound to one.</summary>
internal sealed class DashboardClaimsFactory(UserManager<DashboardUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<DashboardUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(DashboardUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaims(Roles.Implied(user.Role).Select(r => new Claim(Options.ClaimsIdentity.RoleClaimType, r)));
        if (user.DistrictCode is { Length: > 0 } district) identity.AddClaim(new Claim(DashboardClaims.District, district));
        return identity;
    }
}
