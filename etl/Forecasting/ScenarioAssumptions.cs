namespace Analytics.Etl.Forecasting;

/// <summary>
/// What a planner assumes for the projection years. Empty/zero = carry recent history forward.
/// </summary>
/// <param name="PostsApprovedPerYear">Posts approved per year, by district code; a district not listed keeps its
/// recent mean (last three years).</param>
/// <param name="PassRateChange">Added to each district's last observed exam pass rate (e.g. 0.05 = five points more).</param>
/// <param name="AttritionChange">Relative change of leaving (e.g. -0.2 = a fifth fewer leavers).</param>
internal sealed record ScenarioAssumptions(
    IReadOnlyDictionary<string, int> PostsApprovedPerYear, double PassRateChange, double AttritionChange)
{
    public static ScenarioAssumptions Baseline { get; } = new(new Dictionary<string, int>(), 0, 0);

    public double ApprovedPostsFor(DistrictSeries district) =>
        PostsApprovedPerYear.TryGetValue(district.DistrictCode, out var approved) ? approved : district.RecentApprovedPosts;

    /// <summary>A one-line description for export headers and logs.</summary>
    public string Describe()
    {
        var posts = PostsApprovedPerYear.Count == 0
            ? "各区按近三年平均审定岗位 / approvals at each district's recent mean"
            : "审定岗位/年 approvals per year: " + string.Join(", ", PostsApprovedPerYear.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        return FormattableString.Invariant(
            $"{posts}; 通过率变化 pass-rate change {PassRateChange:+0.###;-0.###;0}; 流失变化 attrition change {AttritionChange:+0.###;-0.###;0}");
    }
}
