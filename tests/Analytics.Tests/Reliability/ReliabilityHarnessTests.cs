using Analytics.Etl.Reliability;
using Analytics.Tests.DemoData;
using Xunit.Abstractions;

namespace Analytics.Tests.Reliability;

/// <summary>
/// The bounded form of the reliability harness that CI runs (the long form: `dotnet run --project etl -- reliability
/// --kills 22 --fuzz 676`, figures in docs/RELIABILITY.md): a few SIGKILLs of `etl load`, a few hundred hostile files.
/// </summary>
[Collection(DemoDataCollection.Name)]
public sealed class ReliabilityHarnessTests(DemoDataFixture demo, ITestOutputHelper output) : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("analytics-reliability-test-").FullName;

    [Fact]
    public void Kills_during_loads_leave_the_warehouse_intact_and_hostile_extracts_never_crash_the_loader_or_lose_good_rows()
    {
        var report = ReliabilityRun.Execute(new ReliabilityOptions(work, demo.Folder, Kills: 3, Fuzz: 200, Batch: 100, CrashFiles: 1), output.WriteLine);

        Assert.Equal(3, report.Kills.Count);
        Assert.All(report.Kills, k => Assert.True(k.Problems.Count == 0, string.Join("; ", k.Problems)));
        Assert.All(report.Kills, k => Assert.True(k.SameAsReference, $"kill {k.Number}: the reload did not give the uninterrupted load's data"));
        Assert.True(report.Kills.Count(k => k.Killed) >= 2, "most kills must land while the load runs");
        Assert.Equal(200, report.Fuzz.Files);
        Assert.True(report.Fuzz.RowMutations > 50 && report.Fuzz.FileMutations > 50, $"{report.Fuzz.RowMutations} / {report.Fuzz.FileMutations}");
        Assert.Empty(report.Fuzz.Findings);
    }

    public void Dispose()
    {
        try { Directory.Delete(work, recursive: true); } catch (IOException) { }
    }
}
