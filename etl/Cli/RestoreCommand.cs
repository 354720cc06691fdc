using System.CommandLine;
using System.Globalization;
using Analytics.Warehouse.Research;
using Analytics.Warehouse.Storage;
using Analytics.Etl.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Analytics.Etl.Cli;

internal static partial class CliCommands
{
    /// <summary>`restore [--db FILE] [--backups DIR] [--backup NAME]`: lists the nightly backups, or restores one.</summary>
    public static Command Restore()
    {
        var db = CliHost.DbOption();
        var folder = new Option<string?>("--backups")
        {
            Description = "Folder of the nightly backups (default: Scheduling:Backups, else data/backups, and backups/ beside the warehouse) / 备份目录",
        };
        var backup = new Option<string?>("--backup") { Description = "The backup to restore: its file name (as listed) or path / 要恢复的备份" };
        var command = new Command("restore", """
            List the nightly backups of the warehouse (newest first, each checked), or with --backup restore one: the
            warehouse must not be in use (stop the dashboard first); the replaced file and its .wal are kept beside it,
            renamed *.before-restore-<time>. Then load again the extract files received after that backup.
            列出仓库的夜间备份（最新在前，逐个检查可用性）；加 --backup 恢复其中一份：须先停止看板；被替换的文件改名保留。
            """) { db, folder, backup };
        command.SetAction(parseResult =>
        {
            using var services = CliHost.Services(parseResult.GetValue(db));
            var options = services.WarehouseOptions();
            var folders = BackupFolders(parseResult.GetValue(folder), options, services.GetRequiredService<IOptions<IngestionScheduleOptions>>().Value);
            var backups = WarehouseBackups.List(folders);
            var chosen = parseResult.GetValue(backup);
            if (chosen is null) return ListBackups(options, folders, backups);
            var path = File.Exists(chosen) ? chosen : backups.FirstOrDefault(b => Path.GetFileName(b.Path) == chosen)?.Path;
            if (path is null)
            {
                Console.Error.WriteLine($"找不到备份 {chosen}；不带 --backup 运行可列出全部备份。 / No backup {chosen}; run without --backup to list them.");
                return CliHost.Refused;
            }
            var research = services.GetRequiredService<IOptions<ResearchOptions>>().Value;
            var outcome = WarehouseBackups.Restore(services.GetRequiredService<WarehouseDatabase>(), path, research.ResolvePath(options.Path),
                services.GetRequiredService<TimeProvider>());
            Console.WriteLine($"已恢复 Restored: {Path.GetFullPath(options.Path)} ← {outcome.Backup}");
            foreach (var aside in outcome.KeptAside) Console.WriteLine($"  原文件保留为 kept aside as: {aside}");
            var last = outcome.LastLoad?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";
            Console.WriteLine($"  加载记录 loads: {outcome.Loads:N0}，最后一次 last at {last}");
            Console.WriteLine("  请把这之后收到的数据文件重新加载一次（已加载过的文件会被识别并跳过）。 / " +
                "Load again the extract files received after that time (files already loaded are recognised and skipped).");
            return CliHost.Ok;
        });
        return command;
    }

    private static int ListBackups(WarehouseOptions options, IReadOnlyList<string> folders, IReadOnlyList<WarehouseBackup> backups)
    {
        Console.WriteLine($"仓库 Warehouse: {Path.GetFullPath(options.Path)}");
        if (backups.Count == 0)
        {
            Console.WriteLine($"没有找到备份（查找了 {string.Join("、", folders)}）。夜间任务每晚写一份备份。 / " +
                $"No backups found (looked in {string.Join(", ", folders)}). The nightly job writes one each night.");
            return CliHost.Ok;
        }
        foreach (var b in backups)
        {
            var state = b.Readable ? $"可用 usable, {b.Loads:N0} loads" : $"损坏 unusable: {b.Problem}";
            Console.WriteLine($"{Path.GetFileName(b.Path)}\t{b.WrittenUtc.ToLocalTime():yyyy-MM-dd HH:mm}\t{b.Bytes / 1_048_576.0:N1} MB\t{state}\t{b.Path}");
        }
        Console.WriteLine("恢复其中一份 To restore one: dotnet run --project etl -- restore --db <warehouse> --backup <文件名 file name>");
        return CliHost.Ok;
    }

    /// <summary>Where the nightly job writes (Scheduling:Backups, as it resolves it) and backups/ beside the warehouse.</summary>
    private static IReadOnlyList<string> BackupFolders(string? given, WarehouseOptions options, IngestionScheduleOptions scheduling)
    {
        if (given is not null) return [Path.GetFullPath(given)];
        return new[] { Path.GetFullPath(scheduling.Backups), Path.Combine(options.DataFolder, "backups") }.Distinct().ToList();
    }
}
