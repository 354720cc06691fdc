using Analytics.Dashboards.Localization;
using Analytics.Dashboards.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Dashboards.Auth;

/// <summary>GET/POST /account/signin (a plain form, so the cookie is set by an HTTP response), POST /account/signout
/// (a form with its antiforgery token; GET only shows that form), GET /account/denied, and the password change.</summary>
internal static class AccountEndpoints
{
    public const string SignInPath = "/account/signin", SignOutPath = "/account/signout", DeniedPath = "/account/denied";

    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        app.MapGet(SignInPath, (HttpContext http, IAntiforgery antiforgery, UiText t, string? returnUrl) =>
            SignInPage(http, antiforgery, t, returnUrl, error: false)).AllowAnonymous();

        app.MapPost(SignInPath, async (HttpContext http, IAntiforgery antiforgery, UiText t, PasswordSignIn signIn,
            [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl) =>
            await signIn.SignInAsync(userName ?? "", password ?? "")
                ? Results.LocalRedirect(LocalUrl.OrRoot(returnUrl))
                : SignInPage(http, antiforgery, t, returnUrl, error: true)).AllowAnonymous();

        // A GET (an old bookmark, a link) does not sign out: it shows the button that does.
        app.MapGet(SignOutPath, (HttpContext http, IAntiforgery antiforgery, UiText t) => AccountHtml.Page(t, t["nav.sign_out"], $"""
            <form method="post" action="{SignOutPath}" class="signin">{AccountHtml.Antiforgery(http, antiforgery)}
              <button id="sign-out" type="submit">{AccountHtml.Encode(t["nav.sign_out"])}</button></form>
            <p><a href="/">{AccountHtml.Encode(t["account.back"])}</a></p>
            """)).AllowAnonymous();

        app.MapPost(SignOutPath, async (HttpContext http, SignInManager<DashboardUser> signIn, AuditLog audit, [FromForm] string? returnUrl) =>
        {
            if (http.User.Identity?.IsAuthenticated == true) audit.Record(http.User.Identity.Name, AuditLog.SignOut, "ok");
            await signIn.SignOutAsync();
            return Results.LocalRedirect(SignInPath);
        }).AllowAnonymous();

        app.MapGet(DeniedPath, (UiText t) => AccountHtml.Page(t, t["account.denied.title"],
            $"<p id=\"denied\">{AccountHtml.Encode(t["account.denied.text"])} <a href=\"/\">{AccountHtml.Encode(t["account.back"])}</a></p>",
            StatusCodes.Status403Forbidden)).AllowAnonymous();
        return app.MapPasswordChange();
    }

    private static IResult SignInPage(HttpContext http, IAntiforgery antiforgery, UiText t, string? returnUrl, bool error)
    {
        var e = AccountHtml.Encode;
        var body = $"""
            <form method="post" action="{SignInPath}" class="signin">
              {AccountHtml.Antiforgery(http, antiforgery)}
              <input type="hidden" name="returnUrl" value="{e(LocalUrl.OrRoot(returnUrl))}" />
              {(error ? $"<p class=\"error\" id=\"signin-error\">{e(t["account.signin.error"])}</p>" : "")}
              <label>{e(t["account.user_name"])} <input id="userName" name="userName" autocomplete="username" required /></label>
              <label>{e(t["account.password"])} <input id="password" name="password" type="password" autocomplete="current-password" required /></label>
              <button id="signin" type="submit">{e(t["account.signin"])}</button>
            </form>
            {AccountHtml.Languages(SignInPath)}
            """;
        return AccountHtml.Page(t, t["account.signin"], body, error ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }
}
