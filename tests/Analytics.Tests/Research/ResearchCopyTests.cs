using Analytics.Tests.Cli;
using Analytics.Tests.PersonKey;
using Analytics.Tests.Metrics;
using Analytics.Warehouse.Research;

namespace Analytics.Tests.Research;

/// <summary>Each warehouse has its own research copy, and a research copy never answers for another warehouse.</summary>
public sealed class ResearchCopyTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("analytics-research-copy-").FullName;

    private const string TwoUnits = """
        区划代码,名称,类型,上级代码,设立日期,撤销日期
        510104,锦江区,区,,,
        510104001,春熙路街道,街道,510104,,

        """;

    [Fact]
    public async Task Two_warehouses_in_one_folder_with_the_same_number_of_loads_each_answer_for_themselves()
    {
        var a = Path.Combine(folder, "a.duckdb");
        var b = Path.Combine(folder, "b.duckdb");
        Assert.Equal(0, (await EtlProcess.RunAsync(folder, "load", KeyTestExtracts.Write(Path.Combine(folder, "in-a"), "区划名录.csv", KeyTestExtracts.Register), "--db", a)).ExitCode);
        Assert.Equal(0, (await EtlProcess.RunAsync(folder, "load", KeyTestExtracts.Write(Path.Combine(folder, "in-b"), "区划名录.csv", TwoUnits), "--db", b)).ExitCode);

        async Task<string> Units(string db)
        {
            var result = await EtlProcess.RunAsync(folder, "sql", "--db", db, "--format", "csv", "SELECT count(*) AS units FROM org_unit");
            Assert.True(result.ExitCode == 0, result.Err);
            return result.Out.Split('\n')[1].Trim();
        }

        Assert.Equal("3", await Units(a));
        Assert.Equal("2", await Units(b));
        Assert.Equal("3", await Units(a));
        Assert.True(File.Exists(Path.Combine(folder, "a.research.duckdb")));
        Assert.True(File.Exists(Path.Combine(folder, "b.research.duckdb")));
        Assert.False(File.Exists(Path.Combine(folder, "research.duckdb")));
    }

    [Fact]
    public void A_research_file_shared_by_configuration_is_rebuilt_for_the_other_warehouse()
    {
        using var first = HandBuiltWarehouse.Create();
        using var second = HandBuiltWarehouse.Create();
        second.Execute("DELETE FROM demo_site");
        var shared = Path.Combine(folder, "shared.research.duckdb");
        var research = new ResearchDatabase(shared, "salt", TimeProvider.System);

        Assert.True(research.EnsureFresh(first.Connection));
        Assert.False(research.EnsureFresh(first.Connection));
        Assert.NotEqual(research.Fingerprint(first.Connection), research.Fingerprint(second.Connection));
        Assert.True(research.EnsureFresh(second.Connection));
        Assert.Equal(0L, new SandboxedQueryRunner(shared, new ResearchOptions()).Run("SELECT count(*) FROM demo_site", 10).Rows[0][0]);
    }

    [Fact]
    public void The_research_file_is_named_after_its_warehouse()
    {
        var options = new ResearchOptions();

        Assert.Equal(Path.Combine(folder, "a.research.duckdb"), options.ResolvePath(Path.Combine(folder, "a.duckdb")));
        Assert.Equal(Path.Combine(folder, "warehouse.research.duckdb"), options.ResolvePath(Path.Combine(folder, "warehouse.duckdb")));
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
