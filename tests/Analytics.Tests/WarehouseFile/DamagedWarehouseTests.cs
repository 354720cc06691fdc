using Analytics.Tests.Cli;
using Analytics.Tests.PersonKey;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Tests.WarehouseFile;

/// <summary>A damaged warehouse file or write-ahead log is reported in Chinese and English with the way back (restore).</summary>
public sealed class DamagedWarehouseTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("analytics-damaged-").FullName;

    private string Db => Path.Combine(folder, "warehouse.duckdb");

    private async Task LoadRegister()
    {
        var load = await EtlProcess.RunAsync(folder, "load", KeyTestExtracts.Write(Path.Combine(folder, "in"), "区划名录.csv", KeyTestExtracts.Register), "--db", Db);
        Assert.True(load.ExitCode == 0, load.Out + load.Err);
    }

    private static void AssertDamageReported((int ExitCode, string Out, string Err) result, string what)
    {
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("仓库文件损坏", result.Err);
        Assert.Contains("The warehouse file is damaged", result.Err);
        Assert.Contains(what, result.Err);
        Assert.Contains("restore --db", result.Err);
        Assert.DoesNotContain("   at ", result.Err);
        Assert.DoesNotContain("出错 Error", result.Err);
    }

    [Fact]
    public async Task A_file_overwritten_with_garbage_is_reported_with_how_to_restore()
    {
        await File.WriteAllBytesAsync(Db, Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7919 % 251)).ToArray());

        AssertDamageReported(await EtlProcess.RunAsync(folder, "runs", "--db", Db), "not a valid DuckDB database file");
        AssertDamageReported(await EtlProcess.RunAsync(folder, "sql", "--db", Db, "SELECT 1"), "not a valid DuckDB database file");
    }

    [Fact]
    public async Task An_empty_or_truncated_file_is_reported_the_same_way()
    {
        await LoadRegister();
        var bytes = await File.ReadAllBytesAsync(Db);
        await File.WriteAllBytesAsync(Db, bytes[..5000]);
        AssertDamageReported(await EtlProcess.RunAsync(folder, "runs", "--db", Db), "truncated");

        await File.WriteAllBytesAsync(Db, []);
        AssertDamageReported(await EtlProcess.RunAsync(folder, "runs", "--db", Db), "not a valid DuckDB database file");
    }

    [Fact]
    public async Task A_corrupt_write_ahead_log_is_reported_with_the_wal_named()
    {
        await LoadRegister();
        WriteUncheckpointedChange(Db);
        var wal = Db + ".wal";
        Assert.True(new FileInfo(wal).Length > 200, "the test needs a write-ahead log");
        await using (var stream = new FileStream(wal, FileMode.Open, FileAccess.Write))
        {
            stream.Position = 100;
            await stream.WriteAsync(Enumerable.Repeat((byte)0x5A, 80).ToArray());
        }

        var result = await EtlProcess.RunAsync(folder, "runs", "--db", Db);

        AssertDamageReported(result, "write-ahead log (.wal) is damaged");
        Assert.Contains(wal, result.Err);
    }

    [Fact]
    public async Task An_empty_write_ahead_log_is_not_damage_and_the_data_is_intact()
    {
        await LoadRegister();
        await File.WriteAllBytesAsync(Db + ".wal", []);

        var runs = await EtlProcess.RunAsync(folder, "runs", "--db", Db, "--format", "csv");

        Assert.Equal(0, runs.ExitCode);
        Assert.Contains("区划名录.csv", runs.Out);
    }

    /// <summary>An insert left in the .wal: DuckDB is told not to checkpoint at close.</summary>
    internal static void WriteUncheckpointedChange(string db)
    {
        using var connection = new DuckDBConnection($"Data Source={db}");
        connection.Open();
        connection.Execute("PRAGMA disable_checkpoint_on_shutdown");
        connection.Execute("SET checkpoint_threshold = '1TB'");
        connection.Execute("INSERT INTO setting SELECT 'filler' || i, repeat('x', 50) FROM range(200) t(i)");
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
