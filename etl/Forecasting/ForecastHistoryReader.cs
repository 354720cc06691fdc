using System.Data.Common;
using DuckDB.NET.Data;

namespace Analytics.Etl.Forecasting;

/// <summary>
/// Reads the unit × half-year history through the warehouse's forecast macros (warehouse/Metrics/060_forecast.sql:
/// forecast_unit_history, forecast_unit_flows, forecast_district_posts, forecast_approvals), the names of districts
/// and towns, and the register's 社区/建制村 for the half-years after the history (units_at).
/// </summary>
internal static class ForecastHistoryReader
{
    public static ForecastHistory Read(DuckDBConnection connection, DateOnly until, int horizonHalfYear)
    {
        var halfYears = new List<int>();
        var asOf = new List<DateOnly>();
        Rows(connection, "SELECT half_year, as_of FROM forecast_half_years($until)", until, r =>
        {
            halfYears.Add(r.GetInt32(0));
            asOf.Add(DateOnly.FromDateTime(r.GetDateTime(1)));
        });
        var index = halfYears.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i);
        var points = halfYears.Count;

        var units = new Dictionary<string, UnitHistory>(StringComparer.Ordinal);
        Rows(connection, """
            SELECT half_year, unit_code, unit_kind, town_code, district_code, qualified_posts, workers, conversion_pool,
                   uncertified_holders, part_time_expiring
            FROM forecast_unit_history($until)
            """, until, r =>
        {
            var code = r.GetString(1);
            if (!units.TryGetValue(code, out var u))
                units[code] = u = new UnitHistory(code, r.GetString(2), r.GetString(3), r.GetString(4), points);
            var p = index[r.GetInt32(0)];
            u.Present[p] = true;
            u.Qualified[p] = Int(r, 5); u.Workers[p] = Int(r, 6); u.ConversionPool[p] = Int(r, 7);
            u.UncertifiedHolders[p] = Int(r, 8); u.PartTimeExpiring[p] = Int(r, 9);
        });
        Rows(connection, "SELECT half_year, unit_code, hires, conversions, passes, restorations, leavers, lapses FROM forecast_unit_flows($until)", until, r =>
        {
            if (!units.TryGetValue(r.GetString(1), out var u)) return;
            var p = index[r.GetInt32(0)];
            u.PostGains[p] = Int(r, 2) + Int(r, 3); u.OtherGains[p] = Int(r, 4) + Int(r, 5);
            u.Leavers[p] = Int(r, 6); u.Lapses[p] = Int(r, 7);
        });

        var posts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        Rows(connection, "SELECT half_year, district_code, professional_posts FROM forecast_district_posts($until)", until, r =>
        {
            var code = r.GetString(1);
            if (!posts.TryGetValue(code, out var series)) posts[code] = series = new int[points];
            series[index[r.GetInt32(0)]] = Int(r, 2);
        });
        var approvals = new Dictionary<string, Dictionary<int, int?>>(StringComparer.Ordinal);
        Rows(connection, "SELECT year, district_code, approved FROM forecast_approvals($until)", until, r =>
        {
            var code = r.GetString(1);
            if (!approvals.TryGetValue(code, out var byYear)) approvals[code] = byYear = [];
            byYear[r.GetInt32(0)] = r.IsDBNull(2) ? null : Int(r, 2);
        });

        var names = new Dictionary<string, (string Name, string Kind)>(StringComparer.Ordinal);
        var towns = new Dictionary<string, string>(StringComparer.Ordinal);
        if (points > 0)
            Rows(connection, "SELECT code, name, kind, level FROM units_at($until) WHERE level IN ('district', 'town')", asOf[^1], r =>
            {
                if (r.GetString(3) == "district") names[r.GetString(0)] = (r.GetString(1), r.GetString(2));
                else towns[r.GetString(0)] = r.GetString(1);
            });

        var districtCodes = units.Values.Select(u => u.DistrictCode).Distinct().Order(StringComparer.Ordinal).ToList();
        var districts = districtCodes.Select(c => new DistrictInfo(c, names.TryGetValue(c, out var n) ? n.Name : c, names.TryGetValue(c, out var k) ? k.Kind : "区",
            posts.TryGetValue(c, out var p) ? p : new int[points],
            approvals.TryGetValue(c, out var a) ? a : new Dictionary<int, int?>())).ToList();
        var future = points == 0 ? new Dictionary<int, IReadOnlyList<FutureUnit>>() : ReadFutureUnits(connection, halfYears[^1] + 1, horizonHalfYear);
        return new ForecastHistory(halfYears, asOf, units.Values.OrderBy(u => u.Code, StringComparer.Ordinal).ToList(), districts, towns, future);
    }

    /// <summary>The register's 社区/建制村 at the end of each half-year after the history (units carried forward, merged units dropped).</summary>
    private static Dictionary<int, IReadOnlyList<FutureUnit>> ReadFutureUnits(DuckDBConnection connection, int from, int to)
    {
        var result = new Dictionary<int, IReadOnlyList<FutureUnit>>();
        if (to < from) return result;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT h.half_year, u.code, u.kind, coalesce(u.parent_code, left(u.code, 9)), u.district_code
            FROM (SELECT unnest(range($from, $to + 1)) AS half_year) h,
                 LATERAL (SELECT * FROM units_at(CASE WHEN h.half_year % 2 = 1 THEN make_date(CAST(h.half_year // 2 AS BIGINT), 12, 31)
                                                       ELSE make_date(CAST(h.half_year // 2 AS BIGINT), 6, 30) END)) u
            WHERE u.level = 'community' AND u.kind IN ('社区', '建制村')
            ORDER BY h.half_year, u.code
            """;
        cmd.Parameters.Add(new DuckDBParameter("from", from));
        cmd.Parameters.Add(new DuckDBParameter("to", to));
        using var r = cmd.ExecuteReader();
        var lists = new Dictionary<int, List<FutureUnit>>();
        while (r.Read())
        {
            var h = Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
            if (!lists.TryGetValue(h, out var list)) lists[h] = list = [];
            list.Add(new FutureUnit(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)));
        }
        foreach (var (h, list) in lists) result[h] = list;
        return result;
    }

    /// <summary>Runs a query with the $until parameter and calls <paramref name="row"/> for each row.</summary>
    private static void Rows(DuckDBConnection connection, string sql, DateOnly until, Action<DbDataReader> row)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.Add(new DuckDBParameter("until", until));
        using var r = cmd.ExecuteReader();
        while (r.Read()) row(r);
    }

    private static int Int(DbDataReader r, int column) =>
        r.IsDBNull(column) ? 0 : Convert.ToInt32(r.GetValue(column), System.Globalization.CultureInfo.InvariantCulture);
}
