using System.Text.Encodings.Web;
using System.Text.Unicode;
using Analytics.Dashboards.Localization;
using Microsoft.AspNetCore.Antiforgery;

namespace Analytics.Dashboards.Auth;

/// <summary>The plain HTML of the account forms (sign-in, password change, denied): server-rendered, so the cookie is
/// set by an HTTP response; no script; every text through UiText.</summary>
internal static class AccountHtml
{
    /// <summary>Encodes markup characters but leaves Chinese text readable in the page source.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string text) => Encoder.Encode(text);

    public static IResult Page(UiText t, string title, string body, int statusCode = StatusCodes.Status200OK) => Results.Content($"""
        <!DOCTYPE html>
        <html lang="{(UiText.IsChinese ? "zh-CN" : "en")}"><head><meta charset="utf-8" /><title>{Encode(title)} · {Encode(t["app.title"])}</title>
        <link rel="stylesheet" href="/app.css" /></head>
        <body><main class="account"><p class="product">{Encode(t["account.product"])}</p><h1>{Encode(title)}</h1>{body}</main></body></html>
        """, "text/html; charset=utf-8", statusCode: statusCode);

    /// <summary>The antiforgery hidden field of a form.</summary>
    public static string Antiforgery(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{Encode(tokens.FormFieldName)}\" value=\"{Encode(tokens.RequestToken ?? "")}\" />";
    }

    /// <summary>The language links, back to the given page.</summary>
    public static string Languages(string path) =>
        $"<p class=\"language\"><a id=\"lang-zh\" href=\"/culture/set?culture=zh-CN&amp;redirectUri={Uri.EscapeDataString(path)}\">中文</a> · " +
        $"<a id=\"lang-en\" href=\"/culture/set?culture=en&amp;redirectUri={Uri.EscapeDataString(path)}\">English</a></p>";
}
