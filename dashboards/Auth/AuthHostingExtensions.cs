using Analytics.Dashboards.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboards.Auth;

internal static class AuthHostingExtensions
{
    /// <summary>
    /// ASP.NET Core Identity with its EF Core SQLite store (Auth:UsersDatabase): cookie sign-in, lockout, security stamp
    /// checked every Auth:SessionCheckInterval on cookies and Blazor circuits; the role policies (a signed-in user is
    /// required everywhere by default); the sign-in rate limiter; the first admin and the import of the old users file.
    /// </summary>
    public static WebApplicationBuilder AddDashboardAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section)).ValidateOnStart();

        services.AddUserDatabase();
        services.AddAuthentication(o =>
        {
            o.DefaultScheme = IdentityConstants.ApplicationScheme;
            o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        }).AddIdentityCookies();
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<AuthOptions>, TimeProvider>((stamp, auth, clock) =>
        {
            stamp.ValidationInterval = auth.Value.SessionCheckInterval;
            stamp.TimeProvider = clock;
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<AuthOptions>>((cookie, auth) =>
        {
            cookie.LoginPath = AccountEndpoints.SignInPath;
            cookie.AccessDeniedPath = AccountEndpoints.DeniedPath;
            cookie.ReturnUrlParameter = "returnUrl"; // as RedirectToSignIn writes it
            cookie.Cookie.Name = "analytics.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = auth.Value.SessionLifetime;
            cookie.SlidingExpiration = true;
        });

        services.AddAuthorization(Policies.Add);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        services.AddScoped<CurrentDistrictScope>();
        services.AddSignInRateLimit();
        services.AddSingleton<UnknownUserPassword>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<AuditLog>();
        services.AddHostedService<FirstAdmin>();
        return builder;
    }

    /// <summary>The user database (EF Core SQLite at Auth:UsersDatabase), Identity's UserManager and SignInManager over it with
    /// the dashboard's rules (password, lockout, disabled users), and the UserAccounts façade. Needs AuthOptions.</summary>
    public static IServiceCollection AddUserDatabase(this IServiceCollection services)
    {
        services.AddDbContext<UsersDbContext>((sp, db) => db.UseSqlite(
            new SqliteConnectionStringBuilder { DataSource = sp.GetRequiredService<IOptions<AuthOptions>>().Value.UsersDatabasePath }.ToString()));
        services.AddIdentityCore<DashboardUser>()
            .AddEntityFrameworkStores<UsersDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<DashboardClaimsFactory>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AuthOptions>>((identity, auth) =>
        {
            identity.User.AllowedUserNameCharacters = ""; // Chinese names too; UserAccounts checks length and spaces.
            identity.Password.RequiredLength = PasswordRules.MinLength;
            identity.Password.RequiredUniqueChars = PasswordRules.MinDistinct;
            (identity.Password.RequireDigit, identity.Password.RequireLowercase, identity.Password.RequireUppercase, identity.Password.RequireNonAlphanumeric) =
                (false, false, false, false);
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = auth.Value.Lockout.MaxFailedAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = auth.Value.Lockout.Duration;
            identity.SignIn.RequireConfirmedAccount = true; // "confirmed" = not disabled, see EnabledUserConfirmation
        });
        services.AddScoped<IUserConfirmation<DashboardUser>, EnabledUserConfirmation>();
        services.AddSingleton<UserAccounts>();
        return services;
    }

    /// <summary>Security headers, authentication, the sign-in rate limiter, authorization and the audit of downloads.</summary>
    public static WebApplication UseDashboardAuth(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseSignInRateLimit();
        app.UseAuthorization();
        app.UseDownloadAudit();
        return app;
    }
}
