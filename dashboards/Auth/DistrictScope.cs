using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Analytics.Dashboards.Auth;

/// <summary>
/// What part of the city a signed-in user may see: the whole city (<see cref="Code"/> null) or one 区(市)县 (its 6-digit
/// code, from the user's district claim). The one place that turns a user into a scope: pages (through WarehousePage),
/// drill-downs, charts and exports ask it, and narrow their SQL with the code as a <c>$district</c> parameter. A user
/// bound to a district asking for another one gets their own district (page filters) or a refusal (drill-down routes
/// and export URLs); nothing relies on hiding links.
/// </summary>
public sealed record DistrictScope(string? Code)
{
    /// <summary>No restriction: the city roles, and leadership or clerks not bound to a district.</summary>
    public static readonly DistrictScope City = new((string?)null);

    /// <summary>Fail-closed scope for a principal that cannot be read: no unit code starts with it.</summary>
    public static readonly DistrictScope Nowhere = new("-");

    public bool IsCityWide => Code is null;

    public static DistrictScope Of(ClaimsPrincipal? user) => user?.Identity?.IsAuthenticated == true
        ? user.DistrictCode() is { Length: > 0 } code ? new DistrictScope(code) : City
        : Nowhere;

    /// <summary>The district to show for a request asking for <paramref name="requested"/> (null: the whole city):
    /// a bound user always gets their own district, a city user what they asked for.</summary>
    public string? Narrow(string? requested) => Code ?? (string.IsNullOrWhiteSpace(requested) ? null : requested.Trim());

    /// <summary>True when the unit (any level: 6-, 9- or 12-digit code) lies inside the scope.</summary>
    public bool Allows(string? unitCode) =>
        Code is null || (unitCode is not null && unitCode.StartsWith(Code, StringComparison.Ordinal) && Code.Length == 6);

    /// <summary>True when an explicit request for a district (null/empty: the default) may be answered as asked.</summary>
    public bool AllowsRequest(string? requestedDistrict) =>
        string.IsNullOrWhiteSpace(requestedDistrict) || Allows(requestedDistrict.Trim());
}

/// <summary>The signed-in user's scope inside a Blazor render (prerender and circuit: the same principal the hub was
/// authorised with, revalidated by <see cref="SessionRevalidation"/>). Scoped, one per circuit.</summary>
internal sealed class CurrentDistrictScope(AuthenticationStateProvider authentication)
{
    public DistrictScope Get()
    {
        // The server providers hold a completed task; anything else is read as no access at all (fail closed).
        var state = authentication.GetAuthenticationStateAsync();
        return state.IsCompletedSuccessfully ? DistrictScope.Of(state.Result.User) : DistrictScope.Nowhere;
    }
}

internal static class DistrictScopeExtensions
{
    /// <summary>The scope of an HTTP request's user (exports and endpoints).</summary>
    public static DistrictScope UserScope(this HttpContext http) => DistrictScope.Of(http.User);
}
