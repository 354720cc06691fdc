using Microsoft.Playwright;

namespace Analytics.Dashboards.Tests.Browser;

/// <summary>Browser steps shared by the page tests.</summary>
internal static class PageActions
{
    /// <summary>
    /// Chooses an option of a filter and waits until the URL carries it. A change that reaches the page while Blazor is
    /// still wiring the circuit (or re-rendering after a background load) can be dropped, as it would be for a person,
    /// who would simply choose again: so does this, up to three times, before it fails.
    /// </summary>
    public static async Task SelectUntilUrlAsync(IPage page, string selector, string value, string urlGlob)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.SelectOptionAsync(selector, value);
            try
            {
                await page.WaitForURLAsync(urlGlob, new() { Timeout = 15_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                await page.WaitForSelectorAsync("#app-root[data-interactive=true]", new() { Timeout = 30_000 });
            }
        }
    }
}
