using Analytics.Dashboards.Audit;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Analytics.Dashboards.Auth;

internal static class AuthHostingExtensions
{
    /// <summary>Cookie sign-in, the role policies (a signed-in user is required everywhere by default), the users file and the first admin.</summary>
    public static WebApplicationBuilder AddDashboardAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.UsersFile), "Auth:UsersFile must name a file")
            .Validate(o => !string.IsNullOrWhiteSpace(o.AdminPasswordFile), "Auth:AdminPasswordFile must name a file")
            .ValidateOnStart();
        var lifetime = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>()?.SessionLifetime ?? TimeSpan.FromHours(8);
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.LoginPath = AccountEndpoints.SignInPath;
            options.AccessDeniedPath = AccountEndpoints.DeniedPath;
            options.Cookie.Name = "analytics.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.ExpireTimeSpan = lifetime;
            options.SlidingExpiration = true;
        });
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddHostedService<FirstAdmin>();
        return builder;
    }

    public static WebApplication UseDashboardAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
