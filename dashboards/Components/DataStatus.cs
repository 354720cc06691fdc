using System.Globalization;
using Analytics.Dashboards.WarehouseReads;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboards.Components;

/// <summary>Where the warehouse stands for the pages: whether its figures may be shown yet.</summary>
internal enum DataState
{
    /// <summary>No roster yet and nothing waiting to load.</summary>
    NoData,

    /// <summary>The first load is under way (or files wait for it): figures would be partial, so pages hide them.</summary>
    Loading,

    /// <summary>Figures are complete; new files are being loaded and the pages update when they are in.</summary>
    Refreshing,

    Ready,
}

/// <summary>How the as-of date a page shows relates to the roster snapshots.</summary>
internal enum AsOfFit { Snapshot, BetweenSnapshots, BeforeFirst, AfterLatest, Unreadable }

/// <summary>The data status behind the banner on every page, and the as-of date resolved for the page.</summary>
internal sealed record DataStatus(DataState State, DateOnly? First, DateOnly? Latest, DateOnly AsOf, AsOfFit Fit, int WaitingFiles)
{
    /// <summary>Figures are complete enough to show (never the partial state of a first load).</summary>
    public bool ShowsFigures => State is DataState.Ready or DataState.Refreshing;
}

/// <summary>
/// Reads the data status from the warehouse (roster snapshots, the inbox job, earlier roster loads) and the inbox folder.
/// A first load is one that started before any roster had been loaded: until it ends its figures are partial.
/// </summary>
internal sealed class DataStatusQueries(WarehouseConnections warehouse, IOptions<IngestionScheduleOptions> scheduling, TimeProvider clock)
{
    private sealed record Facts(DateOnly? First, DateOnly? Latest, bool Running, long RostersBeforeRun);

    public DataStatus Resolve(string? requestedAsOf)
    {
        var facts = warehouse.SingleLive(
            """
            WITH run AS (SELECT min(started_at) AS since FROM job_run WHERE job = 'inbox' AND outcome = 'running')
            SELECT (SELECT min(as_of) FROM roster_snapshot) AS first_snapshot,
                   (SELECT max(as_of) FROM roster_snapshot) AS latest_snapshot,
                   (SELECT since FROM run) IS NOT NULL AS running,
                   (SELECT count(*) FROM load_run l, run r
                    WHERE l.kind = 'roster' AND l.outcome = 'loaded' AND l.finished_at < r.since) AS rosters_before_run
            """,
            r => new Facts(r.Date("first_snapshot"), r.Date("latest_snapshot"), r.Bool("running"), r.Long("rosters_before_run")))!;
        var waiting = WaitingFiles();
        var loading = waiting > 0;
        var state = facts.Latest is null
            ? loading ? DataState.Loading : DataState.NoData
            : !loading ? DataState.Ready
            : facts.Running && facts.RostersBeforeRun == 0 ? DataState.Loading : DataState.Refreshing;
        var (asOf, fit) = ResolveAsOf(requestedAsOf, facts.First, facts.Latest);
        return new DataStatus(state, facts.First, facts.Latest, asOf, fit, waiting);
    }

    /// <summary>The date asked for (yyyy-MM-dd), else the latest snapshot, else today; and how it fits the snapshots.</summary>
    private (DateOnly AsOf, AsOfFit Fit) ResolveAsOf(string? requested, DateOnly? first, DateOnly? latest)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (string.IsNullOrWhiteSpace(requested)) return (latest ?? today, AsOfFit.Snapshot);
        if (!DateOnly.TryParseExact(requested.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked))
            return (latest ?? today, AsOfFit.Unreadable);
        if (first is null || asked < first) return (asked, AsOfFit.BeforeFirst);
        if (asked > latest) return (asked, AsOfFit.AfterLatest);
        var isSnapshot = warehouse.SingleLive("SELECT count(*) AS n FROM roster_snapshot WHERE as_of = $d",
            r => r.Long("n"), new DuckDB.NET.Data.DuckDBParameter("d", asked)) > 0;
        return (asked, isSnapshot ? AsOfFit.Snapshot : AsOfFit.BetweenSnapshots);
    }

    /// <summary>Files (and the demo's half-written .incoming folder) in the inbox: a load is pending or running.</summary>
    private int WaitingFiles()
    {
        var inbox = scheduling.Value.Inbox;
        if (warehouse.ReadOnly || !Directory.Exists(inbox)) return 0; // a read-only replica never loads
        try
        {
            return Directory.EnumerateFileSystemEntries(inbox).Count(e =>
                !Path.GetFileName(e).StartsWith('.') || Directory.Exists(e) && Path.GetFileName(e) == ".incoming");
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
