namespace Analytics.Dashboards.Tests.Browser;

/// <summary>A browser test: skipped, with the reason, when no Chromium is found (env ANALYTICS_CHROMIUM, else /usr/bin/chromium).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("ANALYTICS_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
            Skip = $"No Chromium at {ExecutablePath} (set ANALYTICS_CHROMIUM, or apt-get install chromium)";
    }
}
