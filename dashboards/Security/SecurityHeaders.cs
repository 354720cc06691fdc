namespace Analytics.Dashboards.Security;

/// <summary>
/// Security headers on every response (pages, the sign-in form, exports, static files, errors). The Content-Security-Policy
/// allows scripts from this site only: Blazor (blazor.web.js) and the SQL console's editor (BlazorMonaco's loader and
/// editor files under _content/, its web worker and icon font too) are served from here and need neither inline script
/// nor eval. Monaco and Blazor's reconnect dialog set inline styles ('unsafe-inline' for styles only); charts are data:
/// images. The browser test SessionBrowserTests fails on any Content-Security-Policy report in the console.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return next(http);
        });
        return app;
    }
}
