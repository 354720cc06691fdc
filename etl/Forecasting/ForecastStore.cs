using System.Text.Json;
using DuckDB.NET.Data;

namespace Analytics.Etl.Forecasting;

/// <summary>Named scenarios (forecast_scenario) and saved forecast runs (forecast_result, forecast_backtest).</summary>
internal static class ForecastStore
{
    public static void SaveScenario(DuckDBConnection connection, string name, ScenarioAssumptions assumptions, DateTimeOffset now)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO forecast_scenario (name, created_at, assumptions_json) VALUES ($name, $at, $json)
            ON CONFLICT (name) DO UPDATE SET created_at = excluded.created_at, assumptions_json = excluded.assumptions_json
            """;
        cmd.Parameters.Add(new DuckDBParameter("name", name));
        cmd.Parameters.Add(new DuckDBParameter("at", now.UtcDateTime));
        cmd.Parameters.Add(new DuckDBParameter("json", JsonSerializer.Serialize(assumptions)));
        cmd.ExecuteNonQuery();
    }

    /// <summary>The named scenario, or null when there is none by that name.</summary>
    public static ScenarioAssumptions? LoadScenario(DuckDBConnection connection, string name)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT assumptions_json FROM forecast_scenario WHERE name = $name";
        cmd.Parameters.Add(new DuckDBParameter("name", name));
        return cmd.ExecuteScalar() is string json ? Parse(json) : null;
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

    public static ScenarioAssumptions Parse(string json)
    {
        var parsed = JsonSerializer.Deserialize<ScenarioAssumptions>(json)
            ?? throw new InvalidOperationException("empty scenario assumptions");
        return parsed with { PostsApprovedPerYear = parsed.PostsApprovedPerYear ?? new Dictionary<string, int>() };
    }

    /// <summary>Appends one run's projection and backtest (all rows stamped <paramref name="runAt"/>).</summary>
    public static void SaveRun(DuckDBConnection connection, ForecastModel model, ForecastOutcome outcome, DateTimeOffset runAt)
    {
        using var tx = connection.BeginTransaction();
        var at = runAt.UtcDateTime;
        foreach (var district in outcome.Districts)
            foreach (var y in district.Years)
                InsertResult(connection, at, outcome.ScenarioName, model.DataVintage, district.DistrictCode, district.DistrictName,
                    district.Method.Method, y, district.Method.ReasonZh, district.Method.ReasonEn);
        foreach (var y in outcome.City)
            InsertResult(connection, at, outcome.ScenarioName, model.DataVintage, ForecastOutcome.CityCode, "成都市",
                model.Learner is { } l ? MlStockFlowForecaster.NameOf(l) : DriftForecaster.MethodName, y, null, null);
        var chosen = model.Learner is { } c ? MlStockFlowForecaster.NameOf(c) : null;
        foreach (var score in model.Backtest.Scores)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "INSERT INTO forecast_backtest VALUES ($at, $method, $district, $mae, $mase, $n, $chosen)";
            cmd.Parameters.Add(new DuckDBParameter("at", at));
            cmd.Parameters.Add(new DuckDBParameter("method", score.Method));
            cmd.Parameters.Add(new DuckDBParameter("district", score.DistrictCode));
            cmd.Parameters.Add(new DuckDBParameter("mae", score.Mae));
            cmd.Parameters.Add(new DuckDBParameter("mase", double.IsNaN(score.Mase) ? null : score.Mase));
            cmd.Parameters.Add(new DuckDBParameter("n", score.Forecasts));
            cmd.Parameters.Add(new DuckDBParameter("chosen", score.Method == chosen));
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    private static void InsertResult(DuckDBConnection connection, DateTime at, string scenario, DateOnly vintage, string code, string name,
        string method, ForecastYear y, string? reasonZh, string? reasonEn)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO forecast_result VALUES ($at, $scenario, $vintage, $code, $name, $year, $method, $required, $qualified,
                $lo80, $hi80, $lo95, $hi95, $gap, $certified, $stock, $new, $approved, $reason_zh, $reason_en)
            """;
        var p = cmd.Parameters;
        p.Add(new DuckDBParameter("at", at)); p.Add(new DuckDBParameter("scenario", scenario));
        p.Add(new DuckDBParameter("vintage", vintage)); p.Add(new DuckDBParameter("code", code));
        p.Add(new DuckDBParameter("name", name)); p.Add(new DuckDBParameter("year", y.Year));
        p.Add(new DuckDBParameter("method", method)); p.Add(new DuckDBParameter("required", y.RequiredPosts));
        p.Add(new DuckDBParameter("qualified", y.QualifiedPosts)); p.Add(new DuckDBParameter("lo80", y.Lower80));
        p.Add(new DuckDBParameter("hi80", y.Upper80)); p.Add(new DuckDBParameter("lo95", y.Lower95));
        p.Add(new DuckDBParameter("hi95", y.Upper95)); p.Add(new DuckDBParameter("gap", y.GapPosts));
        p.Add(new DuckDBParameter("certified", y.Certified)); p.Add(new DuckDBParameter("stock", y.StockCertified));
        p.Add(new DuckDBParameter("new", y.NewCertified)); p.Add(new DuckDBParameter("approved", y.ApprovedPosts));
        p.Add(new DuckDBParameter("reason_zh", reasonZh)); p.Add(new DuckDBParameter("reason_en", reasonEn));
        cmd.ExecuteNonQuery();
    }
}
