using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Analytics.Etl.Benchmarks;

namespace Analytics.Dashboards.Benchmarks;

/// <summary>
/// Many readers at once: <c>--clients N</c> signed-in HTTP clients each GET the bench's pages in turn (full body) for
/// <c>--seconds S</c>. Prints pages/s, p50 and p95 latency and the process's CPU-seconds per page, against the targets
/// (city ≥ 40 pages/s, p95 ≤ 1 s; province ≥ 20 pages/s), after one warm-up GET of each page. The clients run in the host's process, so the CPU figure
/// includes the load generator's own HTTP work: an upper bound on the server's cost.
/// </summary>
internal static class PageLoadBench
{
    public const double CityPagesPerSecond = 40, ProvincePagesPerSecond = 20, P95TargetSeconds = 1;

    public static async Task<IReadOnlyList<BenchMeasure>> RunAsync(
        Uri baseAddress, CookieContainer cookies, IReadOnlyList<string> pages, int clients, int seconds, bool province, TextWriter log,
        Func<Task>? afterWarmUp = null, string? during = null)
    {
        var scale = (province ? "province" : "city") + (during is null ? "" : ", " + during);
        log.WriteLine($"并发 load: {clients} signed-in clients × {seconds} s over {pages.Count} pages ({scale}) ...");
        using (var warm = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) })
            foreach (var page in pages) (await warm.GetAsync(page)).Dispose(); // warm: every page's results computed once, as after a load
        if (afterWarmUp is not null) await afterWarmUp();
        var latencies = new ConcurrentBag<double>();
        var byPage = new ConcurrentBag<(string Page, double Seconds)>();
        var failures = 0;
        var failed = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var duration = TimeSpan.FromSeconds(seconds);
        void Fail(string page, string why)
        {
            Interlocked.Increment(ref failures);
            failed.AddOrUpdate($"{page} ({why})", 1, (_, n) => n + 1);
        }
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            using var handler = new SocketsHttpHandler { CookieContainer = cookies, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
            using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
            http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
            for (var i = client; watch.Elapsed < duration; i++)
            {
                var started = watch.Elapsed;
                try
                {
                    using var response = await http.GetAsync(pages[i % pages.Count], HttpCompletionOption.ResponseContentRead);
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        latencies.Add((watch.Elapsed - started).TotalSeconds);
                        byPage.Add((pages[i % pages.Count], (watch.Elapsed - started).TotalSeconds));
                    }
                    else Fail(pages[i % pages.Count], $"HTTP {(int)response.StatusCode}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Fail(pages[i % pages.Count], e.GetType().Name);
                }
            }
        })));
        var elapsed = watch.Elapsed.TotalSeconds;
        foreach (var (what, count) in failed) log.WriteLine($"  failed {count}×: {what}");
        foreach (var page in byPage.GroupBy(p => p.Page).OrderBy(g => g.Key, StringComparer.Ordinal))
            log.WriteLine($"  {page.Key}: {page.Count()} served, p50 {BenchStats.Percentile(page.Select(p => p.Seconds), 0.5) * 1000:0} ms, p95 {BenchStats.Percentile(page.Select(p => p.Seconds), 0.95) * 1000:0} ms");
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var served = latencies.Count;
        if (served == 0) throw new InvalidOperationException($"no page answered 200 in {seconds} s ({failures} failures)");
        var perSecond = served / elapsed;
        log.WriteLine($"  {served:N0} pages in {elapsed:0.0} s, {failures} failures, {cpu:0.0} CPU-s");
        return
        [
            BenchMeasure.AtLeast($"页面吞吐 pages/s, {clients} clients ({scale})", perSecond, "pages/s", province ? ProvincePagesPerSecond : CityPagesPerSecond),
            BenchMeasure.Info($"页面延迟 p50, {clients} clients ({scale})", BenchStats.Percentile(latencies, 0.5) * 1000, "ms"),
            BenchMeasure.AtMost($"页面延迟 p95, {clients} clients ({scale})", BenchStats.Percentile(latencies, 0.95) * 1000, "ms", P95TargetSeconds * 1000),
            BenchMeasure.Info($"页面延迟 slowest, {clients} clients ({scale})", latencies.Max() * 1000, "ms"),
            BenchMeasure.Info($"CPU 每页 CPU-s per page, host + clients ({scale})", cpu / served, "s"),
            BenchMeasure.Info($"失败请求 failed requests ({scale})", failures, ""),
        ];
    }
}
