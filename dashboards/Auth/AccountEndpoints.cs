using System.Security.Claims;
using System.Text.Encodings.Web;
using Analytics.Dashboards.Audit;
using Analytics.Dashboards.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Dashboards.Auth;

/// <summary>GET/POST /account/signin (a plain form, so the cookie is set by an HTTP response), /account/signout, /account/denied.</summary>
internal static class AccountEndpoints
{
    public const string SignInPath = "/account/signin", SignOutPath = "/account/signout", DeniedPath = "/account/denied";

    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        app.MapGet(SignInPath, (HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
            Page(http, antiforgery, returnUrl, error: false)).AllowAnonymous();

        app.MapPost(SignInPath, async (HttpContext http, IAntiforgery antiforgery, UserStore users, AuditLog audit,
            [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl) =>
        {
            var user = users.Verify(userName ?? "", password ?? "");
            if (user is null)
            {
                audit.Record(userName, AuditLog.SignInFailed, "denied");
                return Page(http, antiforgery, returnUrl, error: true);
            }
            var claims = new List<Claim> { new(ClaimTypes.Name, user.UserName) };
            claims.AddRange(Roles.Implied(user.Role).Select(r => new Claim(ClaimTypes.Role, r)));
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
            audit.Record(user.UserName, AuditLog.SignIn, "ok", $"role={user.Role}");
            return Results.LocalRedirect(SafeReturn(returnUrl));
        }).AllowAnonymous();

        app.MapGet(SignOutPath, async (HttpContext http, AuditLog audit) =>
        {
            if (http.User.Identity?.IsAuthenticated == true) audit.Record(http.User.Identity.Name, AuditLog.SignOut, "ok");
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(SignInPath);
        }).AllowAnonymous();

        app.MapGet(DeniedPath, () => Results.Content(Html(
            UiText.IsChinese ? "无权访问" : "Access denied",
            UiText.IsChinese ? "<p id=\"denied\">您的角色无权访问该页面。<a href=\"/\">返回总览</a></p>"
                             : "<p id=\"denied\">Your role may not open that page. <a href=\"/\">Back to the overview</a></p>"),
            "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden)).AllowAnonymous();
        return app;
    }

    private static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string? returnUrl, bool error)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var e = HtmlEncoder.Default;
        var zh = UiText.IsChinese;
        var body = $"""
            <form method="post" action="{SignInPath}" class="signin">
              <input type="hidden" name="{e.Encode(tokens.FormFieldName)}" value="{e.Encode(tokens.RequestToken ?? "")}" />
              <input type="hidden" name="returnUrl" value="{e.Encode(SafeReturn(returnUrl))}" />
              {(error ? $"<p class=\"error\" id=\"signin-error\">{(zh ? "用户名或密码不正确。" : "Wrong user name or password.")}</p>" : "")}
              <label>{(zh ? "用户名" : "User name")} <input id="userName" name="userName" autocomplete="username" required /></label>
              <label>{(zh ? "密码" : "Password")} <input id="password" name="password" type="password" autocomplete="current-password" required /></label>
              <button id="signin" type="submit">{(zh ? "登录" : "Sign in")}</button>
            </form>
            <p class="language"><a href="/culture/set?culture=zh-CN&amp;redirectUri={SignInPath}">中文</a> · <a href="/culture/set?culture=en&amp;redirectUri={SignInPath}">English</a></p>
            """;
        return Results.Content(Html(zh ? "登录" : "Sign in", body), "text/html; charset=utf-8",
            statusCode: error ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }

    private static string Html(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="{(UiText.IsChinese ? "zh-CN" : "en")}"><head><meta charset="utf-8" /><title>{title} · {(UiText.IsChinese ? "成都市社区社会工作人才" : "Chengdu community social work")}</title>
        <link rel="stylesheet" href="/app.css" /></head>
        <body><main class="account"><p class="product">{(UiText.IsChinese ? "成都市社区社会工作专业人才数据看板" : "Chengdu community social-work workforce dashboard")}</p><h1>{title}</h1>{body}</main></body></html>
        """;
}
