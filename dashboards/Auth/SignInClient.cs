using System.Net;
using System.Text.RegularExpressions;

namespace Analytics.Dashboards.Auth;

/// <summary>Signs an HttpClient (with cookies) in through the real form, e.g. the page benchmark as the first-start admin.</summary>
internal static partial class SignInClient
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    public static async Task SignInAsync(HttpClient client, string user, string password)
    {
        var form = await client.GetStringAsync(AccountEndpoints.SignInPath);
        using var response = await client.PostAsync(AccountEndpoints.SignInPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value),
            ["userName"] = user, ["password"] = password, ["returnUrl"] = "/",
        }));
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in as {user} failed: {(int)response.StatusCode}");
    }
}
