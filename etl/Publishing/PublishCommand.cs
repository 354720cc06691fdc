using System.CommandLine;
using Analytics.Etl.Publishing;
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
            version marker COPY.version) that dashboards serve with `--read-only COPY` and pick up without a restart, and
            the snapshot facts and district metrics as Parquet partitioned by snapshot and district (hive layout).
            发布：只读副本（供看板 --read-only 使用）以及按快照、区县分区的 Parquet 文件。
            """) { db, to, parquet };
        command.SetAction(parseResult =>
        {
            using var services = CliHost.Services(parseResult.GetValue(db));
            var database = services.GetRequiredService<WarehouseDatabase>();
            var folder = Path.Combine(database.Options.DataFolder, "published");
            var publication = new WarehousePublisher(database, TimeProvider.System).Publish(
                parseResult.GetValue(to) ?? Path.Combine(folder, "warehouse.duckdb"),
                parseResult.GetValue(parquet) ?? Path.Combine(folder, "parquet"));
            Console.WriteLine($"只读副本 Read-only copy: {publication.CopyPath} ({publication.CopyBytes / 1048576.0:0.0} MB), 版本 version {publication.Version}");
            foreach (var output in publication.Outputs)
                Console.WriteLine($"Parquet {output.Name}: {output.Rows:N0} 行 rows, {output.Partitions} 个分区 partitions");
            Console.WriteLine($"Parquet 目录 folder: {publication.ParquetFolder}");
            return CliHost.Ok;
        });
        return command;
    }
}
