using System.Diagnostics;
using System.Text.Json;
using Analytics.Tests.PersonKey;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Tests.Cli;

/// <summary>`sql` on a read-only copy, nested values printed as values, and every failed query audited.</summary>
public sealed class SqlCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("analytics-sql-").FullName;

    private string Db => Path.Combine(folder, "warehouse.duckdb");

    private async Task LoadRegister()
    {
        var load = await EtlProcess.RunAsync(folder, "load", KeyTestExtracts.Write(Path.Combine(folder, "in"), "区划名录.csv", KeyTestExtracts.Register), "--db", Db);
        Assert.True(load.ExitCode == 0, load.Out + load.Err);
    }

    [Fact]
    public async Task List_struct_and_map_columns_print_as_values_in_every_format()
    {
        await LoadRegister();
        const string query = "SELECT [1, 2, 3] AS l, {'a': 1, 'b': '区'} AS s, MAP {'k': 2} AS m, list(code ORDER BY code) AS codes FROM org_unit";

        var table = await EtlProcess.RunAsync(folder, "sql", "--db", Db, query);
        var csv = await EtlProcess.RunAsync(folder, "sql", "--db", Db, "--format", "csv", query);
        var json = await EtlProcess.RunAsync(folder, "sql", "--db", Db, "--format", "json", query);

        foreach (var output in new[] { table.Out, csv.Out, json.Out })
        {
            Assert.DoesNotContain("System.Collections", output);
            Assert.Contains("[1, 2, 3]", output);
            Assert.Contains("{'a': 1, 'b': 区}", output);
            Assert.Contains("{k=2}", output);
            Assert.Contains("[510104, 510104001, 510104001001]", output);
        }
        Assert.Equal("[1, 2, 3]", JsonDocument.Parse(json.Out).RootElement[0].GetProperty("l").GetString());
    }

    [Fact]
    public async Task A_query_that_fails_outside_duckdb_is_audited_too()
    {
        await LoadRegister();
        var info = EtlProcess.StartInfo(folder, "sql", "--db", Db, "SELECT count(*) FROM org_unit");
        info.Environment["Research__WorkerPath"] = Path.Combine(folder, "no-such-worker");

        var result = await EtlProcess.RunAsync(info);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no-such-worker", result.Err);
        using var connection = new DuckDBConnection($"Data Source={Db};ACCESS_MODE=READ_ONLY");
        connection.Open();
        Assert.Equal("failed", connection.Scalar("SELECT outcome FROM audit_event WHERE kind = 'query' ORDER BY event_id DESC LIMIT 1"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Sql_queries_a_read_only_copy_of_a_warehouse()
    {
        await LoadRegister();
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101); // 755: the unprivileged user may reach the copy
        var copyFolder = Directory.CreateDirectory(Path.Combine(folder, "read-only-media")).FullName;
        var copy = Path.Combine(copyFolder, "copy.duckdb");
        File.Copy(Db, copy);
        File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(copyFolder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var before = await File.ReadAllBytesAsync(copy);
        try
        {
            var result = await EtlProcess.RunAsync(AsUnprivilegedUser(EtlProcess.StartInfo(folder, "sql", "--db", copy, "--format", "csv",
                "SELECT count(*) AS units FROM org_unit")));

            Assert.True(result.ExitCode == 0, result.Out + result.Err);
            Assert.Equal("3", result.Out.Split('\n')[1].Trim());
            Assert.Contains("read-only", result.Err);
            Assert.Equal(before, await File.ReadAllBytesAsync(copy));
            Assert.Equal(["copy.duckdb"], Directory.GetFiles(copyFolder).Select(Path.GetFileName));
        }
        finally
        {
            File.SetUnixFileMode(copyFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>chmod means nothing to root: as root, the command runs as nobody (setpriv), for whom the copy is truly read-only.</summary>
    private static ProcessStartInfo AsUnprivilegedUser(ProcessStartInfo info)
    {
        if (Environment.UserName != "root") return info;
        var wrapped = new ProcessStartInfo("setpriv")
        {
            WorkingDirectory = "/tmp",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var a in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", info.FileName }.Concat(info.ArgumentList)) wrapped.ArgumentList.Add(a);
        foreach (var (name, value) in info.Environment) wrapped.Environment[name] = value;
        wrapped.Environment["HOME"] = "/tmp";
        wrapped.Environment["DOTNET_CLI_HOME"] = "/tmp";
        return wrapped;
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
