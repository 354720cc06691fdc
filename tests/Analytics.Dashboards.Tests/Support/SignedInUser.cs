using System.Security.Claims;
using Analytics.Dashboards.Auth;
using Microsoft.AspNetCore.Components.Authorization;

namespace Analytics.Dashboards.Tests.Support;

/// <summary>The bUnit context's signed-in user: a city-wide leader unless a test binds it to a district.</summary>
internal sealed class SignedInUser : AuthenticationStateProvider
{
    private ClaimsPrincipal user = Principal(null);

    public static ClaimsPrincipal Principal(string? district)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, "test-user"), new(ClaimTypes.Role, Roles.Leadership) };
        if (district is not null) claims.Add(new Claim(DashboardClaims.District, district));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    /// <summary>Binds the user to the 区(市)县 (null: the whole city).</summary>
    public void BindTo(string? district) => user = Principal(district);

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
}
