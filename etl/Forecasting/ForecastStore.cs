using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;

namespace Analytics.Etl.Forecasting;

/// <summary>Named scenarios (forecast_scenario) and stored forecast runs (forecast_run, forecast_point, forecast_backtest_cell, forecast_coverage).</summary>
internal static class ForecastStore
{
    public static void SaveScenario(DuckDBConnection connection, string name, ScenarioAssumptions assumptions, DateTimeOffset now)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO forecast_scenario (name, created_at, assumptions_json) VALUES ($name, $at, $json)
            ON CONFLICT (name) DO UPDATE SET created_at = excluded.created_at, assumptions_json = excluded.assumptions_json
            """;
        Add(cmd, ("name", name), ("at", now.UtcDateTime), ("json", JsonSerializer.Serialize(assumptions)));
        cmd.ExecuteNonQuery();
    }

    public static ScenarioAssumptions? LoadScenario(DuckDBConnection connection, string name)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT assumptions_json FROM forecast_scenario WHERE name = $name";
        Add(cmd, ("name", name));
        if (cmd.ExecuteScalar() is not string json) return null;
        var parsed = JsonSerializer.Deserialize<ScenarioAssumptions>(json) ?? throw new InvalidOperationException("empty scenario assumptions");
        return parsed with { PostsApprovedPerYear = parsed.PostsApprovedPerYear ?? new Dictionary<string, int>() };
    }

    public static IReadOnlyList<string> ScenarioNames(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT name FROM forecast_scenario ORDER BY name";
        using var r = cmd.ExecuteReader();
        var names = new List<string>();
        while (r.Read()) names.Add(r.GetString(0));
        return names;
    }

    /// <summary>The version of the forecast's method: a run stored by another version is stale (refitted on next use).</summary>
    public const string MethodVersion = "halfyear-3";

    /// <summary>What the warehouse holds and which method version fitted, for telling whether a stored run is stale.</summary>
    public static string Fingerprint(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT CAST(coalesce((SELECT max(load_id) FROM load_run), 0) AS VARCHAR) || '|' || coalesce(CAST((SELECT max(as_of) FROM roster_snapshot) AS VARCHAR), '')";
        return (Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "") + "|" + MethodVersion;
    }

    /// <summary>Appends one run (all rows stamped <paramref name="runAt"/>) in one transaction.</summary>
    public static void SaveRun(DuckDBConnection connection, ForecastModel model, string fingerprint, DateTime runAt)
    {
        using var tx = connection.BeginTransaction();
        Exec(connection, "INSERT INTO forecast_run VALUES ($at, $vintage, $until, $fp, $horizon, $gap, $qualified)",
            ("at", runAt), ("vintage", model.History.Points == 0 ? null : model.DataVintage), ("until", model.Options.HistoryUntil),
            ("fp", fingerprint), ("horizon", model.Options.HorizonYear), ("gap", model.GapMethod), ("qualified", model.QualifiedMethod));
        foreach (var p in model.Points)
            Exec(connection, "INSERT INTO forecast_point VALUES ($at, $code, $name, $as_of, $r, $q, $q1, $q2, $q3, $q4, $g, $g1, $g2, $g3, $g4, $m, $qm, $x)",
                ("at", runAt), ("code", p.DistrictCode), ("name", p.DistrictName), ("as_of", p.AsOf), ("r", p.RequiredPosts),
                ("q", p.QualifiedPosts), ("q1", p.QualifiedLo80), ("q2", p.QualifiedHi80), ("q3", p.QualifiedLo95), ("q4", p.QualifiedHi95),
                ("g", p.GapPosts), ("g1", p.GapLo80), ("g2", p.GapHi80), ("g3", p.GapLo95), ("g4", p.GapHi95),
                ("m", p.Method), ("qm", p.QualifiedMethod), ("x", p.IntervalExtrapolated));
        foreach (var c in model.Backtest.Cells)
            Exec(connection, "INSERT INTO forecast_backtest_cell VALUES ($at, $m, $q, $h, $mae, $rel, $o, $n)",
                ("at", runAt), ("m", c.Method), ("q", c.Quantity), ("h", c.Horizon), ("mae", c.Mae), ("rel", c.RelativeToNaive), ("o", c.Origins), ("n", c.Forecasts));
        foreach (var c in Coverage(model))
            Exec(connection, "INSERT INTO forecast_coverage VALUES ($at, $a, $q, $h, $l, $c, $n)",
                ("at", runAt), ("a", c.Area), ("q", c.Quantity), ("h", c.Horizon), ("l", c.Level), ("c", c.Coverage), ("n", c.Forecasts));
        tx.Commit();
    }

    /// <summary>The run of a model as <see cref="LatestRun"/> would read it back once stored (same order), for a read-only copy.</summary>
    public static StoredRun Unstored(ForecastModel model, DateTime runAt) => new(runAt, model.GapMethod, model.QualifiedMethod,
        model.Points.OrderBy(p => p.AsOf).ThenBy(p => p.DistrictCode, StringComparer.Ordinal).ToList(), model.Backtest.Cells.ToList(), Coverage(model).ToList());

    public static IEnumerable<CoverageCell> Coverage(ForecastModel model) =>
        (model.GapIntervals?.Coverage ?? []).Concat(model.QualifiedIntervals?.Coverage ?? []);

    /// <summary>The latest stored run for these data and options, or null.</summary>
    public static StoredRun? LatestRun(DuckDBConnection connection, string fingerprint, int horizonYear, DateOnly? until)
    {
        DateTime runAt;
        string gapMethod, qualifiedMethod;
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT run_at, gap_method, qualified_method FROM forecast_run
                WHERE data_fingerprint = $fp AND horizon_year = $h AND history_until IS NOT DISTINCT FROM $until
                ORDER BY run_at DESC LIMIT 1
                """;
            Add(cmd, ("fp", fingerprint), ("h", horizonYear), ("until", until));
            using var r = cmd.ExecuteReader();
            if (!r.Read()) return null;
            (runAt, gapMethod, qualifiedMethod) = (r.GetDateTime(0), r.GetString(1), r.GetString(2));
        }
        var points = new List<ForecastPoint>();
        Read(connection, "SELECT * EXCLUDE (run_at) FROM forecast_point WHERE run_at = $at ORDER BY as_of, district_code", runAt, r =>
            points.Add(new ForecastPoint(r.GetString(0), r.GetString(1), DateOnly.FromDateTime(r.GetDateTime(2)), r.GetDouble(3),
                r.GetDouble(4), D(r, 5), D(r, 6), D(r, 7), D(r, 8), r.GetDouble(9), D(r, 10), D(r, 11), D(r, 12), D(r, 13),
                r.GetString(14), r.GetString(15), r.GetBoolean(16))));
        var cells = new List<BacktestCell>();
        Read(connection, "SELECT method, quantity, horizon, mae, relative_to_naive, origins, forecasts FROM forecast_backtest_cell WHERE run_at = $at", runAt, r =>
            cells.Add(new BacktestCell(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetDouble(3), D(r, 4), r.GetInt32(5), r.GetInt32(6))));
        var coverage = new List<CoverageCell>();
        Read(connection, "SELECT area, quantity, horizon, level, coverage, forecasts FROM forecast_coverage WHERE run_at = $at", runAt, r =>
            coverage.Add(new CoverageCell(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), D(r, 4), r.GetInt32(5))));
        return new StoredRun(runAt, gapMethod, qualifiedMethod, points, cells, coverage);
    }

    private static double? D(System.Data.Common.DbDataReader r, int column) => r.IsDBNull(column) ? null : r.GetDouble(column);

    private static void Read(DuckDBConnection connection, string sql, DateTime runAt, Action<System.Data.Common.DbDataReader> row)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        Add(cmd, ("at", runAt));
        using var r = cmd.ExecuteReader();
        while (r.Read()) row(r);
    }

    private static void Exec(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        Add(cmd, parameters);
        cmd.ExecuteNonQuery();
    }

    private static void Add(DuckDBCommand cmd, params (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters) cmd.Parameters.Add(new DuckDBParameter(name, value));
    }
}

/// <summary>A stored run as read back: what the page and the CLI show.</summary>
internal sealed record StoredRun(DateTime RunAt, string GapMethod, string QualifiedMethod, IReadOnlyList<ForecastPoint> Points,
    IReadOnlyList<BacktestCell> Cells, IReadOnlyList<CoverageCell> Coverage);
