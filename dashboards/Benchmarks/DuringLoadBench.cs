using System.Diagnostics;
using Analytics.Etl.Benchmarks;
using Analytics.Warehouse.Research;
using Analytics.Warehouse.Storage;

namespace Analytics.Dashboards.Benchmarks;

/// <summary>
/// Pages while the host loads (<c>--during-load EXTRACTS</c>, a file or a folder of extracts): the host serving the
/// warehouse copy with its own settings (appsettings.json: the load's and the warehouse's memory limits) gets the
/// extracts dropped into its inbox right after the pages are warm, while <c>--clients N</c> signed-in clients (default
/// 20) GET the pages for <c>--seconds S</c>. Then it waits until the inbox job has filed every extract and the research
/// copy reflects the loaded warehouse, and prints the served pages' latency during the load, how long the load took and
/// the process's peak resident memory (host and clients together: an upper bound on the host's) against the 1 GB target.
/// </summary>
internal static class DuringLoadBench
{
    public const double HostPeakTargetMegabytes = 1024;

    public static async Task<IReadOnlyList<BenchMeasure>> RunAsync(WebApplication app, string folder, string extracts, Uri baseAddress,
        System.Net.CookieContainer cookies, IReadOnlyList<string> pages, PageBenchOptions options, TextWriter log)
    {
        var files = File.Exists(extracts) ? [Path.GetFullPath(extracts)]
            : Directory.Exists(extracts) ? Directory.GetFiles(extracts).Order(StringComparer.Ordinal).ToArray()
            : throw new FileNotFoundException($"--during-load: no file or folder {extracts}");
        if (files.Length == 0) throw new FileNotFoundException($"--during-load: {extracts} holds no file");
        var inbox = Path.Combine(folder, "inbox");
        var staging = Path.Combine(folder, "staging");
        Directory.CreateDirectory(inbox);
        Directory.CreateDirectory(staging);
        var rows = 0L;
        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(staging, Path.GetFileName(file)));
            if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) rows += File.ReadLines(file).LongCount() - 1;
        }
        var load = Stopwatch.StartNew();
        Task<double>? filing = null;
        Task Drop()
        {
            log.WriteLine($"收件箱 inbox: {files.Length} extract(s) ({rows:N0} CSV rows) dropped in; the clients go on ...");
            foreach (var file in Directory.GetFiles(staging)) File.Move(file, Path.Combine(inbox, Path.GetFileName(file)));
            load.Restart();
            filing = FiledAsync(inbox, files.Length, log);
            return Task.CompletedTask;
        }

        var clients = options.Clients ?? 20;
        var measures = (await PageLoadBench.RunAsync(baseAddress, cookies, pages, clients, options.Seconds, options.Province, log, Drop, "during a load")).ToList();
        var loadSeconds = await filing!;
        if (double.IsNaN(loadSeconds)) throw new TimeoutException("the inbox job did not file every extract within 30 minutes");
        var research = ResearchRebuildSeconds(app);
        var peak = ProcessPeakMegabytes();
        log.WriteLine($"  every extract filed {loadSeconds:0.0} s after the drop; the research copy then brought up to date in {research:0.0} s");
        measures.Add(BenchMeasure.Info("收件箱加载 inbox load while serving, until every extract is filed", loadSeconds, "s"));
        measures.Add(BenchMeasure.Info("研究库 research copy brought up to date after the load (as a researcher's first query does)", research, "s"));
        measures.Add(BenchMeasure.AtMost("峰值内存 host peak memory, load + research rebuild + pages (host and clients)", peak, "MB", HostPeakTargetMegabytes));
        return measures;
    }

    /// <summary>Seconds from the drop until the inbox is empty (each extract moved to archive/ or rejected/); NaN after 30 minutes.</summary>
    private static async Task<double> FiledAsync(string inbox, int count, TextWriter log)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(30))
        {
            if (!Directory.EnumerateFiles(inbox).Any(f => !Path.GetFileName(f).StartsWith('.'))) return watch.Elapsed.TotalSeconds;
            await Task.Delay(250);
        }
        log.WriteLine($"  the inbox still holds files of the {count} dropped after 30 minutes");
        return double.NaN;
    }

    /// <summary>
    /// Brings the research copy up to date in the host's process, as the host's refresher or a researcher's first query
    /// does (waiting for a rebuild already under way), so its memory is inside the measured peak; the seconds it took.
    /// </summary>
    private static double ResearchRebuildSeconds(WebApplication app)
    {
        var watch = Stopwatch.StartNew();
        using var connection = app.Services.GetRequiredService<WarehouseDatabase>().Open();
        app.Services.GetRequiredService<ResearchSurface>().Refresh(connection);
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>The process's peak resident set (VmHWM on Linux, as PeakWorkingSet64 reads it).</summary>
    private static double ProcessPeakMegabytes()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / (1024.0 * 1024);
    }
}
