namespace Analytics.Dashboards.Tests.Support;

/// <summary>A clock standing at one moment (local time = UTC here).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
