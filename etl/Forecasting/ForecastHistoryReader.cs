using System.Reflection;
using DuckDB.NET.Data;

namespace Analytics.Etl.Forecasting;

/// <summary>
/// Reads the yearly district history from the warehouse: stocks from the metric macros, flows classified from
/// worker_status_at, quotas from quota_summary, and the register's required posts for the projection years
/// (ForecastHistory.sql, ForecastFutureRequired.sql, embedded beside this file).
/// </summary>
internal static class ForecastHistoryReader
{
    public static List<DistrictSeries> Read(DuckDBConnection connection, int horizonYear)
    {
        var points = new Dictionary<string, (string Name, string Kind, List<YearPoint> Years)>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = Script("ForecastHistory.sql");
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var code = r.GetString(2);
                if (!points.TryGetValue(code, out var district))
                    points[code] = district = (r.GetString(3), r.GetString(4), []);
                var flows = new PostFlows(Int(r, 14), Int(r, 15), Int(r, 16), Int(r, 17), Int(r, 18));
                district.Years.Add(new YearPoint(Convert.ToInt32(r.GetValue(0)), DateOnly.FromDateTime(r.GetDateTime(1)),
                    Int(r, 5), Int(r, 6), Int(r, 7), Int(r, 8), Int(r, 9), Int(r, 10), Int(r, 11), Int(r, 12),
                    r.GetDouble(13), district.Years.Count == 0 ? PostFlows.None : flows));
            }
        }
        var future = new Dictionary<string, Dictionary<int, int>>();
        var lastYear = points.Values.SelectMany(p => p.Years).Select(y => y.Year).DefaultIfEmpty(horizonYear).Max();
        if (lastYear < horizonYear)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = Script("ForecastFutureRequired.sql");
            cmd.Parameters.Add(new DuckDBParameter("from_year", lastYear + 1));
            cmd.Parameters.Add(new DuckDBParameter("to_year", horizonYear));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var code = r.GetString(1);
                if (!future.TryGetValue(code, out var byYear)) future[code] = byYear = [];
                byYear[Convert.ToInt32(r.GetValue(0))] = Int(r, 2);
            }
        }
        return points.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new DistrictSeries(p.Key, p.Value.Name, p.Value.Kind, p.Value.Years,
                future.TryGetValue(p.Key, out var f) ? f : new Dictionary<int, int>()))
            .ToList();
    }

    private static int Int(System.Data.Common.DbDataReader r, int column) => r.IsDBNull(column) ? 0 : Convert.ToInt32(r.GetValue(column));

    internal static string Script(string fileName)
    {
        var assembly = Assembly.GetExecutingAssembly();
        using var stream = assembly.GetManifestResourceStream("Forecasting/" + fileName)
            ?? throw new InvalidOperationException($"embedded script Forecasting/{fileName} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
