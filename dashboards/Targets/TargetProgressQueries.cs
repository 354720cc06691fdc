using Analytics.Dashboards.WarehouseReads;
using DuckDB.NET.Data;

namespace Analytics.Dashboards.Targets;

/// <summary>An indicator measured at a date: numerator over denominator, and the share (computed in SQL).</summary>
internal sealed record IndicatorValue(long Numerator, long Denominator, double? Share);

/// <summary>A target with its measured value and whether it is met (null: coverage only, or nothing to measure).</summary>
internal sealed record TargetProgress(TargetDefinition Target, IndicatorValue Value)
{
    public bool? Met => Target.Threshold is { } threshold && Value.Share is { } share ? share >= threshold - 1e-9 : null;
}

/// <summary>
/// Measures each target at a date from the metric macro target_indicators (warehouse/Metrics/055_targets.sql), for the
/// city or one district; the thresholds the values are judged against stay in targets.json.
/// </summary>
internal sealed class TargetProgressQueries(WarehouseConnections warehouse)
{
    /// <summary>The area code target_indicators gives the whole city.</summary>
    internal const string CityCode = "510100";

    private static readonly IndicatorValue Nothing = new(0, 0, null);

    public IReadOnlyList<TargetProgress> Measure(IReadOnlyList<TargetDefinition> targets, DateOnly asOf, string? district)
    {
        var values = warehouse.Query(
                "SELECT indicator, numerator, denominator, share FROM target_indicators($as_of) WHERE area_code = $area",
                r => (Indicator: r.Text("indicator"), Value: new IndicatorValue(r.Long("numerator"), r.Long("denominator"), r.Double("share"))),
                new DuckDBParameter("as_of", asOf), new DuckDBParameter("area", district ?? CityCode))
            .ToDictionary(v => v.Indicator, v => v.Value, StringComparer.Ordinal);
        return targets.Select(t => new TargetProgress(t, values.GetValueOrDefault(t.Indicator, Nothing))).ToList();
    }

    /// <summary>The appraisal year shown at a date (appraisal_year_at: the latest year with appraisals up to year(as_of), else year(as_of)).</summary>
    public int AppraisalYear(DateOnly asOf) => warehouse.Single(
        "SELECT appraisal_year FROM appraisal_year_at($as_of)",
        r => (int)r.Long("appraisal_year"), new DuckDBParameter("as_of", asOf));
}
