using System.Globalization;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Etl.Publishing;

/// <summary>One Parquet output of a publication: its folder under the Parquet root, its rows and hive partitions.</summary>
internal sealed record ParquetOutput(string Name, long Rows, int Partitions);

/// <summary>What <c>etl publish</c> wrote: the read-only copy, its version (the marker's text) and the Parquet outputs.</summary>
internal sealed record Publication(string CopyPath, string Version, long CopyBytes, string ParquetFolder, IReadOnlyList<ParquetOutput> Outputs);

/// <summary>
/// Publishes the warehouse for readers elsewhere, while holding it as its only writer (so the copy is consistent):
/// (a) a read-only copy (DuckDB's COPY FROM DATABASE into a temp file, renamed over the old copy in one step, then its
/// version marker <c>COPY.version</c>), which any number of dashboards serve with <c>--read-only COPY</c>; (b) the
/// snapshot facts and the per-snapshot district metrics as Parquet partitioned by snapshot and district (hive layout:
/// <c>facts/worker/snapshot=2023-06-30/district=510104/…</c>) for Spark, Trino or DuckDB elsewhere, replaced as a whole.
/// </summary>
internal sealed class WarehousePublisher(WarehouseDatabase database, TimeProvider clock)
{
    /// <summary>The Parquet outputs: folder name and the query behind it (columns snapshot and district are the partitions).</summary>
    internal static readonly IReadOnlyList<(string Name, string Sql)> ParquetQueries =
    [
        ("facts/worker", """
            SELECT w.*, coalesce(u.district_code, 'unknown') AS district
            FROM fact_worker w LEFT JOIN fact_unit u USING (unit_id)
            """),
        ("facts/unit_people", """
            SELECT p.*, u.code AS unit_code, u.name AS unit_name, u.kind AS unit_kind, u.required_posts,
                   coalesce(u.district_code, 'unknown') AS district
            FROM fact_unit_people p LEFT JOIN fact_unit u USING (unit_id)
            """),
        ("metrics/district_progress", """
            SELECT as_of AS snapshot, district_code AS district, * EXCLUDE (as_of, district_code)
            FROM snapshot_district_progress
            """),
    ];

    public Publication Publish(string copyPath, string parquetFolder)
    {
        copyPath = Path.GetFullPath(copyPath);
        parquetFolder = Path.GetFullPath(parquetFolder);
        if (copyPath == database.FullPath) throw new InvalidOperationException($"发布副本不能覆盖仓库本身 / The copy cannot be the warehouse itself: {copyPath}");
        Directory.CreateDirectory(Path.GetDirectoryName(copyPath)!);
        using var connection = database.Open(); // the writer's lock: no load can change the warehouse meanwhile
        var loads = Convert.ToInt64(connection.Scalar("SELECT count(*) FROM load_run"), CultureInfo.InvariantCulture);
        var version = $"{clock.GetUtcNow():yyyyMMdd'T'HHmmss.fff'Z'} loads={loads}";

        WriteCopy(connection, copyPath);
        var outputs = WriteParquet(connection, parquetFolder);
        ReplaceAtomically(ReadOnlyCopy.MarkerOf(copyPath), version);
        return new Publication(copyPath, version, new FileInfo(copyPath).Length, parquetFolder, outputs);
    }

    private static void WriteCopy(DuckDBConnection connection, string copyPath)
    {
        var building = copyPath + ".publishing";
        foreach (var stale in new[] { building, building + ".wal" }.Where(File.Exists)) File.Delete(stale);
        var source = Convert.ToString(connection.Scalar("SELECT current_database()"), CultureInfo.InvariantCulture)!;
        // Paths are ours (the command's options), never user SQL; ATTACH and COPY take no parameters.
        connection.Execute($"ATTACH {Literal(building)} AS publish_copy");
        try
        {
            connection.Execute($"COPY FROM DATABASE \"{source.Replace("\"", "\"\"", StringComparison.Ordinal)}\" TO publish_copy");
        }
        finally
        {
            connection.Execute("DETACH publish_copy");
        }
        File.Move(building, copyPath, overwrite: true); // readers holding the old copy keep reading it until they swap
    }

    private static List<ParquetOutput> WriteParquet(DuckDBConnection connection, string parquetFolder)
    {
        var building = parquetFolder + ".publishing";
        if (Directory.Exists(building)) Directory.Delete(building, recursive: true);
        var outputs = new List<ParquetOutput>();
        foreach (var (name, sql) in ParquetQueries)
        {
            var folder = Path.Combine(building, name);
            Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
            var rows = Convert.ToInt64(connection.Scalar($"SELECT count(*) FROM ({sql})"), CultureInfo.InvariantCulture);
            connection.Execute($"COPY ({sql}) TO {Literal(folder)} (FORMAT parquet, PARTITION_BY (snapshot, district), OVERWRITE_OR_IGNORE)");
            var partitions = Directory.Exists(folder) ? Directory.GetDirectories(folder, "district=*", SearchOption.AllDirectories).Length : 0;
            outputs.Add(new ParquetOutput(name, rows, partitions));
        }
        var previous = parquetFolder + ".previous";
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
        if (Directory.Exists(parquetFolder)) Directory.Move(parquetFolder, previous);
        Directory.Move(building, parquetFolder);
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
        return outputs;
    }

    private static void ReplaceAtomically(string path, string text)
    {
        var writing = path + ".writing";
        File.WriteAllText(writing, text + Environment.NewLine);
        File.Move(writing, path, overwrite: true);
    }

    private static string Literal(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
}

/// <summary>Where a published copy's version marker lives (read by the dashboards serving it).</summary>
public static class ReadOnlyCopy
{
    /// <summary>The marker beside the copy: its text changes with every publication.</summary>
    public static string MarkerOf(string copyPath) => copyPath + ".version";

    /// <summary>The de-identified research file published beside the copy (warehouse.duckdb → warehouse.research.duckdb),
    /// which the replicas' research consoles read read-only.</summary>
    public static string ResearchOf(string copyPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(copyPath))!, Path.GetFileNameWithoutExtension(copyPath) + ".research.duckdb");

    /// <summary>Puts a file in place under a temp name first, then renames it over the old one in one step.</summary>
    internal static void PlaceAtomically(string source, string target)
    {
        var writing = target + ".publishing";
        File.Copy(source, writing, overwrite: true);
        File.Move(writing, target, overwrite: true);
    }
}
