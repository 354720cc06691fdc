using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Etl.Loading;

/// <summary>The load history (load_run): what was loaded already, and one row per file looked at.</summary>
internal sealed class LoadRunLog(DuckDBConnection connection, TimeProvider clock)
{
    /// <summary>
    /// Whether a loaded file of this size exists (or a load from before sizes were kept): only then can the file be
    /// "already loaded", and only then is it hashed before it is read. A new file is read once, hashed while parsed.
    /// </summary>
    public bool MayHaveLoaded(long size)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM load_run WHERE outcome = 'loaded' AND (size_bytes = $size OR size_bytes IS NULL)";
        cmd.Parameters.Add(new DuckDBParameter("size", size));
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public bool AlreadyLoaded(string sha256, out string earlierFile)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT file_name FROM load_run WHERE sha256 = $sha AND outcome = 'loaded' ORDER BY load_id LIMIT 1";
        cmd.Parameters.Add(new DuckDBParameter("sha", sha256));
        earlierFile = cmd.ExecuteScalar() as string ?? "";
        return earlierFile.Length > 0;
    }

    public long NextLoadId() => Convert.ToInt64(connection.Scalar("SELECT nextval('load_id_seq')"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The lines of the file that were quarantined (a line with several problems counts once).</summary>
    public int QuarantinedLines(long loadId) => Convert.ToInt32(connection.Scalar(
        "SELECT count(DISTINCT line_number) FROM load_message WHERE load_id = $id AND severity = 'error'", new DuckDBParameter("id", loadId)),
        System.Globalization.CultureInfo.InvariantCulture);

    public void Record(long loadId, string sha256, string? encoding, long? size, FileLoadResult result, DateTimeOffset started)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO load_run (load_id, file_name, sha256, kind, encoding, rows_read, rows_loaded, rows_quarantined,
                                  started_at, finished_at, outcome, message_zh, message_en, ignored_columns, size_bytes)
            VALUES ($id, $file, $sha, $kind, $encoding, $read, $loaded, $quarantined, $started, $finished, $outcome, $zh, $en, $ignored, $size)
            """;
        cmd.Parameters.Add(new DuckDBParameter("id", loadId));
        cmd.Parameters.Add(new DuckDBParameter("file", result.FileName));
        cmd.Parameters.Add(new DuckDBParameter("sha", sha256));
        cmd.Parameters.Add(new DuckDBParameter("kind", result.Kind?.Code));
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
        cmd.Parameters.Add(new DuckDBParameter("size", size));
        cmd.ExecuteNonQuery();
    }

    /// <summary>Records a refused or failed file after its transaction was given up.</summary>
    public void RecordOutside(string sha256, long? size, FileLoadResult result, DateTimeOffset started) =>
        Record(NextLoadId(), sha256, null, size, result, started);
}
