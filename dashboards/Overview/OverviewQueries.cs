using System.Data;
using Analytics.Dashboards.WarehouseReads;
using DuckDB.NET.Data;

namespace Analytics.Dashboards.Overview;

/// <summary>One row of district_progress / city_progress.</summary>
internal sealed record AreaProgress(
    string DistrictCode, string DistrictName, string DistrictKind, long Communities, long Villages,
    long RequiredPosts, long QualifiedPosts, long GapPosts, long UnitsMeetingTarget, long DemoSites, long DemoSitesRequired,
    long Workers, long Professionals, long Certified, long StockCertified, long NewTalent)
{
    public static AreaProgress Read(IDataRecord r) => new(
        r.Text("district_code"), r.Text("district_name"), r.Text("district_kind"), r.Long("communities"), r.Long("villages"),
        r.Long("required_posts"), r.Long("qualified_posts"), r.Long("gap_posts"), r.Long("units_meeting_target"),
        r.Long("demo_sites"), r.Long("demo_sites_required"), r.Long("workers"), r.Long("professionals"),
        r.Long("certified"), r.Long("stock_certified"), r.Long("new_talent"));
}

/// <summary>One point of progress_trend(), for the city or one district.</summary>
internal sealed record TrendRow(DateOnly AsOf, long RequiredPosts, long QualifiedPosts, long GapPosts, long Workers, long Certified, long StockCertified, long NewTalent);

/// <summary>The overview's figures, all from the metric macros.</summary>
internal sealed class OverviewQueries(WarehouseConnections warehouse, WarehouseResultCache cache)
{
    /// <summary>city_progress(as_of), or the district's row of district_progress when one is chosen.</summary>
    public AreaProgress? Headline(DateOnly asOf, string? district) => district is null
        ? warehouse.Single("SELECT * FROM city_progress($as_of)", AreaProgress.Read, new DuckDBParameter("as_of", asOf))
        : warehouse.Single("SELECT * FROM district_progress($as_of) WHERE district_code = $district", AreaProgress.Read,
            new DuckDBParameter("as_of", asOf), new DuckDBParameter("district", district));

    /// <summary>Every district (or only the one a user is bound to), largest post gap first.</summary>
    public IReadOnlyList<AreaProgress> DistrictRanking(DateOnly asOf, string? scope = null) => warehouse.Query(
        "SELECT * FROM district_progress($as_of) WHERE $scope IS NULL OR district_code = $scope ORDER BY gap_posts DESC, district_code",
        AreaProgress.Read, new DuckDBParameter("as_of", asOf), new DuckDBParameter("scope", (object?)scope ?? DBNull.Value));

    /// <summary>progress_trend() over all snapshots, summed over the city or for one district.</summary>
    public IReadOnlyList<TrendRow> Trend(string? district) => cache.GetOrAdd($"trend:{district}", () => warehouse.Query(
        """
        SELECT as_of, sum(required_posts) AS required_posts, sum(qualified_posts) AS qualified_posts, sum(gap_posts) AS gap_posts,
               sum(workers) AS workers, sum(certified) AS certified, sum(stock_certified) AS stock_certified, sum(new_talent) AS new_talent
        FROM progress_trend() WHERE $district IS NULL OR district_code = $district
        GROUP BY as_of ORDER BY as_of
        """,
        r => new TrendRow(r.Date("as_of")!.Value, r.Long("required_posts"), r.Long("qualified_posts"), r.Long("gap_posts"),
            r.Long("workers"), r.Long("certified"), r.Long("stock_certified"), r.Long("new_talent")),
        new DuckDBParameter("district", (object?)district ?? DBNull.Value)));
}
