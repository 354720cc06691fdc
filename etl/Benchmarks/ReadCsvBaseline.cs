using System.Diagnostics;
using Analytics.Etl.Extracts;
using DuckDB.NET.Data;

namespace Analytics.Etl.Benchmarks;

/// <summary>
/// DuckDB's own read_csv (through DuckDB.NET, all_varchar, CREATE TABLE AS into a fresh database file) on the very
/// files the loader read in the same bench run: the anchor for load throughput. DuckDB reads no GB18030 without its
/// encodings extension (not available offline), so a GB18030 file is given to read_csv as an untimed UTF-8 copy;
/// the loader's figure for that file includes the GB18030 decode.
/// </summary>
internal static class ReadCsvBaseline
{
    public const double Utf8Target = 0.5, Gb18030Target = 0.4;

    /// <summary>read_csv seconds of each roster the loader read, next to the loader's own seconds for it.</summary>
    public static IReadOnlyList<(LoadFileSample File, double ReadCsvSeconds)> Measure(string folder, IEnumerable<LoadFileSample> files, string scratch, TextWriter log)
    {
        Directory.CreateDirectory(scratch);
        var rosters = files.Where(f => f.Kind == ExtractKinds.Roster.Code).ToList();
        log.WriteLine($"read_csv: DuckDB's own CSV reader on the same {rosters.Count} rosters ...");
        var result = new List<(LoadFileSample, double)>();
        foreach (var file in rosters)
        {
            var source = Path.Combine(folder, file.FileName);
            var input = file.Encoding == ExtractDecoder.Gb18030 ? Utf8Copy(source, Path.Combine(scratch, "utf8.csv")) : source;
            result.Add((file, ReadCsvSeconds(input, Path.Combine(scratch, "read_csv.duckdb"))));
        }

        return result;
    }

    /// <summary>ETL rows/s ÷ read_csv rows/s for the UTF-8 and the GB18030 rosters, with the throughputs behind them.</summary>
    public static IEnumerable<BenchMeasure> Ratios(IReadOnlyList<(LoadFileSample File, double ReadCsvSeconds)> measured, string scope)
    {
        foreach (var (name, utf8, target) in new[] { ("UTF-8", true, Utf8Target), ("GB18030", false, Gb18030Target) })
        {
            var group = measured.Where(m => (m.File.Encoding != ExtractDecoder.Gb18030) == utf8).ToList();
            if (group.Count == 0) continue;
            var rows = group.Sum(m => (long)m.File.RowsRead);
            var etl = BenchStats.PerSecond(rows, group.Sum(m => m.File.Seconds));
            var readCsv = BenchStats.PerSecond(rows, group.Sum(m => m.ReadCsvSeconds));
            var decode = utf8 ? "" : ", decode included";
            yield return BenchMeasure.Info($"加载吞吐 ETL load, {name} rosters ({scope}, {group.Count} files, {rows:N0} rows)", etl, "rows/s");
            yield return BenchMeasure.Info($"read_csv 吞吐 DuckDB read_csv, same {name} rosters", readCsv, "rows/s");
            yield return BenchMeasure.AtLeast($"ETL ÷ read_csv, {name} rosters{decode}", readCsv == 0 ? 0 : etl / readCsv, "×", target);
        }
    }

    private static double ReadCsvSeconds(string csv, string database)
    {
        foreach (var stale in Directory.GetFiles(Path.GetDirectoryName(database)!, Path.GetFileName(database) + "*")) File.Delete(stale);
        using var connection = new DuckDBConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE roster AS SELECT * FROM read_csv($path, all_varchar = true, header = true)";
        command.Parameters.Add(new DuckDBParameter("path", csv));
        var watch = Stopwatch.StartNew();
        command.ExecuteNonQuery();
        return watch.Elapsed.TotalSeconds;
    }

    private static string Utf8Copy(string gb18030, string target)
    {
        using var reader = new StreamReader(gb18030, ExtractDecoder.StrictGb18030);
        using var writer = new StreamWriter(target, append: false, ExtractCsvWriter.EncodingOf(ExtractCsvWriter.Utf8));
        var buffer = new char[1 << 16];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0) writer.Write(buffer, 0, read);
        return target;
    }
}
