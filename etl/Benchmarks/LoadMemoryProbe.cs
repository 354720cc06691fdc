using System.Diagnostics;
using System.Globalization;
using Analytics.Etl.Cli;
using Analytics.Etl.Loading;
using Analytics.Warehouse.Storage;

namespace Analytics.Etl.Benchmarks;

/// <summary>One file of a measured load: its kind and encoding, rows, and the seconds its load took (commit included).</summary>
internal sealed record LoadFileSample(string FileName, string Kind, string Encoding, int RowsRead, int RowsLoaded, double Seconds);

/// <summary>What one child process measured while loading files into a warehouse.</summary>
internal sealed record LoadMemorySample(long BaselineBytes, long PeakBytes, int RowsRead, int RowsLoaded, double Seconds, IReadOnlyList<LoadFileSample> Files)
{
    public const string Prefix = "load-memory: ", FilePrefix = "load-file:";

    /// <summary>Peak resident memory above the process's resident memory just before the load began.</summary>
    public long GrowthBytes => Math.Max(0, PeakBytes - BaselineBytes);

    public IEnumerable<string> ToLines() => Files
        .Select(f => string.Join('\t', FilePrefix, f.FileName, f.Kind, f.Encoding, f.RowsRead.ToString(CultureInfo.InvariantCulture),
            f.RowsLoaded.ToString(CultureInfo.InvariantCulture), f.Seconds.ToString("R", CultureInfo.InvariantCulture)))
        .Append(string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}baseline={BaselineBytes} peak={PeakBytes} read={RowsRead} loaded={RowsLoaded} seconds={Seconds:R}"));

    public static LoadMemorySample Parse(string output)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var line = lines.Select(l => l.Trim()).LastOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal))
            ?? throw new InvalidDataException("the load-memory child printed no result line");
        var fields = line[Prefix.Length..].Split(' ').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        var files = lines.Where(l => l.StartsWith(FilePrefix, StringComparison.Ordinal)).Select(l => l.Split('\t'))
            .Select(f => new LoadFileSample(f[1], f[2], f[3], int.Parse(f[4], CultureInfo.InvariantCulture), int.Parse(f[5], CultureInfo.InvariantCulture),
                double.Parse(f[6], CultureInfo.InvariantCulture)))
            .ToList();
        return new LoadMemorySample(long.Parse(fields["baseline"], CultureInfo.InvariantCulture), long.Parse(fields["peak"], CultureInfo.InvariantCulture),
            int.Parse(fields["read"], CultureInfo.InvariantCulture), int.Parse(fields["loaded"], CultureInfo.InvariantCulture),
            double.Parse(fields["seconds"], CultureInfo.InvariantCulture), files);
    }
}

/// <summary>
/// Peak memory and time of a load as the CLI `load` runs it, measured in a fresh process each time (peak resident
/// set size, VmHWM, only ever grows, so two loads in one process could not be told apart): the bench starts itself as
/// <c>bench --measure-load PATH --db DB</c> (PATH a file or a folder) and reads the lines it prints.
/// </summary>
internal static class LoadMemoryProbe
{
    /// <summary>The child side: open the warehouse, note the resident memory, load with the CLI's loader, report.</summary>
    public static LoadMemorySample MeasureHere(string path, string db)
    {
        var options = BenchWarehouse.Options(db);
        var loader = CliCommands.CliLoader(options);
        using (new WarehouseDatabase(options).Open()) { }
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var baseline = self.WorkingSet64;
        var watch = Stopwatch.StartNew();
        var report = loader.Load([path]);
        var seconds = watch.Elapsed.TotalSeconds;
        self.Refresh();
        BenchWarehouse.RequireAllLoaded(report, path);
        var files = report.Files.Select(f => new LoadFileSample(f.FileName, f.Kind?.Code ?? "", f.EncodingName ?? "", f.RowsRead, f.RowsLoaded, f.Seconds)).ToList();
        return new LoadMemorySample(baseline, self.PeakWorkingSet64, report.Files.Sum(f => f.RowsRead), report.RowsLoaded, seconds, files);
    }

    /// <summary>The parent side: runs the child on the file or folder and parses its result.</summary>
    public static LoadMemorySample MeasureInChild(string path, string db, TimeSpan? timeout = null)
    {
        var info = SelfStartInfo();
        foreach (var arg in new[] { "bench", "--measure-load", path, "--db", db }) info.ArgumentList.Add(arg);
        using var child = Process.Start(info) ?? throw new InvalidOperationException("could not start the load-memory child");
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        if (!child.WaitForExit(timeout ?? TimeSpan.FromMinutes(60)))
        {
            child.Kill(entireProcessTree: true);
            throw new TimeoutException("the load-memory child did not finish in time");
        }

        if (child.ExitCode != 0) throw new InvalidOperationException($"the load-memory child failed ({child.ExitCode}): {stderr.Result.Trim()} {stdout.Result.Trim()}");
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
