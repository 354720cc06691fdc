using System.Diagnostics;

namespace Analytics.Etl.Reliability;

/// <summary>How big a reliability run is. The defaults are the bounded form CI runs.</summary>
/// <param name="CrashFiles">How many extract kinds the crash matrix loads (roster, exam, appraisal, quotas, sites; at most 5).</param>
internal sealed record ReliabilityOptions(string Work, string? Extracts = null, int Kills = 3, int Fuzz = 150, int Batch = 50, int Seed = 20240301,
    bool Keep = false, int CrashFiles = 5);

/// <summary>The figures of one run, for the console and docs/RELIABILITY.md.</summary>
internal sealed record ReliabilityReport(IReadOnlyList<KillOutcome> Kills, TimeSpan ReferenceLoad, FuzzOutcome Fuzz, TimeSpan Elapsed)
{
    public int KillsIntact => Kills.Count(k => k.Problems.Count == 0);
    public int KillsRestored => Kills.Count(k => k.SameAsReference);
    public bool Passed => KillsIntact == Kills.Count && KillsRestored == Kills.Count && Fuzz.Findings.Count == 0;
}

/// <summary>
/// The reliability harness: the crash matrix and the fuzz campaign over demo extracts (generated with `demo-data`
/// unless given), every step through the CLI as a child process.
/// </summary>
internal static class ReliabilityRun
{
    private const string PersonKey = "reliability-harness";

    public static ReliabilityReport Execute(ReliabilityOptions options, Action<string> log)
    {
        var watch = Stopwatch.StartNew();
        var work = Directory.CreateDirectory(Path.GetFullPath(options.Work)).FullName;
        var etl = new EtlChild(work, PersonKey);
        var extracts = options.Extracts ?? Path.Combine(work, "extracts");
        if (options.Extracts is null && !Directory.Exists(extracts))
        {
            var demo = etl.Run(["demo-data", "--out", extracts]);
            if (demo.ExitCode != 0) throw new InvalidOperationException("demo-data failed: " + demo.Err);
        }
        var files = Directory.GetFiles(extracts, "*.csv").Order(StringComparer.Ordinal).ToList();
        string? First(Func<string, bool> match) => files.FirstOrDefault(f => match(Path.GetFileName(f)));
        var registers = files.Where(f => Path.GetFileName(f).StartsWith("区划名录", StringComparison.Ordinal)).ToList();
        var kinds = new[]
        {
            First(n => n.Contains("花名册", StringComparison.Ordinal)), First(n => n.StartsWith("exam_", StringComparison.Ordinal)),
            First(n => n.Contains("绩效考评", StringComparison.Ordinal)), First(n => n.Contains("岗位开发", StringComparison.Ordinal)),
            First(n => n.Contains("示范点", StringComparison.Ordinal)),
        }.OfType<string>().ToList();
        if (registers.Count == 0 || kinds.Count == 0)
            throw new InvalidOperationException($"{extracts} lacks the demo extracts (区划名录*.csv and the other kinds)");

        var basePath = Path.Combine(work, "base.duckdb"); // the register loaded: what every kill and every fuzz batch starts from
        CrashMatrix.Require(etl.Run(["load", .. registers, "--db", basePath]), "loading the register");
        var matrix = new CrashMatrix(etl, work, basePath, kinds.Take(Math.Max(1, options.CrashFiles)).ToList());
        var kills = options.Kills > 0 ? matrix.Run(options.Kills, log) : [];
        var fuzz = options.Fuzz > 0
            ? new FuzzCampaign(etl, work, basePath, [registers[0], .. kinds]).Run(options.Fuzz, options.Batch, options.Seed, log)
            : new FuzzOutcome(0, 0, 0, 0, []);
        var report = new ReliabilityReport(kills, matrix.ReferenceDuration, fuzz, watch.Elapsed);
        if (report.Passed && !options.Keep) TryDelete(work, keep: options.Extracts is null ? null : extracts);
        return report;
    }

    private static void TryDelete(string work, string? keep)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(work))
        {
            if (keep is not null && Path.GetFullPath(entry) == Path.GetFullPath(keep)) continue;
            try
            {
                if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true);
                else File.Delete(entry);
            }
            catch (IOException) { }
        }
    }
}
