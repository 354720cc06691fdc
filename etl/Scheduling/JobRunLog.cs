using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Etl.Scheduling;

/// <summary>Records every scheduled job run in job_run (visible with `etl runs` and on the data-quality page).</summary>
internal sealed class JobRunLog(WarehouseDatabase database, TimeProvider clock)
{
    public long Start(string job)
    {
        using var connection = database.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT INTO job_run (run_id, job, started_at, outcome) VALUES (nextval('job_run_id_seq'), $job, $at, 'running') RETURNING run_id";
        cmd.Parameters.Add(new DuckDBParameter("job", job));
        cmd.Parameters.Add(new DuckDBParameter("at", clock.GetUtcNow().UtcDateTime));
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    public void Finish(long runId, int files, string outcome, string? error)
    {
        using var connection = database.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "UPDATE job_run SET finished_at = $at, files = $files, outcome = $outcome, error = $error WHERE run_id = $id";
        cmd.Parameters.Add(new DuckDBParameter("at", clock.GetUtcNow().UtcDateTime));
        cmd.Parameters.Add(new DuckDBParameter("files", files));
        cmd.Parameters.Add(new DuckDBParameter("outcome", outcome));
        cmd.Parameters.Add(new DuckDBParameter("error", error));
        cmd.Parameters.Add(new DuckDBParameter("id", runId));
        cmd.ExecuteNonQuery();
    }

    public bool HasRun(string job)
    {
        using var connection = database.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM job_run WHERE job = $job";
        cmd.Parameters.Add(new DuckDBParameter("job", job));
        return Convert.ToInt64(cmd.ExecuteScalar()) > 0;
    }

    /// <summary>When the named job last succeeded, if ever.</summary>
    public DateTimeOffset? LastSucceeded(string job)
    {
        using var connection = database.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT max(started_at) FROM job_run WHERE job = $job AND outcome = 'succeeded'";
        cmd.Parameters.Add(new DuckDBParameter("job", job));
        return cmd.ExecuteScalar() is DateTime at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }
}
