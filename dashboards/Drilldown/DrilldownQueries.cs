using System.Data;
using Analytics.Dashboards.Overview;
using Analytics.Dashboards.WarehouseReads;
using DuckDB.NET.Data;

namespace Analytics.Dashboards.Drilldown;

/// <summary>One row of town_progress(as_of, district).</summary>
internal sealed record TownProgress(
    string TownCode, string TownName, string TownKind, long Communities, long Villages, long RequiredPosts, long QualifiedPosts,
    long GapPosts, long UnitsMeetingTarget, long CentreQualifiedPosts, long Workers, long Professionals, long Certified)
{
    public static TownProgress Read(IDataRecord r) => new(
        r.Text("town_code"), r.Text("town_name"), r.Text("town_kind"), r.Long("communities"), r.Long("villages"),
        r.Long("required_posts"), r.Long("qualified_posts"), r.Long("gap_posts"), r.Long("units_meeting_target"),
        r.Long("centre_qualified_posts"), r.Long("workers"), r.Long("professionals"), r.Long("certified"));
}

/// <summary>One row of community_progress(as_of, town).</summary>
internal sealed record CommunityProgress(
    string UnitCode, string UnitName, string UnitKind, long RequiredPosts, long QualifiedPosts, long GapPosts, bool MeetsTarget,
    long Workers, long Professionals, long Certified)
{
    public static CommunityProgress Read(IDataRecord r) => new(
        r.Text("unit_code"), r.Text("unit_name"), r.Text("unit_kind"), r.Long("required_posts"), r.Long("qualified_posts"),
        r.Long("gap_posts"), r.Bool("meets_target"), r.Long("workers"), r.Long("professionals"), r.Long("certified"));
}

/// <summary>One row of community_workers(as_of, unit): who counts and who does not, and why. Names masked.</summary>
public sealed record UnitWorker(
    string PersonKey, string NameMasked, string PostCategory, string Employment, DateOnly? PartTimeSince, DateOnly? Hired,
    string TalentGroup, string TalentSource, string? Level, bool Certified, bool Professional, bool Qualified, string ReasonZh, string ReasonEn,
    string? ProfessionalTitle = null)
{
    internal static UnitWorker Read(IDataRecord r) => new(
        r.Text("person_key"), r.Text("name_masked"), r.Text("post_category"), r.Text("employment"), r.Date("part_time_since"),
        r.Date("hired"), r.Text("talent_group"), r.Text("talent_source"), r.TextOrNull("level"), r.Bool("certified"),
        r.Bool("professional"), r.Bool("qualified"), r.Text("reason_zh"), r.Text("reason_en"), r.TextOrNull("professional_title"));
}

/// <summary>A demonstration site recognised up to the as-of year.</summary>
public sealed record DemoSiteRow(string Name, string UnitCode, int Year, string Category);

/// <summary>The drill-down figures: district → towns → communities → workers, all from the metric macros.</summary>
internal sealed class DrilldownQueries(WarehouseConnections warehouse)
{
    public AreaProgress? District(DateOnly asOf, string district) => warehouse.Single(
        "SELECT * FROM district_progress($as_of) WHERE district_code = $district", AreaProgress.Read,
        new DuckDBParameter("as_of", asOf), new DuckDBParameter("district", district));

    public IReadOnlyList<TownProgress> Towns(DateOnly asOf, string district) => warehouse.Query(
        "SELECT * FROM town_progress($as_of, $district) ORDER BY gap_posts DESC, town_code", TownProgress.Read,
        new DuckDBParameter("as_of", asOf), new DuckDBParameter("district", district));

    /// <summary>Certified city-level / national-level by 镇(街道) of a district (talent_groups_by_unit summed).</summary>
    public IReadOnlyDictionary<string, Scorecard.CertifiedSplit> CertifiedByTown(DateOnly asOf, string district) => warehouse.Query(
        """
        SELECT town_code, sum(certified_city) AS city, sum(certified_national) AS national
        FROM talent_groups_by_unit($as_of) WHERE district_code = $district GROUP BY town_code
        """,
        r => (Code: r.Text("town_code"), Split: new Scorecard.CertifiedSplit(r.Long("city"), r.Long("national"))),
        new DuckDBParameter("as_of", asOf), new DuckDBParameter("district", district)).ToDictionary(x => x.Code, x => x.Split);

    public IReadOnlyList<CommunityProgress> Communities(DateOnly asOf, string town) => warehouse.Query(
        "SELECT * FROM community_progress($as_of, $town) ORDER BY gap_posts DESC, unit_code", CommunityProgress.Read,
        new DuckDBParameter("as_of", asOf), new DuckDBParameter("town", town));

    public IReadOnlyList<UnitWorker> Workers(DateOnly asOf, string unit) => warehouse.Query(
        "SELECT * FROM community_workers($as_of, $unit) ORDER BY qualified DESC, post_category, name_masked", UnitWorker.Read,
        new DuckDBParameter("as_of", asOf), new DuckDBParameter("unit", unit));

    /// <summary>Demonstration sites (all categories) inside the area whose code starts with the prefix.</summary>
    public IReadOnlyList<DemoSiteRow> DemoSites(DateOnly asOf, string codePrefix) => warehouse.Query(
        """
        SELECT name, unit_code, year, category FROM demo_site
        WHERE starts_with(unit_code, $prefix) AND year <= year($as_of)
        ORDER BY year, category, name
        """,
        r => new DemoSiteRow(r.Text("name"), r.Text("unit_code"), (int)r.Long("year"), r.Text("category")),
        new DuckDBParameter("prefix", codePrefix), new DuckDBParameter("as_of", asOf));
}
