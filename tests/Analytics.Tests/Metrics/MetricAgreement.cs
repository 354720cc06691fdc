using System.Globalization;
using DuckDB.NET.Data;

namespace Analytics.Tests.Metrics;

/// <summary>
/// Compares every public and building-block macro over the snapshot facts with its reference definition over the raw
/// tables (<see cref="ReferenceMetrics"/>), for every argument set in the agreement_* temp tables the caller fills:
/// agreement_date(d), agreement_year(y), agreement_district(code), agreement_town(code), agreement_unit(code).
/// Columns are the reference macro's (the live ones may append columns, e.g. integer keys).
/// </summary>
internal static class MetricAgreement
{
    /// <summary>
    /// A macro, whether its first argument is a date (agreement_date) or a year (agreement_year), the other argument's
    /// rows (column a2) if it has one, and the call's arguments: @x stands for the date or year.
    /// </summary>
    private sealed record Case(string Macro, bool ByYear, string? Others, string Call);

    private static readonly Case[] Cases =
    [
        new("units_at", false, null, "@x"),
        new("in_post_at", false, null, "@x"),
        new("certified_at", false, null, "@x"),
        new("worker_status_at", false, null, "@x"),
        new("unit_posts_at", false, null, "@x"),
        new("centre_posts_at", false, null, "@x"),
        new("demo_sites_at", false, null, "@x"),
        new("area_posts_at", false, "SELECT l AS a2 FROM (VALUES ('district'), ('town')) v(l)", "@x, o.a2"),
        new("area_people_at", false, "SELECT l AS a2 FROM (VALUES ('district'), ('town'), ('unit')) v(l)", "@x, o.a2"),
        new("district_progress", false, null, "@x"),
        new("city_progress", false, null, "@x"),
        new("town_progress", false, "SELECT code AS a2 FROM agreement_district", "@x, o.a2"),
        new("community_progress", false, "SELECT code AS a2 FROM agreement_town", "@x, o.a2"),
        new("community_workers", false, "SELECT code AS a2 FROM agreement_unit", "@x, o.a2"),
        new("workers_by_level", false, null, "@x"),
        new("new_talent_by_source", false, null, "@x"),
        new("town_centre_coverage", false, null, "@x"),
        new("talent_pool", false, null, "@x"),
        new("appraisal_results", true, null, "@x"),
        new("supplement_holders", true, null, "@x"),
        new("appraisal_coverage", true, null, "@x"),
        new("supplement_without_appraisal", true, null, "@x"),
    ];

    /// <summary>
    /// Every macro compared; each disagreement as "macro: new/reference: row", none when all agree. With
    /// <paramref name="allDatesAtOnce"/> one query per macro covers every date (small warehouses); else one query per
    /// date or year, so memory stays that of a single call (DuckDB flattens a LATERAL over many dates into one big join).
    /// </summary>
    public static IReadOnlyList<string> Disagreements(DuckDBConnection connection, bool allDatesAtOnce)
    {
        var found = new List<string>();
        var dates = Values<DateOnly>(connection, "SELECT d FROM agreement_date ORDER BY d");
        var years = Values<int>(connection, "SELECT y FROM agreement_year ORDER BY y");
        foreach (var c in Cases)
        {
            var others = c.Others is null ? "" : $", ({c.Others}) o";
            if (allDatesAtOnce)
            {
                var source = c.ByYear ? "SELECT y AS a1 FROM agreement_year" : "SELECT d AS a1 FROM agreement_date";
                found.AddRange(CompareCalls(connection, c.Macro, $"({source}) a{others}", c.Call.Replace("@x", "a.a1", StringComparison.Ordinal)));
                continue;
            }
            IEnumerable<object> values = c.ByYear ? years.Cast<object>() : dates.Cast<object>();
            foreach (var value in values)
                found.AddRange(CompareCalls(connection, c.Macro, $"(SELECT $x AS a1) a{others}", c.Call.Replace("@x", "$x", StringComparison.Ordinal),
                    new DuckDBParameter("x", value)));
        }
        found.AddRange(Compare(connection, "progress_trend()"));
        found.AddRange(Compare(connection, "quota_summary"));
        // certified_bridge cannot be called in a LATERAL join (DuckDB cannot flatten its FULL OUTER JOIN): pair by pair.
        for (var i = 0; i + 1 < dates.Count; i += 3)
            found.AddRange(Compare(connection, "certified_bridge($from, $to)",
                new DuckDBParameter("from", dates[i]), new DuckDBParameter("to", dates[Math.Min(i + 4, dates.Count - 1)])));
        return found;
    }

    private static IEnumerable<string> Compare(DuckDBConnection connection, string call, params DuckDBParameter[] parameters)
    {
        var reference = "SELECT * FROM " + ReferenceMetrics.Prefix + call;
        var columns = string.Join(", ", ReferenceMetrics.Columns(connection, reference, parameters));
        var live = $"SELECT {columns} FROM {call}";
        var at = string.Join(" ", parameters.Select(p => Convert.ToString(p.Value, CultureInfo.InvariantCulture)));
        return ReferenceMetrics.Differences(connection, live, reference, parameters).Select(d => $"{call} {at}: {d}");
    }

    private static List<T> Values<T>(DuckDBConnection connection, string query)
    {
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        var values = new List<T>();
        while (reader.Read()) values.Add(reader.GetFieldValue<T>(0));
        return values;
    }

    /// <summary>The macro and its reference called for every row of <paramref name="from"/> (LATERAL), rows compared.</summary>
    private static IEnumerable<string> CompareCalls(DuckDBConnection connection, string macro, string from, string call,
        params DuckDBParameter[] parameters)
    {
        var names = ReferenceMetrics.Columns(connection, $"SELECT m.* FROM {from}, LATERAL (SELECT * FROM {ReferenceMetrics.Prefix}{macro}({call})) m", parameters);
        var selected = string.Join(", ", names.Select(n => "m." + n));
        var arguments = from.Contains(") o", StringComparison.Ordinal) ? "a.*, o.*" : "a.*";
        var live = $"SELECT {arguments}, {selected} FROM {from}, LATERAL (SELECT * FROM {macro}({call})) m";
        var referenceRows = $"SELECT {arguments}, {selected} FROM {from}, LATERAL (SELECT * FROM {ReferenceMetrics.Prefix}{macro}({call})) m";
        var at = string.Join(" ", parameters.Select(p => Convert.ToString(p.Value, CultureInfo.InvariantCulture)));
        return ReferenceMetrics.Differences(connection, live, referenceRows, parameters).Select(d => $"{macro} {at}: {d}");
    }
}
