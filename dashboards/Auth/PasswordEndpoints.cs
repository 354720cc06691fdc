using System.Security.Claims;
using Analytics.Dashboards.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Dashboards.Auth;

/// <summary>
/// GET/POST /account/password: a signed-in user changes their own password (the current one, the new one twice). On
/// success the security stamp changes, which ends the user's other sessions, and this session gets a fresh cookie.
/// </summary>
internal static class PasswordEndpoints
{
    public const string Path = "/account/password";

    public static WebApplication MapPasswordChange(this WebApplication app)
    {
        app.MapGet(Path, (HttpContext http, IAntiforgery antiforgery, UiText t) => Page(http, antiforgery, t, null, error: false))
            .RequireAuthorization(Policies.Dashboards);

        app.MapPost(Path, async (HttpContext http, IAntiforgery antiforgery, UiText t, ClaimsPrincipal principal,
            SignInManager<DashboardUser> signIn, AuditLog audit,
            [FromForm] string? current, [FromForm] string? password, [FromForm] string? confirm) =>
        {
            var users = signIn.UserManager;
            var user = await users.GetUserAsync(principal);
            if (user is null) return Results.LocalRedirect(AccountEndpoints.SignInPath);
            string? problem = password != confirm ? "password.mismatch" : PasswordRules.Problem(password ?? "");
            if (problem is null)
            {
                var result = await users.ChangePasswordAsync(user, current ?? "", password!);
                problem = result.Succeeded ? null
                    : result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)) ? "password.wrong_current" : "password.too_weak";
            }
            audit.Record(user.UserName, AuditLog.PasswordChanged, problem is null ? "ok" : "denied", problem);
            if (problem is not null) return Page(http, antiforgery, t, problem, error: true);
            await signIn.RefreshSignInAsync(user);
            return Page(http, antiforgery, t, "password.changed", error: false);
        }).RequireAuthorization(Policies.Dashboards);
        return app;
    }

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, UiText t, string? messageKey, bool error)
    {
        var e = AccountHtml.Encode;
        var message = messageKey is null ? ""
            : $"<p class=\"{(error ? "error" : "notice")}\" id=\"password-message\">{e(t.Format(messageKey, PasswordRules.MinLength))}</p>";
        var body = $"""
            <p class="note">{e(t.Format("password.signed_in_as", http.User.Identity?.Name ?? ""))}</p>
            {message}
            <form method="post" action="{Path}" class="signin">
              {AccountHtml.Antiforgery(http, antiforgery)}
              <label>{e(t["password.current"])} <input id="current" name="current" type="password" autocomplete="current-password" required /></label>
              <label>{e(t.Format("password.new", PasswordRules.MinLength))} <input id="new-password" name="password" type="password" autocomplete="new-password" required minlength="{PasswordRules.MinLength}" /></label>
              <label>{e(t["password.confirm"])} <input id="confirm" name="confirm" type="password" autocomplete="new-password" required /></label>
              <button id="change-password" type="submit">{e(t["password.submit"])}</button>
            </form>
            <p><a id="back" href="/">{e(t["account.back"])}</a></p>
            {AccountHtml.Languages(Path)}
            """;
        return AccountHtml.Page(t, t["password.title"], body, error ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }
}
