using Analytics.Dashboards.WarehouseReads;
using DuckDB.NET.Data;

namespace Analytics.Dashboards.Talent;

internal sealed record LabelledCount(string Label, long Count);

/// <summary>The certificate levels in their natural order (no certificate first), for every table and chart by level.</summary>
internal static class CertificateLevels
{
    public const string None = "未持证", City = "社工员";

    public static readonly IReadOnlyList<string> Ordered = [None, City, "助理社会工作师", "社会工作师", "高级社会工作师"];

    /// <summary>The position of a level in that order (unknown levels last, by name).</summary>
    public static int Rank(string level) => Ordered.ToList().IndexOf(level is "" ? None : level) is var i and >= 0 ? i : Ordered.Count;

    public static IReadOnlyList<LabelledCount> InOrder(IEnumerable<LabelledCount> counts) =>
        counts.OrderBy(c => Rank(c.Label)).ThenBy(c => c.Label, StringComparer.Ordinal).ToList();
}

/// <summary>certified_bridge(from, to) summed over the city or one district.</summary>
internal sealed record CertifiedBridge(DateOnly From, DateOnly To, long Start, long NewlyCertified, long Joiners, long Leavers, long End);

/// <summary>The talent-structure figures, from the metric macros; $district NULL = the whole city.</summary>
internal sealed class TalentQueries(WarehouseConnections warehouse, WarehouseResultCache cache)
{
    private static DuckDBParameter DistrictParameter(string? district) => new("district", (object?)district ?? DBNull.Value);

    public IReadOnlyList<LabelledCount> NewTalentBySource(DateOnly asOf, string? district) => warehouse.Query(
        """
        SELECT talent_source AS label, sum(workers) AS n FROM new_talent_by_source($as_of)
        WHERE $district IS NULL OR district_code = $district GROUP BY talent_source ORDER BY n DESC, label
        """,
        r => new LabelledCount(r.Text("label"), r.Long("n")), new DuckDBParameter("as_of", asOf), DistrictParameter(district));

    public IReadOnlyList<LabelledCount> WorkersByLevel(DateOnly asOf, string? district) => CertificateLevels.InOrder(warehouse.Query(
        """
        SELECT coalesce(level, '') AS label, sum(workers) AS n FROM workers_by_level($as_of)
        WHERE $district IS NULL OR district_code = $district GROUP BY level ORDER BY label
        """,
        r => new LabelledCount(r.Text("label"), r.Long("n")), new DuckDBParameter("as_of", asOf), DistrictParameter(district)));

    public IReadOnlyList<LabelledCount> TalentPool(DateOnly asOf) => CertificateLevels.InOrder(warehouse.Query(
        "SELECT coalesce(level, '') AS label, people AS n FROM talent_pool($as_of) ORDER BY label",
        r => new LabelledCount(r.Text("label"), r.Long("n")), new DuckDBParameter("as_of", asOf)));

    public CertifiedBridge Bridge(DateOnly from, DateOnly to, string? district) => warehouse.Single(
        """
        SELECT coalesce(sum(certified_start), 0) AS s, coalesce(sum(newly_certified), 0) AS n, coalesce(sum(certified_joiners), 0) AS j,
               coalesce(sum(certified_leavers), 0) AS l, coalesce(sum(certified_end), 0) AS e
        FROM certified_bridge($from, $to) WHERE $district IS NULL OR district_code = $district
        """,
        r => new CertifiedBridge(from, to, r.Long("s"), r.Long("n"), r.Long("j"), r.Long("l"), r.Long("e")),
        new DuckDBParameter("from", from), new DuckDBParameter("to", to), DistrictParameter(district))!;

    /// <summary>One bridge per calendar year up to the as-of date (the last one ends at the as-of date).</summary>
    public IReadOnlyList<CertifiedBridge> YearlyBridges(DateOnly asOf, string? district) => cache.GetOrAdd($"bridges:{asOf:yyyy-MM-dd}:{district}", () =>
        BridgeYears(asOf)
            .Select(y => Bridge(new DateOnly(y - 1, 12, 31), y == asOf.Year ? asOf : new DateOnly(y, 12, 31), district))
            .ToList());

    /// <summary>The calendar years from the first roster snapshot to the as-of date.</summary>
    public IReadOnlyList<int> BridgeYears(DateOnly asOf) => warehouse.Query(
        "SELECT DISTINCT y FROM (SELECT unnest(range(year(min(as_of)), year($as_of) + 1)) AS y FROM roster_snapshot) WHERE y IS NOT NULL ORDER BY y",
        r => (int)r.Long("y"), new DuckDBParameter("as_of", asOf));
}
