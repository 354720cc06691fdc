using System.Globalization;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Facts;

/// <summary>
/// Keeps the snapshot facts (Schema/040_snapshot_facts.sql) in step with the raw tables the metric macros are defined
/// over. Every write to roster_entry / roster_snapshot, exam_result, org_unit or demo_site must be followed, in the same
/// transaction, by <see cref="Refresh"/> for what was loaded (the loader does this after each file's merge), or by
/// <see cref="RebuildAll"/> after anything else (hand-written data, a restore). The facts never hold anything the raw
/// tables do not: a rebuild from scratch gives the same rows.
/// </summary>
public static class SnapshotFacts
{
    /// <summary>
    /// The version of the fact definitions. Bump it whenever the fact tables or the scripts that fill them change:
    /// the next open of each warehouse rebuilds every fact (<see cref="EnsureCurrent"/>).
    /// </summary>
    internal const string Version = "1";

    /// <summary>The load kinds, as load_run.kind spells them (EXTRACTS.md).</summary>
    public static class LoadedKinds
    {
        public const string OrgUnits = "org_units";
        public const string Roster = "roster";
        public const string ExamResults = "exam_results";
        public const string Appraisals = "appraisals";
        public const string PostQuotas = "post_quotas";
        public const string DemoSites = "demo_sites";
    }

    /// <summary>
    /// Rebuilds what a load of the given kind invalidates, inside the caller's transaction: a roster load its
    /// snapshot(s) (every snapshot whose roster load changed) and the people counts of those and of the snapshot whose
    /// window a new one ends; an exam load the certificate dates and every snapshot's people counts; an org-register
    /// load the units; each of those, and a demonstration-site load, the per-snapshot summary. Appraisals and post
    /// quotas feed no fact. An unknown kind rebuilds everything. Wide rows are never sorted and work is done snapshot by
    /// snapshot, so the refresh fits in a load's bounded memory.
    /// </summary>
    /// <param name="loadedKind">The kind code stored in load_run.kind, e.g. "roster" (see <see cref="LoadedKinds"/>).</param>
    public static void Refresh(DuckDBConnection connection, string loadedKind)
    {
        ArgumentNullException.ThrowIfNull(connection);
        switch (loadedKind)
        {
            case LoadedKinds.Roster:
                RefreshSnapshots(connection);
                Run(connection, "units.sql");
                RecountPeople(connection);
                RefreshSummary(connection);
                break;
            case LoadedKinds.ExamResults:
                Run(connection, "certificates.sql", "affect_all.sql");
                RecountPeople(connection);
                RefreshSummary(connection);
                break;
            case LoadedKinds.OrgUnits:
                Run(connection, "units.sql");
                RefreshSummary(connection);
                break;
            case LoadedKinds.DemoSites:
                RefreshSummary(connection);
                break;
            case LoadedKinds.Appraisals or LoadedKinds.PostQuotas:
                break;
            default:
                RebuildAll(connection);
                break;
        }
    }

    /// <summary>
    /// Rebuilds every fact from the raw tables (creating the fact tables first when the file has none, as in the
    /// research file), in the caller's transaction if there is one.
    /// </summary>
    public static void RebuildAll(DuckDBConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        EnsureTables(connection);
        Run(connection, "clear.sql", "certificates.sql");
        RefreshSnapshots(connection);
        Run(connection, "units.sql");
        RecountPeople(connection);
        RefreshSummary(connection);
        connection.Execute("INSERT INTO fact_state VALUES ('version', $version)", new DuckDBParameter("version", Version));
    }

    /// <summary>Creates the fact tables where they are missing (the schema script is written to run more than once).</summary>
    internal static void EnsureTables(DuckDBConnection connection) => connection.Execute(FactScripts.TablesScript);

    /// <summary>
    /// At open: rebuilds every fact, in one transaction, when they were built by another version of the definitions or
    /// never (a warehouse loaded before facts existed); else recounts the people per snapshot and the summary when the
    /// talent baseline setting (存量/增量) changed since they were counted.
    /// </summary>
    internal static void EnsureCurrent(DuckDBConnection connection)
    {
        var built = State(connection, "version");
        if (built == Version && State(connection, "facts_baseline") == CurrentBaseline(connection)) return;
        using var transaction = connection.BeginTransaction();
        if (built == Version)
        {
            Run(connection, "affect_all.sql");
            RecountPeople(connection);
            RefreshSummary(connection);
        }
        else RebuildAll(connection);
        transaction.Commit();
    }

    /// <summary>
    /// The roster snapshots whose load changed: keys, windows, then their rows snapshot by snapshot (their varies flags
    /// are set by <see cref="RecountPeople"/>, which every caller runs next: the stale snapshots are among the affected).
    /// </summary>
    private static void RefreshSnapshots(DuckDBConnection connection)
    {
        Run(connection, "snapshots.sql");
        foreach (var snapshot in Dates(connection, "SELECT s.snapshot FROM fact_stale_snapshot s SEMI JOIN fact_snapshot f ON f.snapshot = s.snapshot ORDER BY 1"))
        {
            RunOne(connection, "worker_rows.sql", snapshot);
            RunOne(connection, "worker_units.sql", snapshot);
            RunOne(connection, "worker_certificates.sql", snapshot);
        }
        connection.Execute("DROP TABLE fact_stale_snapshot");
    }

    /// <summary>The people of the snapshots in fact_affected_snapshot, counted again snapshot by snapshot.</summary>
    private static void RecountPeople(DuckDBConnection connection)
    {
        Run(connection, "outcomes.sql");
        foreach (var snapshot in Dates(connection, "SELECT a.snapshot FROM fact_affected_snapshot a SEMI JOIN fact_snapshot f ON f.snapshot = a.snapshot ORDER BY 1"))
            RunOne(connection, "unit_people.sql", snapshot);
        connection.Execute("DROP TABLE fact_affected_snapshot");
    }

    /// <summary>district_progress stored at every snapshot date (snapshot_district_progress).</summary>
    private static void RefreshSummary(DuckDBConnection connection)
    {
        connection.Execute("DELETE FROM snapshot_district_progress");
        foreach (var snapshot in Dates(connection, "SELECT snapshot FROM fact_snapshot ORDER BY 1"))
            RunOne(connection, "summary.sql", snapshot);
    }

    private static List<DateOnly> Dates(DuckDBConnection connection, string query)
    {
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        var dates = new List<DateOnly>();
        while (reader.Read()) dates.Add(reader.GetFieldValue<DateOnly>(0));
        return dates;
    }

    private static string? State(DuckDBConnection connection, string name) =>
        Convert.ToString(connection.Scalar("SELECT max(value) FROM fact_state WHERE name = $name", new DuckDBParameter("name", name)),
            CultureInfo.InvariantCulture) is { Length: > 0 } value ? value : null;

    private static string? CurrentBaseline(DuckDBConnection connection) =>
        Convert.ToString(connection.Scalar("SELECT CAST(talent_baseline() AS VARCHAR)"), CultureInfo.InvariantCulture);

    private static void Run(DuckDBConnection connection, params string[] scripts)
    {
        foreach (var script in scripts) RunOne(connection, script, snapshot: null);
    }

    /// <summary>One script, with $snapshot bound when given; a failure names the script (e.g. a load out of memory).</summary>
    private static void RunOne(DuckDBConnection connection, string script, DateOnly? snapshot)
    {
        try
        {
            if (snapshot is { } date) connection.Execute(FactScripts.Get(script), new DuckDBParameter("snapshot", date));
            else connection.Execute(FactScripts.Get(script));
        }
        catch (DuckDBException e)
        {
            throw new SnapshotFactsException(script, snapshot, e);
        }
    }
}

/// <summary>A snapshot-fact script failed; the message names the script and the snapshot (the cause is DuckDB's).</summary>
public sealed class SnapshotFactsException(string script, DateOnly? snapshot, Exception inner)
    : Exception($"snapshot facts: {script}{(snapshot is { } d ? " for the snapshot of " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")} failed: {inner.Message}", inner);
