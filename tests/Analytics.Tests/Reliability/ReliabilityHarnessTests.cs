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

/// <summary>The harness's warehouse check finds what it is there to find.</summary>
public sealed class WarehouseCheckTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("analytics-check-").FullName;

    [Fact]
    public void Rows_of_an_unfinished_load_are_reported_and_the_digest_follows_the_data()
    {
        var path = Path.Combine(folder, "w.duckdb");
        string emptyDigest;
        using (var connection = new Analytics.Warehouse.Storage.WarehouseDatabase(new() { Path = path, PersonKey = "k" }).Open())
        {
            emptyDigest = WarehouseCheck.Digest(path);
            Analytics.Warehouse.Storage.DuckDbConnectionExtensions.Execute(connection,
                "INSERT INTO demo_site BY NAME SELECT '示范点' AS name, '510104001001' AS unit_code, 2023 AS year, '示范点' AS category, 5 AS load_id, 2 AS line_number");
        }

        Assert.Equal(["demo_site: 1 rows of a load that did not finish"], WarehouseCheck.Problems(path));
        Assert.NotEqual(emptyDigest, WarehouseCheck.Digest(path));

        using (var connection = new Analytics.Warehouse.Storage.WarehouseDatabase(new() { Path = path, PersonKey = "k" }).Open())
            Analytics.Warehouse.Storage.DuckDbConnectionExtensions.Execute(connection,
                "INSERT INTO load_run (load_id, file_name, sha256, started_at, outcome) VALUES (5, 'sites.csv', 'x', now(), 'loaded')");
        Assert.Empty(WarehouseCheck.Problems(path));
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
