using System.Text.RegularExpressions;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Audit;

/// <summary>
/// Writes one event to the warehouse's audit_event table, with anything shaped like an ID number scrubbed. Used by the
/// dashboard (sign-ins, queries, exports, user changes) and by the CLI `sql`, so every research query is recorded.
/// </summary>
public static partial class AuditTrail
{
    public const string SignIn = "sign_in", SignInFailed = "sign_in_failed", SignOut = "sign_out", Query = "query",
        Export = "export", UserAdded = "user_added", PasswordReset = "password_reset";

    [GeneratedRegex(@"(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")]
    private static partial Regex IdNumber();

    /// <summary>The text with anything shaped like a 15- or 18-digit ID number replaced.</summary>
    public static string? Scrub(string? text) => text is null ? null : IdNumber().Replace(text, "[身份证号已隐去 id removed]");

    public static void Record(DuckDBConnection connection, TimeProvider clock, string? user, string kind, string outcome,
        string? detail = null, TimeSpan? duration = null, long? rows = null) =>
        connection.Execute("""
            INSERT INTO audit_event (occurred_at, user_name, kind, detail, duration_ms, rows, outcome)
            VALUES ($at, $user, $kind, $detail, $ms, $rows, $outcome)
            """,
            new DuckDBParameter("at", clock.GetLocalNow().DateTime),
            new DuckDBParameter("user", (object?)Scrub(user) ?? DBNull.Value),
            new DuckDBParameter("kind", kind),
            new DuckDBParameter("detail", (object?)Scrub(detail) ?? DBNull.Value),
            new DuckDBParameter("ms", duration is null ? DBNull.Value : (long)duration.Value.TotalMilliseconds),
            new DuckDBParameter("rows", (object?)rows ?? DBNull.Value),
            new DuckDBParameter("outcome", outcome));
}
