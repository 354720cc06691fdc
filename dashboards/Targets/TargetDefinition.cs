namespace Analytics.Dashboards.Targets;

/// <summary>A text in both languages.</summary>
internal sealed record Bilingual(string Zh, string En);

/// <summary>
/// One row of targets.json. Threshold is the share (0..1) the indicator must reach; coverage-only rows have none.
/// Source: "policy" (fixed by the policy text, including the 2022 post minimums repeated as standing targets in later
/// years) or "planner" (a planner-set threshold for a worded 2025 aim).
/// </summary>
internal sealed record TargetDefinition(
    string Id, int Year, string Indicator, string Source, double? Threshold, bool CoverageOnly,
    Bilingual Name, Bilingual Rule, Bilingual Basis)
{
    public bool IsPlannerSet => Source == TargetIndicators.Planner;
}

/// <summary>The indicators the dashboard can measure (each from the metric SQL), and the two sources.</summary>
internal static class TargetIndicators
{
    public const string Policy = "policy";
    public const string Planner = "planner";

    public const string UnitPosts = "unit_posts";
    public const string DemoSites = "demo_sites";
    public const string TownCentreCoverage = "town_centre_coverage";
    public const string AppraisalCoverage = "appraisal_coverage";
    public const string ProfessionalShare = "professional_share";

    public static readonly IReadOnlyList<string> All = [UnitPosts, DemoSites, TownCentreCoverage, AppraisalCoverage, ProfessionalShare];

    /// <summary>The 2022 policy rows that must be present, and their fixed thresholds (null: coverage only).</summary>
    public static readonly IReadOnlyDictionary<string, double?> Fixed2022 = new Dictionary<string, double?>
    {
        [UnitPosts] = 1.0,
        [DemoSites] = 1.0,
        [TownCentreCoverage] = null,
        [AppraisalCoverage] = 1.0,
    };

    /// <summary>
    /// The 2022 post minimums (社区 2, 建制村 1 qualified posts): standing targets, in force at every later date, so every
    /// later target year must list them too, as policy rows with the 2022 threshold (METRICS.md, "The 2025 targets").
    /// </summary>
    public static readonly IReadOnlyList<string> Standing = [UnitPosts];
}
