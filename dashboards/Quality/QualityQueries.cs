using Analytics.Dashboards.WarehouseReads;
using DuckDB.NET.Data;

namespace Analytics.Dashboards.Quality;

/// <summary>The last load of an extract kind (null dates: never loaded).</summary>
public sealed record KindLastLoad(string Kind, DateTime? LastLoadedAt, string? LastFile, string? LastOutcome, DateTime? LastAttemptAt, long Loads);

public sealed record QuarantineRow(long LoadId, string FileName, int LineNumber, string? ColumnName, string ReasonZh, string ReasonEn, string? Kind);

public sealed record LoadRunRow(long LoadId, string FileName, string? Kind, string? Encoding, long RowsRead, long RowsLoaded, long RowsQuarantined,
    DateTime? StartedAt, DateTime? FinishedAt, string Outcome, string? MessageZh, string? MessageEn);

public sealed record JobRunRow(long RunId, string Job, DateTime? StartedAt, DateTime? FinishedAt, long Files, string Outcome, string? Error);

/// <summary>A quarantine filter: the file, and text to find in the reason or column (both optional).</summary>
public sealed record QuarantineFilter(string? File, string? Text)
{
    internal DuckDBParameter[] Parameters() =>
    [
        new("file", string.IsNullOrWhiteSpace(File) ? DBNull.Value : File),
        new("text", string.IsNullOrWhiteSpace(Text) ? DBNull.Value : Text.Trim()),
    ];
}

/// <summary>The data-quality page's reads of load_run, quarantine and job_run.</summary>
internal sealed class QualityQueries(WarehouseConnections warehouse)
{
    public IReadOnlyList<KindLastLoad> LastLoads() => warehouse.QueryLive(
        """
        SELECT kind, max(finished_at) FILTER (WHERE outcome = 'loaded') AS last_loaded_at,
               arg_max(file_name, started_at) AS last_file, arg_max(outcome, started_at) AS last_outcome,
               max(started_at) AS last_attempt_at, count(*) FILTER (WHERE outcome = 'loaded') AS loads
        FROM load_run WHERE kind IS NOT NULL GROUP BY kind
        """,
        r => new KindLastLoad(r.Text("kind"), r.Timestamp("last_loaded_at"), r.TextOrNull("last_file"), r.TextOrNull("last_outcome"),
            r.Timestamp("last_attempt_at"), r.Long("loads")));

    private const string QuarantineSql = """
        SELECT q.load_id, q.file_name, q.line_number, q.column_name, q.reason_zh, q.reason_en, l.kind
        FROM quarantine q LEFT JOIN load_run l ON l.load_id = q.load_id
        WHERE ($file IS NULL OR q.file_name = $file)
          AND ($text IS NULL OR contains(q.reason_zh, $text) OR contains(lower(q.reason_en), lower($text)) OR contains(lower(coalesce(q.column_name, '')), lower($text)))
        ORDER BY q.load_id DESC, q.line_number, q.column_name
        """;

    public IReadOnlyList<QuarantineRow> Quarantine(QuarantineFilter filter) => warehouse.QueryLive(QuarantineSql,
        r => new QuarantineRow(r.Long("load_id"), r.Text("file_name"), (int)r.Long("line_number"), r.TextOrNull("column_name"),
            r.Text("reason_zh"), r.Text("reason_en"), r.TextOrNull("kind")),
        filter.Parameters());

    public IReadOnlyList<string> QuarantinedFiles() =>
        warehouse.QueryLive("SELECT DISTINCT file_name FROM quarantine ORDER BY file_name", r => r.Text("file_name"));

    public IReadOnlyList<LoadRunRow> LoadHistory(int limit = 200) => warehouse.QueryLive(
        "SELECT * FROM load_run ORDER BY started_at DESC, load_id DESC LIMIT $limit",
        r => new LoadRunRow(r.Long("load_id"), r.Text("file_name"), r.TextOrNull("kind"), r.TextOrNull("encoding"), r.Long("rows_read"),
            r.Long("rows_loaded"), r.Long("rows_quarantined"), r.Timestamp("started_at"), r.Timestamp("finished_at"), r.Text("outcome"),
            r.TextOrNull("message_zh"), r.TextOrNull("message_en")),
        new DuckDBParameter("limit", limit));

    public IReadOnlyList<JobRunRow> JobHistory(int limit = 200) => warehouse.QueryLive(
        "SELECT * FROM job_run ORDER BY started_at DESC, run_id DESC LIMIT $limit",
        r => new JobRunRow(r.Long("run_id"), r.Text("job"), r.Timestamp("started_at"), r.Timestamp("finished_at"), r.Long("files"),
            r.Text("outcome"), r.TextOrNull("error")),
        new DuckDBParameter("limit", limit));
}
