using System.Globalization;

namespace Analytics.Etl.Forecasting;

/// <summary>
/// What a planner assumes for the projection years. Empty/zero = carry recent history forward.
/// </summary>
/// <param name="PostsApprovedPerYear">Posts approved per year (岗位/年), by district code; a district not listed keeps its
/// recent mean (the last three years with an approval; a year not yet approved is left out, never counted as zero).</param>
/// <param name="PassRateChange">Relative change of qualified posts gained through exam passes (0.2 = a fifth more).</param>
/// <param name="AttritionChange">Relative change of qualified posts lost (−0.2 = a fifth fewer).</param>
public sealed record ScenarioAssumptions(
    IReadOnlyDictionary<string, int> PostsApprovedPerYear, double PassRateChange, double AttritionChange)
{
    public static ScenarioAssumptions Baseline { get; } = new(new Dictionary<string, int>(), 0, 0);

    /// <summary>The district's approvals per year under this scenario (its recent mean when not set).</summary>
    public double ApprovalsFor(string district, double recentMean) =>
        PostsApprovedPerYear.TryGetValue(district, out var approved) ? approved : recentMean;

    /// <summary>A one-line description in Chinese (the export and the CLI).</summary>
    public string DescribeZh() => string.Create(CultureInfo.InvariantCulture,
        $"{Approvals("各区按近三年已审定年度的平均审定岗位数", "每年审定岗位（岗位/年）")}；考试通过带来的达标岗位变化 {PassRateChange:+0%;-0%;0%}；流失变化 {AttritionChange:+0%;-0%;0%}");

    /// <summary>The same in English.</summary>
    public string DescribeEn() => string.Create(CultureInfo.InvariantCulture,
        $"{Approvals("approvals at each district's recent mean (last three approved years)", "approvals (posts/year)")}; exam passes {PassRateChange:+0%;-0%;0%}; attrition {AttritionChange:+0%;-0%;0%}");

    private string Approvals(string none, string label) => PostsApprovedPerYear.Count == 0
        ? none
        : label + " " + string.Join(", ", PostsApprovedPerYear.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    /// <summary>Same assumptions (the page's "modified, not saved" test).</summary>
    public bool SameAs(ScenarioAssumptions other) =>
        PassRateChange.Equals(other.PassRateChange) && AttritionChange.Equals(other.AttritionChange)
        && PostsApprovedPerYear.Count == other.PostsApprovedPerYear.Count
        && PostsApprovedPerYear.All(p => other.PostsApprovedPerYear.TryGetValue(p.Key, out var v) && v == p.Value);

    /// <summary>"510104=30,510105=12" (the CLI's --approve and the export link's approve=).</summary>
    public static Dictionary<string, int> ParseApprovals(string text) =>
        text.Split([',', ';', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2, StringSplitOptions.TrimEntries))
            .ToDictionary(p => p[0], p => Math.Max(0, int.Parse(p[1], NumberStyles.Integer, CultureInfo.InvariantCulture)), StringComparer.Ordinal);

    public string FormatApprovals() =>
        string.Join(",", PostsApprovedPerYear.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value}")));
}
