using System.Diagnostics;
using Analytics.Etl.Extracts;
using DuckDB.NET.Data;

namespace Analytics.Etl.Benchmarks;

/// <summary>
/// DuckDB's own read_csv (through DuckDB.NET, all_varchar, CREATE TABLE AS into a fresh database file) on the very
/// rosters the loader read in the same bench run: the anchor for load throughput. Each roster is loaded again as
/// `load` does it (into a warehouse holding only the org register, in this process) and then read by read_csv, one
/// right after the other, so both see the same machine. DuckDB reads no GB18030 without its encodings extension (not
/// available offline), so read_csv gets an untimed UTF-8 copy of a GB18030 file; the loader's time includes the decode.
/// Both sides are also measured in CPU-seconds of this process (nothing else runs in it meanwhile): the work each does
/// per row whatever the number of cores it spreads over, and however busy the machine is.
/// </summary>
internal static class ReadCsvBaseline
{
    public const double Utf8Target = 0.5, Gb18030Target = 0.4;

    /// <summary>For each roster the loader read: its seconds in the loader and in read_csv, measured back to back.</summary>
    public static IReadOnlyList<ReadCsvComparison> Measure(string folder, IEnumerable<LoadFileSample> files, string scratch, TextWriter log)
    {
        Directory.CreateDirectory(scratch);
        var register = RosterMemory.RegisterWarehouse(Path.Combine(scratch, "register.duckdb"), folder);
        var rosters = files.Where(f => f.Kind == ExtractKinds.Roster.Code).ToList();
        log.WriteLine($"read_csv: each of the {rosters.Count} rosters loaded again, then read by DuckDB's own read_csv ...");
        var result = new List<ReadCsvComparison>();
        foreach (var file in rosters)
        {
            var source = Path.Combine(folder, file.FileName);
            var etlCpu = CpuSeconds();
            var etl = LoadAlone(source, register, Path.Combine(scratch, "etl.duckdb"));
            etlCpu = CpuSeconds() - etlCpu;
            var input = file.Encoding == ExtractDecoder.Gb18030 ? Utf8Copy(source, Path.Combine(scratch, "utf8.csv")) : source;
            var readCsvCpu = CpuSeconds();
            var readCsvSeconds = ReadCsvSeconds(input, Path.Combine(scratch, "read_csv.duckdb"));
            result.Add(new ReadCsvComparison(etl, readCsvSeconds, etlCpu, CpuSeconds() - readCsvCpu));
        }

        return result;
    }

    /// <summary>ETL rows/s ÷ read_csv rows/s for the UTF-8 and the GB18030 rosters, with the throughputs behind them.</summary>
    public static IEnumerable<BenchMeasure> Ratios(IReadOnlyList<ReadCsvComparison> measured, string scope)
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
            var etlCpu = group.Sum(m => m.EtlCpuSeconds) * 100_000 / rows;
            var readCsvCpu = group.Sum(m => m.ReadCsvCpuSeconds) * 100_000 / rows;
            yield return BenchMeasure.Info($"CPU 用量 ETL load, {name}: CPU-seconds per 100,000 rows", etlCpu, "CPU-s");
            yield return BenchMeasure.Info($"CPU 用量 read_csv, {name}: CPU-seconds per 100,000 rows", readCsvCpu, "CPU-s");
            yield return BenchMeasure.Info($"ETL ÷ read_csv per CPU-second, {name} (work per row, any core count)", etlCpu == 0 ? 0 : readCsvCpu / etlCpu, "×");
            var etlWall = group.Sum(m => m.File.Seconds);
            var readCsvWall = group.Sum(m => m.ReadCsvSeconds);
            yield return BenchMeasure.Info($"并行度 cores kept busy (CPU-s ÷ wall-s), ETL load, {name}",
                etlWall == 0 ? 0 : group.Sum(m => m.EtlCpuSeconds) / etlWall, "cores");
            yield return BenchMeasure.Info($"并行度 cores kept busy (CPU-s ÷ wall-s), read_csv, {name}",
                readCsvWall == 0 ? 0 : group.Sum(m => m.ReadCsvCpuSeconds) / readCsvWall, "cores");
        }
    }

    private static double CpuSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>One roster loaded by the CLI's loader into a copy of the register-only warehouse.</summary>
    private static LoadFileSample LoadAlone(string roster, string register, string database)
    {
        Fresh(database);
        File.Copy(register, database);
        var report = Cli.CliCommands.CliLoader(BenchWarehouse.Options(database)).Load([roster]);
        BenchWarehouse.RequireAllLoaded(report, roster);
        var f = report.Files.Single();
        return new LoadFileSample(f.FileName, f.Kind?.Code ?? "", f.EncodingName ?? "", f.RowsRead, f.RowsLoaded, f.Seconds);
    }

    private static void Fresh(string database)
    {
        foreach (var stale in Directory.GetFiles(Path.GetDirectoryName(database)!, Path.GetFileName(database) + "*")) File.Delete(stale);
    }

    private static double ReadCsvSeconds(string csv, string database)
    {
        Fresh(database);
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

/// <summary>One roster: the loader's sample and wall seconds, read_csv's wall seconds, and the process CPU-seconds of each.</summary>
internal sealed record ReadCsvComparison(LoadFileSample File, double ReadCsvSeconds, double EtlCpuSeconds, double ReadCsvCpuSeconds);
