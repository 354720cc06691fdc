using Analytics.Dashboards.WarehouseReads;
using DuckDB.NET.Data;

namespace Analytics.Dashboards.Talent;

/// <summary>One group of talent_comparison at a date: 存量, 增量 (without 存量转岗) or 存量转岗, all with the same measures.</summary>
internal sealed record GroupMeasures(string Group, int Order, long Workers, long Professionals, long Certified, long CertifiedCity,
    long CertifiedNational, long QualifiedPosts)
{
    public static readonly IReadOnlyList<string> Groups = ["存量", "增量", "存量转岗"];

    internal static GroupMeasures Read(System.Data.IDataRecord r) => new(r.Text("comparison_group"), (int)r.Long("group_order"),
        r.Long("workers"), r.Long("professionals"), r.Long("certified"), r.Long("certified_city"), r.Long("certified_national"), r.Long("qualified_posts"));

    public static GroupMeasures Empty(string group) => new(group, Groups.ToList().IndexOf(group) + 1, 0, 0, 0, 0, 0, 0);
}

internal sealed record GroupTrendPoint(DateOnly AsOf, GroupMeasures Measures);

/// <summary>Stock versus new talent like for like (035_talent_comparison.sql), for the city or one district.</summary>
internal sealed class TalentComparisonQueries(WarehouseConnections warehouse, WarehouseResultCache cache)
{
    /// <summary>The three groups in order (zeros where a district has nobody in a group).</summary>
    public IReadOnlyList<GroupMeasures> Comparison(DateOnly asOf, string? district)
    {
        var rows = district is null
            ? warehouse.Query("SELECT * FROM city_talent_comparison($as_of)", GroupMeasures.Read, new DuckDBParameter("as_of", asOf))
            : warehouse.Query("SELECT * FROM talent_comparison($as_of) WHERE district_code = $district", GroupMeasures.Read,
                new DuckDBParameter("as_of", asOf), new DuckDBParameter("district", district));
        return GroupMeasures.Groups.Select(g => rows.FirstOrDefault(r => r.Group == g) ?? GroupMeasures.Empty(g)).ToList();
    }

    /// <summary>The stock/new baseline date in force (setting talent_baseline, default 2020-01-01).</summary>
    public DateOnly Baseline() => warehouse.Single("SELECT talent_baseline() AS d", r => r.Date("d"))!.Value;

    /// <summary>The three groups at every roster snapshot.</summary>
    public IReadOnlyList<GroupTrendPoint> Trend(string? district) => cache.GetOrAdd($"talent-comparison-trend:{district}", () =>
        (IReadOnlyList<GroupTrendPoint>)warehouse.Query(
            """
            WITH dates AS (SELECT DISTINCT as_of AS d FROM roster_snapshot)
            SELECT dates.d AS as_of, t.comparison_group, t.group_order, sum(t.workers) AS workers, sum(t.professionals) AS professionals,
                   sum(t.certified) AS certified, sum(t.certified_city) AS certified_city, sum(t.certified_national) AS certified_national,
                   sum(t.qualified_posts) AS qualified_posts
            FROM dates, LATERAL (SELECT * FROM talent_comparison(dates.d)) t
            WHERE $district IS NULL OR t.district_code = $district
            GROUP BY ALL ORDER BY 1, 3
            """,
            r => new GroupTrendPoint(r.Date("as_of")!.Value, GroupMeasures.Read(r)),
            new DuckDBParameter("district", (object?)district ?? DBNull.Value)));
}
