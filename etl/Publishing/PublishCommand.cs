using System.CommandLine;
using Analytics.Etl.Forecasting;
using Analytics.Etl.Publishing;
using Analytics.Warehouse.Research;
using Analytics.Warehouse.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Etl.Cli;

internal static partial class CliCommands
{
    /// <summary>`publish [--db FILE] [--to COPY] [--parquet DIR]`: a read-only copy for the dashboards and Parquet for other engines.</summary>
    public static Command Publish()
    {
        var db = CliHost.DbOption();
        var to = new Option<string?>("--to") { Description = "The read-only copy to write (default: published/warehouse.duckdb beside the warehouse)" };
        var parquet = new Option<string?>("--parquet") { Description = "The Parquet folder to write (default: published/parquet beside the warehouse)" };
        var command = new Command("publish", """
            Publishes the warehouse: a consistent read-only copy (written under a temp name, renamed into place, then its
            version marker COPY.version) that dashboards serve with `--read-only COPY` and pick up without a restart, with
            the current forecast run stored in it and the de-identified research file beside it (COPY's name .research.duckdb),
            and the snapshot facts and district metrics as Parquet partitioned by snapshot and district (hive layout).
            发布：只读副本（含已保存的预测，旁边附研究库，供看板 --read-only 使用）以及按快照、区县分区的 Parquet 文件。
            """) { db, to, parquet };
        command.SetAction(parseResult =>
        {
            using var services = CliHost.Services(parseResult.GetValue(db));
            var database = services.GetRequiredService<WarehouseDatabase>();
            var folder = Path.Combine(database.Options.DataFolder, "published");
            // The forecast run of these data, stored first, so the replicas show the writer's run (not a refit of their own).
            var fitted = services.GetRequiredService<GapForecasts>().EnsureStoredRun();
            // The research file (built or brought up to date beside the warehouse), published beside the copy for the replicas' consoles.
            var research = services.GetRequiredService<ResearchSurface>();
            research.Refresh();
            var copyPath = parseResult.GetValue(to) ?? Path.Combine(folder, "warehouse.duckdb");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(copyPath))!);
            ReadOnlyCopy.PlaceAtomically(research.Database.FullPath, ReadOnlyCopy.ResearchOf(copyPath));
            var publication = new WarehousePublisher(database, TimeProvider.System).Publish(
                copyPath,
                parseResult.GetValue(parquet) ?? Path.Combine(folder, "parquet"));
            Console.WriteLine($"只读副本 Read-only copy: {publication.CopyPath} ({publication.CopyBytes / 1048576.0:0.0} MB), 版本 version {publication.Version}");
            foreach (var output in publication.Outputs)
                Console.WriteLine($"Parquet {output.Name}: {output.Rows:N0} 行 rows, {output.Partitions} 个分区 partitions");
            Console.WriteLine($"Parquet 目录 folder: {publication.ParquetFolder}");
            Console.WriteLine($"研究库 Research file: {ReadOnlyCopy.ResearchOf(copyPath)}");
            Console.WriteLine(fitted ? "预测已拟合并保存 Forecast run fitted and stored" : "预测沿用已保存的结果 Forecast run already stored");
            return CliHost.Ok;
        });
        return command;
    }
}
