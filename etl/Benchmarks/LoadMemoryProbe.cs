using System.Diagnostics;
using System.Globalization;
using Analytics.Etl.Loading;
using Analytics.Warehouse.People;
using Analytics.Warehouse.Storage;

namespace Analytics.Etl.Benchmarks;

/// <summary>What one child process measured while loading one file into a warehouse.</summary>
internal sealed record LoadMemorySample(long BaselineBytes, long PeakBytes, int RowsRead, int RowsLoaded, double Seconds)
{
    /// <summary>Peak resident memory above the process's resident memory just before the load began.</summary>
    public long GrowthBytes => Math.Max(0, PeakBytes - BaselineBytes);

    public string ToLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Prefix}baseline={BaselineBytes} peak={PeakBytes} read={RowsRead} loaded={RowsLoaded} seconds={Seconds:R}");

    public const string Prefix = "load-memory: ";

    public static LoadMemorySample Parse(string output)
    {
        var line = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal))
            ?? throw new InvalidDataException("the load-memory child printed no result line");
        var fields = line[Prefix.Length..].Split(' ').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        return new LoadMemorySample(long.Parse(fields["baseline"], CultureInfo.InvariantCulture), long.Parse(fields["peak"], CultureInfo.InvariantCulture),
            int.Parse(fields["read"], CultureInfo.InvariantCulture), int.Parse(fields["loaded"], CultureInfo.InvariantCulture),
            double.Parse(fields["seconds"], CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// Peak memory of a load, measured in a fresh process each time (peak resident set size, VmHWM, only ever grows, so
/// two loads in one process could not be told apart): the bench starts itself as
/// <c>bench --measure-load FILE --db DB</c> and reads the result line it prints.
/// </summary>
internal static class LoadMemoryProbe
{
    /// <summary>The child side: open the warehouse, note the resident memory, load the file, report the peak.</summary>
    public static LoadMemorySample MeasureHere(string file, string db)
    {
        var options = BenchWarehouse.Options(db);
        var database = new WarehouseDatabase(options);
        var loader = new ExtractLoader(database, PersonKeySource.Resolve(options), TimeProvider.System) { MemoryLimitWhileLoading = LoadMemory.OwnProcessLimit };
        using (database.Open()) { }
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var baseline = self.WorkingSet64;
        var watch = Stopwatch.StartNew();
        var report = loader.Load([file]);
        var seconds = watch.Elapsed.TotalSeconds;
        self.Refresh();
        var result = report.Files.Single();
        if (result.Outcome != LoadOutcome.Loaded) throw new InvalidOperationException($"{result.FileName}: {result.Outcome} {result.MessageEn}");
        return new LoadMemorySample(baseline, self.PeakWorkingSet64, result.RowsRead, result.RowsLoaded, seconds);
    }

    /// <summary>The parent side: runs the child on the file and parses its result.</summary>
    public static LoadMemorySample MeasureInChild(string file, string db)
    {
        var info = SelfStartInfo();
        foreach (var arg in new[] { "bench", "--measure-load", file, "--db", db }) info.ArgumentList.Add(arg);
        using var child = Process.Start(info) ?? throw new InvalidOperationException("could not start the load-memory child");
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        if (!child.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            child.Kill();
            throw new TimeoutException("the load-memory child did not finish in 5 minutes");
        }
        if (child.ExitCode != 0) throw new InvalidOperationException($"the load-memory child failed ({child.ExitCode}): {stderr.Result.Trim()}");
        return LoadMemorySample.Parse(stdout.Result);
    }

    /// <summary>This program again: its apphost, or `dotnet Analytics.Etl.dll` when it was started through dotnet.</summary>
    private static ProcessStartInfo SelfStartInfo()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the process path is unknown");
        var info = new ProcessStartInfo(process) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(process) == "dotnet")
            info.ArgumentList.Add(typeof(LoadMemoryProbe).Assembly.Location);
        return info;
    }
}
