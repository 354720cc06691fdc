using System.Globalization;

namespace Analytics.Etl.Reliability;

/// <summary>One kill of the crash matrix: when, whether the warehouse was intact after it, and after the reload.</summary>
internal sealed record KillOutcome(int Number, TimeSpan At, bool Killed, IReadOnlyList<string> Problems, bool Reloaded, bool SameAsReference);

/// <summary>
/// The crash matrix: `etl load` of a set of extract files is killed (SIGKILL) at evenly spread moments of an
/// uninterrupted load's duration; after each kill the warehouse must be intact (<see cref="WarehouseCheck"/>) and
/// loading the same files again must finish and leave exactly the data of an uninterrupted load.
/// </summary>
internal sealed class CrashMatrix(EtlChild etl, string work, string basePath, IReadOnlyList<string> loadFiles)
{
    public TimeSpan ReferenceDuration { get; private set; }

    public IReadOnlyList<KillOutcome> Run(int kills, Action<string> log)
    {
        var reference = Path.Combine(work, "crash-reference.duckdb");
        File.Copy(basePath, reference, overwrite: true);
        var run = etl.Run(["load", .. loadFiles, "--db", reference]);
        Require(run, "the uninterrupted reference load");
        ReferenceDuration = run.Elapsed;
        var expected = WarehouseCheck.Digest(reference);
        log($"crash matrix: reference load of {loadFiles.Count} files took {ReferenceDuration.TotalSeconds:N1} s; {kills} kills spread over it");

        var outcomes = new List<KillOutcome>();
        for (var i = 0; i < kills; i++)
        {
            var at = TimeSpan.FromTicks((long)(ReferenceDuration.Ticks * (i + 0.5) / kills));
            var target = Path.Combine(work, $"crash-{i + 1:00}.duckdb");
            File.Copy(basePath, target, overwrite: true);
            var killed = etl.Run(["load", .. loadFiles, "--db", target], killAfter: at);
            var problems = WarehouseCheck.Problems(target).ToList();
            var opens = etl.Run(["runs", "--db", target, "--format", "csv"]);
            if (opens.ExitCode != 0) problems.Add($"`runs` after the kill exited {opens.ExitCode}: {opens.Err.Trim()}");
            var reload = etl.Run(["load", .. loadFiles, "--db", target]);
            var same = reload.ExitCode == 0 && WarehouseCheck.Problems(target).Count == 0 && WarehouseCheck.Digest(target) == expected;
            var outcome = new KillOutcome(i + 1, at, killed.Killed, problems, reload.ExitCode == 0, same);
            outcomes.Add(outcome);
            log($"  kill {i + 1,2} at {at.TotalSeconds,5:N2} s: {(killed.Killed ? "killed" : "had finished")}, " +
                $"{(problems.Count == 0 ? "intact" : "PROBLEMS: " + string.Join("; ", problems))}, " +
                $"reload {(reload.ExitCode == 0 ? "ok" : "exit " + reload.ExitCode.ToString(CultureInfo.InvariantCulture))}, " +
                $"{(same ? "same data as the uninterrupted load" : "DIFFERENT DATA")}");
            File.Delete(target);
            if (File.Exists(target + ".wal")) File.Delete(target + ".wal");
        }
        return outcomes;
    }

    internal static void Require(ChildRun run, string what)
    {
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"{what} failed (exit {run.ExitCode}): {run.Out}\n{run.Err}");
    }
}
