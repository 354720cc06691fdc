using System.Text.RegularExpressions;
using Analytics.Dashboards.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Dashboards.Audit;

/// <summary>One audit event.</summary>
internal sealed record AuditEvent(long EventId, DateTime At, string? UserName, string Kind, string? Detail, long? DurationMs, long? Rows, string Outcome);

/// <summary>The audit filter of the admin page and its export.</summary>
internal sealed record AuditFilter(string? User = null, string? Kind = null, int Limit = 500);

/// <summary>Records every sign-in, research query and export in the warehouse's audit_event table, with ID numbers scrubbed.</summary>
internal sealed partial class AuditLog(WarehouseConnections warehouse, TimeProvider clock)
{
    public const string SignIn = "sign_in", SignInFailed = "sign_in_failed", SignOut = "sign_out", Query = "query",
        Export = "export", UserAdded = "user_added", PasswordReset = "password_reset";

    [GeneratedRegex(@"(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")]
    private static partial Regex IdNumber();

    /// <summary>The text with anything shaped like a 15- or 18-digit ID number replaced.</summary>
    public static string? Scrub(string? text) => text is null ? null : IdNumber().Replace(text, "[身份证号已隐去 id removed]");

    public void Record(string? user, string kind, string outcome, string? detail = null, TimeSpan? duration = null, long? rows = null)
    {
        using var connection = warehouse.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO audit_event (occurred_at, user_name, kind, detail, duration_ms, rows, outcome)
            VALUES ($at, $user, $kind, $detail, $ms, $rows, $outcome)
            """;
        command.Parameters.Add(new DuckDBParameter("at", clock.GetLocalNow().DateTime));
        command.Parameters.Add(new DuckDBParameter("user", (object?)Scrub(user) ?? DBNull.Value));
        command.Parameters.Add(new DuckDBParameter("kind", kind));
        command.Parameters.Add(new DuckDBParameter("detail", (object?)Scrub(detail) ?? DBNull.Value));
        command.Parameters.Add(new DuckDBParameter("ms", duration is null ? DBNull.Value : (long)duration.Value.TotalMilliseconds));
        command.Parameters.Add(new DuckDBParameter("rows", (object?)rows ?? DBNull.Value));
        command.Parameters.Add(new DuckDBParameter("outcome", outcome));
        command.ExecuteNonQuery();
    }

    /// <summary>Latest first.</summary>
    public IReadOnlyList<AuditEvent> Events(AuditFilter filter) => warehouse.Query(
        """
        SELECT event_id, occurred_at, user_name, kind, detail, duration_ms, rows, outcome FROM audit_event
        WHERE (CAST($user AS VARCHAR) IS NULL OR user_name = $user) AND (CAST($kind AS VARCHAR) IS NULL OR kind = $kind)
        ORDER BY event_id DESC LIMIT $limit
        """,
        r => new AuditEvent(r.Long("event_id"), r.Timestamp("occurred_at")!.Value, r.TextOrNull("user_name"), r.Text("kind"), r.TextOrNull("detail"),
            r["duration_ms"] is DBNull ? null : r.Long("duration_ms"), r["rows"] is DBNull ? null : r.Long("rows"), r.Text("outcome")),
        new DuckDBParameter("user", string.IsNullOrWhiteSpace(filter.User) ? DBNull.Value : filter.User.Trim()),
        new DuckDBParameter("kind", string.IsNullOrWhiteSpace(filter.Kind) ? DBNull.Value : filter.Kind.Trim()),
        new DuckDBParameter("limit", filter.Limit));
}
