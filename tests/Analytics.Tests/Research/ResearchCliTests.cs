using Analytics.Tests.Cli;

namespace Analytics.Tests.Research;

/// <summary>The CLI `sql` runs on the research surface in the same sandbox as the dashboard page.</summary>
public sealed class ResearchCliTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("analytics-research-cli-").FullName;

    private string Db => Path.Combine(folder, "warehouse.duckdb");

    [Fact]
    public async Task Sql_refuses_an_escape_plainly()
    {
        var result = await EtlProcess.RunAsync(folder, "sql", "--db", Db, "COPY (SELECT 1) TO 'escape.csv'");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Query refused", result.Err);
        Assert.DoesNotContain("   at ", result.Err);
        Assert.False(File.Exists(Path.Combine(folder, "escape.csv")));
    }

    [Fact]
    public async Task Sql_sees_people_without_names_or_birth_dates()
    {
        var result = await EtlProcess.RunAsync(folder, "sql", "--db", Db, "--format", "csv", "SELECT * FROM person");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("person_key,gender,birth_year,name_masked,load_id", result.Out.Split('\n')[0].TrimEnd('\r'));
        Assert.True(File.Exists(Path.Combine(folder, "warehouse.research.duckdb")));
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
