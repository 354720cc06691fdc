namespace Analytics.Warehouse.Schema;

/// <summary>
/// The social-work certificate levels, lowest first (exam_result.level); exam_result.level_rank is the 1-based
/// position in this list. The one list of them: the exam extract's rules, the loader and the demo generator use it.
/// </summary>
public static class CertificateLevels
{
    /// <summary>社工员 (city-level certification), 助理社会工作师, 社会工作师, 高级社会工作师.</summary>
    public static readonly IReadOnlyList<string> All = ["社工员", "助理社会工作师", "社会工作师", "高级社会工作师"];

    /// <summary>1 for 社工员 … 4 for 高级社会工作师.</summary>
    public static int RankOf(string level)
    {
        for (var i = 0; i < All.Count; i++)
            if (string.Equals(All[i], level, StringComparison.Ordinal)) return i + 1;
        throw new ArgumentOutOfRangeException(nameof(level), level, "unknown certificate level");
    }

    /// <summary>The level of a rank (1..4).</summary>
    public static string OfRank(int rank) => All[rank - 1];
}
