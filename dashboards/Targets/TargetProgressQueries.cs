using Analytics.Dashboards.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Dashboards.Targets;

/// <summary>An indicator measured at a date: numerator over denominator, and the share (computed in SQL).</summary>
internal sealed record IndicatorValue(long Numerator, long Denominator, double? Share);

/// <summary>A target with its measured value and whether it is met (null: coverage only, or nothing to measure).</summary>
internal sealed record TargetProgress(TargetDefinition Target, IndicatorValue Value)
{
    public bool? Met => Target.Threshold is { } threshold && Value.Share is { } share ? share >= threshold - 1e-9 : null;
}

/// <summary>Measures each target indicator from the metric macros, for the city or one district ($district NULL = city).</summary>
internal sealed class TargetProgressQueries(WarehouseConnections warehouse)
{
    private static readonly IReadOnlyDictionary<string, string> Sql = new Dictionary<string, string>
    {
        [TargetIndicators.UnitPosts] = """
            SELECT sum(units_meeting_target) AS num, sum(communities + villages) AS den
            FROM district_progress($as_of) WHERE $district IS NULL OR district_code = $district
            """,
        [TargetIndicators.DemoSites] = """
            SELECT count(*) FILTER (WHERE demo_sites >= demo_sites_required) AS num, count(*) AS den
            FROM district_progress($as_of) WHERE $district IS NULL OR district_code = $district
            """,
        [TargetIndicators.TownCentreCoverage] = """
            SELECT sum(towns_with_qualified_centre_post) AS num, sum(towns) AS den
            FROM town_centre_coverage($as_of) WHERE $district IS NULL OR district_code = $district
            """,
        [TargetIndicators.AppraisalCoverage] = """
            SELECT sum(appraised) AS num, sum(holders_with_supplement) AS den
            FROM appraisal_coverage($year) WHERE $district IS NULL OR district_code = $district
            """,
        [TargetIndicators.ProfessionalShare] = """
            SELECT sum(professionals) AS num, sum(workers) AS den
            FROM district_progress($as_of) WHERE $district IS NULL OR district_code = $district
            """,
    };

    public IReadOnlyList<TargetProgress> Measure(IReadOnlyList<TargetDefinition> targets, DateOnly asOf, string? district)
    {
        var year = AppraisalYear(asOf);
        return targets.Select(t => new TargetProgress(t, Measure(t.Indicator, asOf, year, district))).ToList();
    }

    /// <summary>The appraisal year shown at a date: the latest year with appraisals up to year(as_of), else year(as_of).</summary>
    public int AppraisalYear(DateOnly asOf) => warehouse.Single(
        "SELECT coalesce(max(year), year($as_of)) AS y FROM appraisal WHERE year <= year($as_of)",
        r => (int)r.Long("y"), new DuckDBParameter("as_of", asOf));

    private IndicatorValue Measure(string indicator, DateOnly asOf, int year, string? district)
    {
        var sql = $"SELECT coalesce(num, 0) AS num, coalesce(den, 0) AS den, num::DOUBLE / nullif(den, 0) AS share FROM ({Sql[indicator]})";
        return warehouse.Single(sql,
                   r => new IndicatorValue(r.Long("num"), r.Long("den"), r.Double("share")),
                   new DuckDBParameter("as_of", asOf), new DuckDBParameter("year", year),
                   new DuckDBParameter("district", (object?)district ?? DBNull.Value))
               ?? new IndicatorValue(0, 0, null);
    }
}
