using System.Threading.RateLimiting;
using Analytics.Dashboards.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboards.Auth;

/// <summary>
/// The ASP.NET rate limiter on the password forms (POST /account/signin and /account/password): a fixed window per
/// client address and one per user name typed (Auth:SignInRateLimit). Past either limit the answer is 429 with a
/// message in the current language; other requests are not limited.
/// </summary>
internal static class SignInRateLimit
{
    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AuthOptions>>((limiter, auth) =>
        {
            var limits = auth.Value.SignInRateLimit;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.ContentType = "text/plain; charset=utf-8";
                var text = rejected.HttpContext.RequestServices.GetRequiredService<UiText>();
                return new ValueTask(response.WriteAsync(text["account.rate_limited"], cancellationToken));
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Limit(limits, limits.PerAddress, http => "address:" + http.Connection.RemoteIpAddress),
                Limit(limits, limits.PerUserName, http => "user:" + TypedUserName(http)));
        });
        return services;
    }

    /// <summary>Reads the form of a guarded POST before the limiter, so the limiter can partition by the typed user name.</summary>
    public static WebApplication UseSignInRateLimit(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (IsGuarded(http) && http.Request.HasFormContentType) await http.Request.ReadFormAsync(http.RequestAborted);
            await next(http);
        });
        app.UseRateLimiter();
        return app;
    }

    private static bool IsGuarded(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method)
        && (http.Request.Path.Equals(AccountEndpoints.SignInPath, StringComparison.OrdinalIgnoreCase)
            || http.Request.Path.Equals(PasswordEndpoints.Path, StringComparison.OrdinalIgnoreCase));

    private static string TypedUserName(HttpContext http)
    {
        var typed = http.User.Identity?.IsAuthenticated == true && http.Request.Path.Equals(PasswordEndpoints.Path, StringComparison.OrdinalIgnoreCase)
            ? http.User.Identity.Name
            : http.Request.HasFormContentType ? http.Request.Form["userName"].ToString() : "";
        typed = (typed ?? "").Trim().ToUpperInvariant();
        return typed.Length > 64 ? typed[..64] : typed;
    }

    private static PartitionedRateLimiter<HttpContext> Limit(SignInRateLimitSettings limits, int permits, Func<HttpContext, string> key) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http => IsGuarded(http)
            ? RateLimitPartition.GetFixedWindowLimiter(key(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits, Window = limits.Window, QueueLimit = 0, AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(""));
}
