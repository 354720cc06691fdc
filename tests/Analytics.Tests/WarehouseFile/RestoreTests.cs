using System.Diagnostics;
using Analytics.Tests.Cli;
using Analytics.Tests.PersonKey;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Tests.WarehouseFile;

/// <summary>`restore` lists the nightly backups and puts one back, keeping the damaged file aside; never while the file is held.</summary>
public sealed class RestoreTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("analytics-restore-").FullName;

    private string Db => Path.Combine(folder, "warehouse.duckdb");

    private string Backups => Path.Combine(folder, "backups");

    /// <summary>A backup as the nightly job writes it: COPY FROM DATABASE into a fresh file.</summary>
    private string Backup(string name)
    {
        Directory.CreateDirectory(Backups);
        var target = Path.Combine(Backups, name);
        using var connection = new DuckDBConnection($"Data Source={Db}");
        connection.Open();
        connection.Execute($"ATTACH '{target}' AS nightly_backup");
        connection.Execute("COPY FROM DATABASE warehouse TO nightly_backup");
        connection.Execute("DETACH nightly_backup");
        return target;
    }

    private async Task Load(string name, string text)
    {
        var load = await EtlProcess.RunAsync(folder, "load", KeyTestExtracts.Write(Path.Combine(folder, "in"), name, text), "--db", Db);
        Assert.True(load.ExitCode == 0, load.Out + load.Err);
    }

    [Fact]
    public async Task A_damaged_warehouse_is_restored_from_the_listed_backup_and_kept_aside()
    {
        await Load("区划名录.csv", KeyTestExtracts.Register);
        await Load("花名册.csv", KeyTestExtracts.Roster());
        Backup("warehouse-20240301-023000.duckdb");
        await File.WriteAllBytesAsync(Path.Combine(Backups, "warehouse-20240302-023000.duckdb"), [1, 2, 3]);
        await File.WriteAllBytesAsync(Db, new byte[4096]);

        var list = await EtlProcess.RunAsync(folder, "restore", "--db", Db, "--backups", Backups);
        var restore = await EtlProcess.RunAsync(folder, "restore", "--db", Db, "--backups", Backups, "--backup", "warehouse-20240301-023000.duckdb");
        var after = await EtlProcess.RunAsync(folder, "sql", "--db", Db, "--format", "csv", "SELECT count(*) AS people FROM person");

        Assert.Equal(0, list.ExitCode);
        Assert.Contains("warehouse-20240301-023000.duckdb", list.Out);
        Assert.Matches("warehouse-20240301-023000.duckdb.*可用 usable, 2 loads", list.Out);
        Assert.Matches("warehouse-20240302-023000.duckdb.*损坏 unusable", list.Out);
        Assert.True(restore.ExitCode == 0, restore.Out + restore.Err);
        Assert.Contains("已恢复 Restored", restore.Out);
        var aside = Directory.GetFiles(folder, "warehouse.duckdb.before-restore-*");
        Assert.Single(aside);
        Assert.Equal(new byte[4096], await File.ReadAllBytesAsync(aside[0]));
        Assert.True(after.ExitCode == 0, after.Err);
        Assert.Equal("5", after.Out.Split('\n')[1].Trim());
    }

    [Fact]
    public async Task An_unusable_backup_changes_nothing()
    {
        await Load("区划名录.csv", KeyTestExtracts.Register);
        Directory.CreateDirectory(Backups);
        await File.WriteAllBytesAsync(Path.Combine(Backups, "broken.duckdb"), [1, 2, 3]);
        var before = await File.ReadAllBytesAsync(Db);

        var restore = await EtlProcess.RunAsync(folder, "restore", "--db", Db, "--backups", Backups, "--backup", "broken.duckdb");

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("备份文件不可用", restore.Err);
        Assert.Equal(before, await File.ReadAllBytesAsync(Db));
        Assert.Empty(Directory.GetFiles(folder, "*.before-restore-*"));
    }

    [Fact]
    public async Task Restore_is_refused_while_another_process_holds_the_warehouse()
    {
        await Load("区划名录.csv", KeyTestExtracts.Register);
        var backup = Backup("warehouse-20240301-023000.duckdb");
        using var holder = Process.Start(EtlProcess.StartInfo(folder, "schedule", "--db", Db))!;
        try
        {
            await EtlProcess.WaitUntilStarted(holder);
            var restore = await EtlProcess.RunAsync(folder, "restore", "--db", Db, "--backup", backup);

            Assert.Equal(1, restore.ExitCode);
            Assert.Contains("in use by another process", restore.Err);
            Assert.Empty(Directory.GetFiles(folder, "*.before-restore-*"));
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
            await holder.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
