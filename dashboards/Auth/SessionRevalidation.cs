using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboards.Auth;

/// <summary>
/// The Blazor circuit's sign-in, checked against the user database every Auth:SessionCheckInterval: when the user is gone,
/// disabled, or their security stamp changed (password reset or change, role or district change), the circuit's user
/// becomes anonymous, so its page shows the sign-in redirect instead of data.
/// </summary>
internal sealed class SessionRevalidation(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<AuthOptions> auth,
    IOptions<IdentityOptions> identity) : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => auth.Value.SessionCheckInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        await IsCurrentAsync(scopes, identity.Value, state.User);

    /// <summary>True when the principal's user exists, is enabled and still has the security stamp the principal carries.</summary>
    public static async Task<bool> IsCurrentAsync(IServiceScopeFactory scopes, IdentityOptions identity, ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return true;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = await users.GetUserAsync(principal);
        return user is { Disabled: false }
            && principal.FindFirstValue(identity.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
