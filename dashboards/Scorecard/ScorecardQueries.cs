using Analytics.Dashboards.Overview;
using Analytics.Dashboards.WarehouseReads;
using DuckDB.NET.Data;

namespace Analytics.Dashboards.Scorecard;

/// <summary>Certificate holders of an area split as the returns count them: city level (社工员) and national levels.</summary>
internal sealed record CertifiedSplit(long City, long National)
{
    public static readonly CertifiedSplit None = new(0, 0);
}

/// <summary>One 区(市)县 of the scorecard at the as-of date, with its gap a year earlier and the gaps in between.</summary>
internal sealed record ScorecardRow(
    int Rank, AreaProgress Progress, CertifiedSplit Certified, DateOnly? ComparedWith, long? GapBefore, IReadOnlyList<long> GapHistory)
{
    public string DistrictCode => Progress.DistrictCode;
    public string DistrictName => Progress.DistrictName;
    public long Units => Progress.Communities + Progress.Villages;

    /// <summary>Share (0..1) of the 社区 and 建制村 meeting their minimum posts; null without any.</summary>
    public double? MeetingShare => Units == 0 ? null : (double)Progress.UnitsMeetingTarget / Units;

    /// <summary>Gap now minus the gap a year earlier: negative is progress.</summary>
    public long? GapChange => GapBefore is null ? null : Progress.GapPosts - GapBefore;
}

/// <summary>The district scorecard: district_progress at the date, the certified split (talent_comparison), the year's trend.</summary>
internal sealed class ScorecardQueries(WarehouseConnections warehouse, WarehouseResultCache cache)
{
    /// <summary>The 20 (or more) districts ranked by gap, largest first; ties by code.</summary>
    public IReadOnlyList<ScorecardRow> Rows(DateOnly asOf) => cache.GetOrAdd($"scorecard:{asOf:yyyy-MM-dd}", () =>
    {
        var districts = warehouse.Query("SELECT * FROM district_progress($as_of) ORDER BY gap_posts DESC, district_code",
            AreaProgress.Read, new DuckDBParameter("as_of", asOf));
        var certified = CertifiedByDistrict(asOf);
        var before = ComparisonDate(asOf);
        var history = before is null ? [] : GapHistory(before.Value, asOf);
        return (IReadOnlyList<ScorecardRow>)districts.Select((d, i) =>
        {
            var gaps = history.Where(h => h.District == d.DistrictCode).OrderBy(h => h.AsOf).Select(h => h.Gap).ToList();
            long? gapBefore = before is null ? null : history.FirstOrDefault(h => h.District == d.DistrictCode && h.AsOf == before)?.Gap ?? 0;
            return new ScorecardRow(i + 1, d, certified.GetValueOrDefault(d.DistrictCode, CertifiedSplit.None), before, gapBefore, gaps);
        }).ToList();
    });

    /// <summary>The scorecard rows a user may see: every district, or only the one the user is bound to (ranked among the city).</summary>
    public IReadOnlyList<ScorecardRow> Rows(DateOnly asOf, string? scope) =>
        scope is null ? Rows(asOf) : Rows(asOf).Where(r => r.DistrictCode == scope).ToList();

    /// <summary>Certified city-level / national-level per district at the date (sums of talent_comparison's groups).</summary>
    public IReadOnlyDictionary<string, CertifiedSplit> CertifiedByDistrict(DateOnly asOf) => warehouse.Query(
        """
        SELECT district_code, sum(certified_city) AS city, sum(certified_national) AS national
        FROM talent_comparison($as_of) GROUP BY district_code
        """,
        r => (Code: r.Text("district_code"), Split: new CertifiedSplit(r.Long("city"), r.Long("national"))),
        new DuckDBParameter("as_of", asOf)).ToDictionary(x => x.Code, x => x.Split);

    /// <summary>The roster snapshot to compare with: the same date a year earlier, else the snapshot nearest to it (earlier than the date).</summary>
    public DateOnly? ComparisonDate(DateOnly asOf) => warehouse.Query(
        """
        SELECT as_of FROM roster_snapshot WHERE as_of < $as_of
        ORDER BY abs(datediff('day', as_of, $year_before)), as_of DESC LIMIT 1
        """,
        r => r.Date("as_of"), new DuckDBParameter("as_of", asOf), new DuckDBParameter("year_before", asOf.AddYears(-1))).FirstOrDefault();

    private sealed record GapPoint(DateOnly AsOf, string District, long Gap);

    /// <summary>Each district's gap at the comparison date, every roster between, and the as-of date.</summary>
    private IReadOnlyList<GapPoint> GapHistory(DateOnly from, DateOnly to) => warehouse.Query(
        """
        WITH dates AS (
            SELECT DISTINCT as_of AS d FROM roster_snapshot WHERE as_of BETWEEN $from AND $to
            UNION SELECT CAST($to AS DATE)
        )
        SELECT dates.d AS as_of, p.district_code, p.gap_posts
        FROM dates, LATERAL (SELECT * FROM district_progress(dates.d)) p
        ORDER BY 1, 2
        """,
        r => new GapPoint(r.Date("as_of")!.Value, r.Text("district_code"), r.Long("gap_posts")),
        new DuckDBParameter("from", from), new DuckDBParameter("to", to));
}
