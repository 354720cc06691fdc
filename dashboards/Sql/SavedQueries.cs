using Analytics.Dashboards.Audit;
using Analytics.Dashboards.WarehouseReads;
using DuckDB.NET.Data;

namespace Analytics.Dashboards.Sql;

internal sealed record SavedQuery(string Name, string Sql, DateTime SavedAt);

/// <summary>A researcher's saved queries (saved_query) and query history (their query events in the audit log).</summary>
internal sealed class SavedQueries(WarehouseConnections warehouse, TimeProvider clock)
{
    public IReadOnlyList<SavedQuery> Saved(string user) => warehouse.QueryLive(
        "SELECT name, sql, saved_at FROM saved_query WHERE user_name = $user ORDER BY name",
        r => new SavedQuery(r.Text("name"), r.Text("sql"), r.Timestamp("saved_at")!.Value),
        new DuckDBParameter("user", user));

    public void Save(string user, string name, string sql)
    {
        using var connection = warehouse.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM saved_query WHERE user_name = $user AND name = $name;
            INSERT INTO saved_query VALUES ($user, $name, $sql, $at);
            """;
        command.Parameters.Add(new DuckDBParameter("user", user));
        command.Parameters.Add(new DuckDBParameter("name", name.Trim()));
        command.Parameters.Add(new DuckDBParameter("sql", AuditLog.Scrub(sql)));
        command.Parameters.Add(new DuckDBParameter("at", clock.GetLocalNow().DateTime));
        command.ExecuteNonQuery();
    }

    public void Delete(string user, string name)
    {
        using var connection = warehouse.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM saved_query WHERE user_name = $user AND name = $name";
        command.Parameters.Add(new DuckDBParameter("user", user));
        command.Parameters.Add(new DuckDBParameter("name", name));
        command.ExecuteNonQuery();
    }

    /// <summary>The user's latest distinct queries, newest first.</summary>
    public IReadOnlyList<AuditEvent> History(string user, int count = 20) => warehouse.QueryLive(
        """
        SELECT max(event_id) AS event_id, max(occurred_at) AS occurred_at, detail FROM audit_event
        WHERE user_name = $user AND kind = 'query' AND detail IS NOT NULL
        GROUP BY detail ORDER BY max(event_id) DESC LIMIT $count
        """,
        r => new AuditEvent(r.Long("event_id"), r.Timestamp("occurred_at")!.Value, user, AuditLog.Query, r.TextOrNull("detail"), null, null, "ok"),
        new DuckDBParameter("user", user), new DuckDBParameter("count", count));
}
