using System.Globalization;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Storage;

/// <summary>One backup file: where it is, when it was written, and whether it opens as a warehouse (with its loads).</summary>
public sealed record WarehouseBackup(string Path, DateTime WrittenUtc, long Bytes, bool Readable, long Loads, string? Problem);

/// <summary>What a restore did: the file restored from, where the replaced files were kept, and the loads now present.</summary>
public sealed record RestoreOutcome(string Backup, IReadOnlyList<string> KeptAside, long Loads, DateTime? LastLoad);

/// <summary>
/// The nightly backups of a warehouse (written by the nightly job with COPY FROM DATABASE) and restoring one: the
/// backup is checked first, the warehouse must not be held by another process, and the replaced file (and its .wal)
/// is kept aside under a dated name, never deleted.
/// </summary>
public static class WarehouseBackups
{
    /// <summary>Every *.duckdb file of the folders, newest first, each opened read-only to see whether it is usable.</summary>
    public static IReadOnlyList<WarehouseBackup> List(IEnumerable<string> folders) =>
        folders.Select(System.IO.Path.GetFullPath).Distinct().Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*.duckdb"))
            .Select(Inspect)
            .OrderByDescending(b => b.WrittenUtc).ThenByDescending(b => b.Path, StringComparer.Ordinal)
            .ToList();

    public static WarehouseBackup Inspect(string path)
    {
        var info = new FileInfo(path);
        try
        {
            using var connection = new DuckDBConnection($"Data Source={info.FullName};ACCESS_MODE=READ_ONLY");
            connection.Open();
            var loads = Convert.ToInt64(connection.Scalar("SELECT count(*) FROM load_run"), CultureInfo.InvariantCulture);
            return new WarehouseBackup(info.FullName, info.LastWriteTimeUtc, info.Length, true, loads, null);
        }
        catch (DuckDBException e)
        {
            return new WarehouseBackup(info.FullName, info.LastWriteTimeUtc, info.Length, false, 0, e.Message);
        }
    }

    /// <summary>Replaces the warehouse file with the backup, keeping the replaced file (and .wal) aside.</summary>
    /// <exception cref="WarehouseLockedException">Another process holds the warehouse: nothing was changed.</exception>
    /// <exception cref="InvalidOperationException">The backup is not a usable warehouse: nothing was changed.</exception>
    public static RestoreOutcome Restore(WarehouseDatabase warehouse, string backupPath, string researchPath, TimeProvider clock)
    {
        var backup = Inspect(System.IO.Path.GetFullPath(backupPath));
        if (!backup.Readable)
            throw new InvalidOperationException($"备份文件不可用，未做任何改动：{backup.Path}（{backup.Problem}） / The backup is not usable, nothing was changed: {backup.Path} ({backup.Problem})");
        RefuseWhileHeld(warehouse);
        var target = warehouse.FullPath;
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var keptAside = new List<string>();
        foreach (var file in new[] { target, target + ".wal" }.Where(File.Exists))
        {
            var aside = $"{file}.before-restore-{stamp}";
            File.Move(file, aside);
            keptAside.Add(aside);
        }
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        var copying = target + ".restoring";
        File.Copy(backup.Path, copying, overwrite: true);
        File.Move(copying, target);
        if (File.Exists(researchPath)) File.Delete(researchPath); // it may reflect loads the backup does not have
        using var connection = warehouse.Open();
        var loads = Convert.ToInt64(connection.Scalar("SELECT count(*) FROM load_run"), CultureInfo.InvariantCulture);
        var last = connection.Scalar("SELECT max(finished_at) FROM load_run") as DateTime?;
        return new RestoreOutcome(backup.Path, keptAside, loads, last);
    }

    /// <summary>Takes and releases the file's lock: a damaged file opens far enough to be locked, a held one does not.</summary>
    private static void RefuseWhileHeld(WarehouseDatabase warehouse)
    {
        if (!File.Exists(warehouse.FullPath)) return;
        try
        {
            using var probe = new DuckDBConnection($"Data Source={warehouse.FullPath}");
            probe.Open();
        }
        catch (DuckDBException e) when (WarehouseLockedException.IsLockError(e))
        {
            throw new WarehouseLockedException(warehouse.FullPath, e);
        }
        catch (DuckDBException)
        {
            // Damaged: that is why we restore.
        }
    }
}
