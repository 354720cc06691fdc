namespace Analytics.Dashboards.Quality;

public enum FreshnessLevel { Fresh, Warn, Error, Never }

/// <summary>How stale an extract kind is: the age of its last successful load against the configured limits.</summary>
internal static class Freshness
{
    public static (FreshnessLevel Level, TimeSpan? Age) Of(DateTime? lastLoadedAt, FreshnessLimits? limits, DateTime now)
    {
        if (lastLoadedAt is null) return (FreshnessLevel.Never, null);
        var age = now - lastLoadedAt.Value;
        if (limits is null) return (FreshnessLevel.Fresh, age);
        return (age >= limits.ErrorAfter ? FreshnessLevel.Error : age >= limits.WarnAfter ? FreshnessLevel.Warn : FreshnessLevel.Fresh, age);
    }
}
