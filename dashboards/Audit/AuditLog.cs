using Analytics.Dashboards.WarehouseReads;
using Analytics.Warehouse.Audit;
using DuckDB.NET.Data;

namespace Analytics.Dashboards.Audit;

/// <summary>One audit event.</summary>
internal sealed record AuditEvent(long EventId, DateTime At, string? UserName, string Kind, string? Detail, long? DurationMs, long? Rows, string Outcome);

/// <summary>The audit filter of the admin page and its export.</summary>
internal sealed record AuditFilter(string? User = null, string? Kind = null, int Limit = 500);

/// <summary>Records every sign-in (and failed attempt and lockout), user change, research query and download in the warehouse's audit_event table, with ID numbers scrubbed.</summary>
internal sealed class AuditLog(WarehouseConnections warehouse, TimeProvider clock)
{
    public const string SignIn = AuditTrail.SignIn, SignInFailed = AuditTrail.SignInFailed, SignOut = AuditTrail.SignOut,
        Query = AuditTrail.Query, Export = AuditTrail.Export, UserAdded = AuditTrail.UserAdded, PasswordReset = AuditTrail.PasswordReset,
        Lockout = "lockout", PasswordChanged = "password_changed", UserChanged = "user_changed", Submission = "submission";

    /// <summary>Every kind, in the order the audit page offers them.</summary>
    public static readonly IReadOnlyList<string> Kinds =
        [SignIn, SignInFailed, Lockout, SignOut, PasswordChanged, Query, Export, Submission, UserAdded, UserChanged, PasswordReset];

    /// <summary>The text with anything shaped like a 15- or 18-digit ID number replaced.</summary>
    public static string? Scrub(string? text) => AuditTrail.Scrub(text);

    public void Record(string? user, string kind, string outcome, string? detail = null, TimeSpan? duration = null, long? rows = null)
    {
        using var connection = warehouse.Open();
        AuditTrail.Record(connection, clock, user, kind, outcome, detail, duration, rows);
    }

    /// <summary>Latest first.</summary>
    public IReadOnlyList<AuditEvent> Events(AuditFilter filter) => warehouse.QueryLive(
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
