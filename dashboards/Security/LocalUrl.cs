namespace Analytics.Dashboards.Security;

/// <summary>
/// Where a redirect after sign-in or a language switch may go: a path of this site, by the same rule as ASP.NET Core's
/// IsLocalUrl (starts with one "/", not "//" or "/\", no control character anywhere), else the overview "/". So a hostile
/// returnUrl (a tab, "/\x", "//evil", "https://...") ends on a safe page, never in an error.
/// </summary>
internal static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary>The URL when it is local, else "/".</summary>
    public static string OrRoot(string? url) => IsLocal(url) ? url! : "/";
}
