using Analytics.Etl.Extracts;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Etl.Loading;

/// <summary>The load history (load_run) and the copying of a file's problems into quarantine.</summary>
internal sealed class LoadRunLog(DuckDBConnection connection, TimeProvider clock)
{
    public bool AlreadyLoaded(string sha256, out string earlierFile)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT file_name FROM load_run WHERE sha256 = $sha AND outcome = 'loaded' ORDER BY load_id LIMIT 1";
        cmd.Parameters.Add(new DuckDBParameter("sha", sha256));
        earlierFile = cmd.ExecuteScalar() as string ?? "";
        return earlierFile.Length > 0;
    }

    public long NextLoadId() => Convert.ToInt64(connection.Scalar("SELECT nextval('load_id_seq')"));

    public void OpenStage(long loadId, string fileName)
    {
        connection.Execute("CREATE OR REPLACE TEMP TABLE stage_load (load_id BIGINT, file_name VARCHAR)");
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT INTO stage_load VALUES ($id, $file)";
        cmd.Parameters.Add(new DuckDBParameter("id", loadId));
        cmd.Parameters.Add(new DuckDBParameter("file", fileName));
        cmd.ExecuteNonQuery();
    }

    /// <summary>Moves the staged problems into quarantine (notices were appended to load_notice directly); returns the bad lines.</summary>
    public int KeepProblems()
    {
        connection.Execute("""
            INSERT INTO quarantine SELECT l.load_id, l.file_name, p.line_number, p.column_name, p.reason_zh, p.reason_en
            FROM stage_problem p, stage_load l ORDER BY p.line_number;
            """);
        return Convert.ToInt32(connection.Scalar("SELECT count(DISTINCT line_number) FROM stage_problem"));
    }

    public void Record(long loadId, string sha256, string? encoding, FileLoadResult result, DateTimeOffset started)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO load_run (load_id, file_name, sha256, kind, encoding, rows_read, rows_loaded, rows_quarantined,
                                  started_at, finished_at, outcome, message_zh, message_en, ignored_columns)
            VALUES ($id, $file, $sha, $kind, $encoding, $read, $loaded, $quarantined, $started, $finished, $outcome, $zh, $en, $ignored)
            """;
        cmd.Parameters.Add(new DuckDBParameter("id", loadId));
        cmd.Parameters.Add(new DuckDBParameter("file", result.FileName));
        cmd.Parameters.Add(new DuckDBParameter("sha", sha256));
        cmd.Parameters.Add(new DuckDBParameter("kind", result.Kind?.Code()));
        cmd.Parameters.Add(new DuckDBParameter("encoding", encoding));
        cmd.Parameters.Add(new DuckDBParameter("read", result.RowsRead));
        cmd.Parameters.Add(new DuckDBParameter("loaded", result.RowsLoaded));
        cmd.Parameters.Add(new DuckDBParameter("quarantined", result.RowsQuarantined));
        cmd.Parameters.Add(new DuckDBParameter("started", started.UtcDateTime));
        cmd.Parameters.Add(new DuckDBParameter("finished", clock.GetUtcNow().UtcDateTime));
        cmd.Parameters.Add(new DuckDBParameter("outcome", result.Outcome.ToString().ToLowerInvariant()));
        cmd.Parameters.Add(new DuckDBParameter("zh", result.MessageZh));
        cmd.Parameters.Add(new DuckDBParameter("en", result.MessageEn));
        cmd.Parameters.Add(new DuckDBParameter("ignored", result.IgnoredColumns.Count == 0 ? null : string.Join(", ", result.IgnoredColumns)));
        cmd.ExecuteNonQuery();
    }

    /// <summary>Records a refused or failed file after its transaction was rolled back.</summary>
    public void RecordOutside(string sha256, string? encoding, FileLoadResult result, DateTimeOffset started) =>
        Record(NextLoadId(), sha256, encoding, result, started);
}
