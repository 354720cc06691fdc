using Analytics.Etl.Submissions;
using Analytics.Dashboards.WarehouseReads;
using Analytics.Etl.Extracts;
using DuckDB.NET.Data;

namespace Analytics.Dashboards.Upload;

/// <summary>A past submission with the outcome of its load (null while the inbox job has not taken it yet).</summary>
public sealed record PastSubmission(DateTime SubmittedAt, string FileName, string? Kind, DateOnly? AsOf, int? Rows,
    string? Outcome, int? RowsLoaded, int? RowsQuarantined, string? MessageZh, string? MessageEn);

/// <summary>
/// Staged uploads (beside the inbox, never in it) and their submission: a confirmed file is moved into the inbox under a
/// dot-name first and renamed when complete, so the one inbox job (InboxProcessor: schedule, archive, audit,
/// all-or-nothing load) takes it like any file dropped there. The submission row records who sent it for which district.
/// </summary>
internal sealed class SubmissionInbox(InboxProcessor inbox, WarehouseConnections warehouse, TimeProvider clock)
{
    public string StagingFolder => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(inbox.Options.Inbox))!, "uploads");

    /// <summary>A fresh staging path for an uploaded file name (only its last segment is kept).</summary>
    public string StagePath(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        if (string.IsNullOrWhiteSpace(name) || name.StartsWith('.')) name = "upload" + Path.GetExtension(name);
        var folder = Path.Combine(StagingFolder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    /// <summary>Moves the staged file into the inbox and records the submission; returns the inbox file name.</summary>
    public string Submit(string stagedPath, string userName, string? district, SubmissionPreview preview)
    {
        Directory.CreateDirectory(inbox.Options.Inbox);
        var name = Path.GetFileName(stagedPath);
        var target = Path.Combine(inbox.Options.Inbox, name);
        for (var n = 2; File.Exists(target); n++) target = Path.Combine(inbox.Options.Inbox, $"{Path.GetFileNameWithoutExtension(name)} ({n}){Path.GetExtension(name)}");
        string sha;
        using (var bytes = File.OpenRead(stagedPath)) sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        // The district first: when the inbox job sees the file, the load knows whose rows it may take.
        if (district is not null) File.WriteAllText(SubmittedDistrict.SidecarOf(target), district);
        var partial = Path.Combine(inbox.Options.Inbox, "." + Path.GetFileName(target) + ".partial");
        File.Move(stagedPath, partial);
        File.Move(partial, target);
        try { Directory.Delete(Path.GetDirectoryName(stagedPath)!); } catch (IOException) { }
        using var connection = warehouse.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT INTO submission VALUES ($at, $user, $district, $file, $sha, $kind, $as_of, $rows)";
        cmd.Parameters.Add(new DuckDBParameter("at", clock.GetUtcNow().UtcDateTime));
        cmd.Parameters.Add(new DuckDBParameter("user", userName));
        cmd.Parameters.Add(new DuckDBParameter("district", (object?)district ?? DBNull.Value));
        cmd.Parameters.Add(new DuckDBParameter("file", Path.GetFileName(target)));
        cmd.Parameters.Add(new DuckDBParameter("sha", sha));
        cmd.Parameters.Add(new DuckDBParameter("kind", (object?)preview.KindCode ?? DBNull.Value));
        cmd.Parameters.Add(new DuckDBParameter("as_of", (object?)preview.AsOf ?? DBNull.Value));
        cmd.Parameters.Add(new DuckDBParameter("rows", preview.Rows));
        cmd.ExecuteNonQuery();
        return Path.GetFileName(target);
    }

    /// <summary>Removes district sidecars whose file the inbox job has filed away (older than a minute) and staged uploads
    /// never confirmed nor cancelled (a closed browser; older than a day).</summary>
    public void RemoveStaleSidecars()
    {
        if (Directory.Exists(StagingFolder))
            foreach (var folder in Directory.EnumerateDirectories(StagingFolder).Where(f => clock.GetUtcNow() - Directory.GetLastWriteTimeUtc(f) > TimeSpan.FromDays(1)))
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        if (!Directory.Exists(inbox.Options.Inbox)) return;
        foreach (var sidecar in Directory.EnumerateFiles(inbox.Options.Inbox, ".*.district"))
        {
            var file = Path.Combine(inbox.Options.Inbox, Path.GetFileName(sidecar)[1..^".district".Length]);
            if (!File.Exists(file) && clock.GetUtcNow() - File.GetLastWriteTimeUtc(sidecar) > TimeSpan.FromMinutes(1)) File.Delete(sidecar);
        }
    }

    /// <summary>The user's submissions, latest first, each with the outcome of the load of the same bytes.</summary>
    public IReadOnlyList<PastSubmission> History(string userName) => warehouse.Query(
        """
        SELECT s.submitted_at, s.file_name, s.kind, s.as_of, s.rows, l.outcome, l.rows_loaded, l.rows_quarantined, l.message_zh, l.message_en
        FROM submission s
        LEFT JOIN (SELECT * FROM load_run QUALIFY row_number() OVER (PARTITION BY sha256 ORDER BY load_id DESC) = 1) l ON l.sha256 = s.sha256
        WHERE s.user_name = $user ORDER BY s.submitted_at DESC LIMIT 100
        """,
        r => new PastSubmission(r.Timestamp("submitted_at")!.Value, r.Text("file_name"), r.TextOrNull("kind"), r.Date("as_of"), Int(r, "rows"),
            r.TextOrNull("outcome"), Int(r, "rows_loaded"), Int(r, "rows_quarantined"), r.TextOrNull("message_zh"), r.TextOrNull("message_en")),
        new DuckDBParameter("user", userName));

    private static int? Int(System.Data.IDataRecord r, string column) => r[column] is DBNull ? null : Convert.ToInt32(r[column], System.Globalization.CultureInfo.InvariantCulture);
}
