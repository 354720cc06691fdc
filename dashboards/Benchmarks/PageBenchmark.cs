using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Analytics.Etl.Benchmarks;
using Analytics.Etl.DemoData;
using DuckDB.NET.Data;
using Microsoft.AspNetCore.Components;

namespace Analytics.Dashboards.Benchmarks;

/// <summary>
/// What `dashboards -- bench` was asked: an existing warehouse to copy (else the demo is generated), runs per page;
/// --clients N --seconds S for the many-readers run, --pages for the browser's time to usable, --scale for the targets.
/// </summary>
internal sealed record PageBenchOptions(string? Db, string? OutDir, int Runs, bool Quick, int? Clients = null, int Seconds = 30, bool Browser = false, bool Province = false, bool FirstMinute = false,
    string? DuringLoad = null)
{
    public const string Usage = "bench [--db WAREHOUSE] [--out DIR] [--runs N] [--quick] [--clients N] [--seconds S] [--pages] [--scale city|province] [--first-minute] [--during-load EXTRACTS]";

    public static PageBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new PageBenchOptions(null, null, 5, false);
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Positive(string name) => int.TryParse(Next(), out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive number");
            options = args[i] switch
            {
                "--db" => options with { Db = Next() },
                "--out" => options with { OutDir = Next() },
                "--runs" => options with { Runs = Positive("--runs") },
                "--quick" => options with { Quick = true, Runs = 2 },
                "--clients" => options with { Clients = Positive("--clients") },
                "--seconds" => options with { Seconds = Positive("--seconds") },
                "--pages" => options with { Browser = true },
                "--first-minute" => options with { FirstMinute = true },
                "--during-load" => options with { DuringLoad = Next() },
                "--scale" => options with { Province = Next() switch { "province" => true, "city" => false, var x => throw new ArgumentException($"--scale {x}: city or province") } },
                var other => throw new ArgumentException($"unknown option {other}; usage: {Usage}"),
            };
        }
        if (options.DuringLoad is not null && options.Clients is null) options = options with { Clients = 20 };
        return options;
    }
}

/// <summary>
/// First render of each dashboard page on the city-scale demo: the real host (DashboardApp.Build) started in-process on
/// a free loopback port against a copy of the warehouse; per page one warm-up GET, then the median of N GETs of the
/// prerendered HTML (time to the last byte of the body). Target ≤ 1 s each; a missed target is reported, not a fault.
/// With --clients N --seconds S: many readers at once instead (<see cref="PageLoadBench"/>); with --pages: each page's
/// time to usable in Chromium (<see cref="BrowserPageBench"/>).
/// </summary>
internal static class PageBenchmark
{
    public const double TargetMilliseconds = 1000;

    public static int Run(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        try
        {
            var faults = new List<string>();
            var measures = RunAsync(PageBenchOptions.Parse(args), Console.Out, faults).GetAwaiter().GetResult();
            Console.WriteLine();
            BenchTable.Write(Console.Out, measures);
            foreach (var fault in faults) Console.Error.WriteLine($"故障 FAULT {fault}");
            return faults.Count == 0 ? 0 : 1;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"出错 Error: {e.Message}");
            return 1;
        }
    }

    /// <summary>Measures every page; a page that does not answer 200 is added to <paramref name="faults"/> and the rest go on.</summary>
    public static async Task<IReadOnlyList<BenchMeasure>> RunAsync(PageBenchOptions options, TextWriter log, List<string> faults)
    {
        var folder = Path.GetFullPath(options.OutDir ?? Path.Combine(Path.GetTempPath(), "analytics-pagebench-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(folder);
        try
        {
            if (options.FirstMinute) return await FirstMinuteBench.RunAsync(folder, log);
            var warehouse = Path.Combine(folder, "warehouse.duckdb");
            if (File.Exists(warehouse)) throw new IOException($"{warehouse} exists already: give a new or empty --out folder");
            PrepareWarehouse(options, folder, warehouse, log);
            var pages = Pages(warehouse);
            await using var app = await StartAsync(warehouse, log, options.DuringLoad is not null);
            var cookies = new CookieContainer();
            var baseAddress = new Uri(app.Urls.Single());
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
            await Auth.SignInClient.SignInAsync(client, Auth.FirstAdmin.UserName, (await File.ReadAllTextAsync(Path.Combine(folder, "admin-password.txt"))).Trim());
            var measures = new List<BenchMeasure>();
            if (options.DuringLoad is { } extracts)
                measures.AddRange(await DuringLoadBench.RunAsync(app, folder, extracts, baseAddress, cookies, pages, options, log));
            else if (options.Clients is { } clients)
                measures.AddRange(await PageLoadBench.RunAsync(baseAddress, cookies, pages, clients, options.Seconds, options.Province, log));
            if (options.Browser)
                measures.AddRange(await BrowserPageBench.RunAsync(baseAddress, cookies, pages, options.Runs, options.Province,
                    Environment.GetEnvironmentVariable("ANALYTICS_CHROMIUM") ?? "/usr/bin/chromium", log));
            foreach (var page in options.Clients is null && !options.Browser ? pages : new List<string>())
            {
                var times = new List<double>();
                try
                {
                    await GetAsync(client, page);
                    for (var run = 0; run < options.Runs; run++) times.Add(await GetAsync(client, page));
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
                {
                    log.WriteLine($"  {page}: FAULT {e.Message}");
                    faults.Add(e.Message);
                    continue;
                }
                var median = BenchStats.Median(times) * 1000;
                log.WriteLine($"  {page}: median {median:0} ms of {options.Runs} ({string.Join(", ", times.Select(t => (t * 1000).ToString("0", System.Globalization.CultureInfo.InvariantCulture)))})");
                measures.Add(BenchMeasure.AtMost($"页面首次渲染 first render {page}", median, "ms", TargetMilliseconds));
            }
            await app.StopAsync();
            return measures;
        }
        finally
        {
            if (options.OutDir is null) TryDelete(folder);
        }
    }

    /// <summary>A copy of the given warehouse, or the demo history generated and loaded (2019–2026; quick: 2025–2026).</summary>
    private static void PrepareWarehouse(PageBenchOptions options, string folder, string warehouse, TextWriter log)
    {
        if (options.Db is { } db)
        {
            if (!File.Exists(db)) throw new FileNotFoundException($"no warehouse at {db}");
            log.WriteLine($"仓库 warehouse: copying {db}");
            File.Copy(db, warehouse);
            return;
        }
        var demo = BenchWarehouse.DemoOptions(Path.Combine(folder, "demo"), options.Quick);
        log.WriteLine($"仓库 warehouse: generating and loading the demo history {demo.From}–{demo.To} ...");
        var watch = Stopwatch.StartNew();
        DemoDataGenerator.Write(demo);
        BenchWarehouse.RequireAllLoaded(BenchWarehouse.Loader(BenchWarehouse.Options(warehouse)).Load([demo.OutDir]), "demo load");
        log.WriteLine($"  ready in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Overview, 锦江区, its first town and that town's first community, talent, appraisal, quality, targets (+ forecast).</summary>
    private static List<string> Pages(string warehouse)
    {
        const string district = "510104";
        using var connection = new DuckDBConnection($"Data Source={warehouse};ACCESS_MODE=READ_ONLY");
        connection.Open();
        var town = FirstUnit(connection, "town", "district_code", district) ?? throw new InvalidOperationException($"no town in {district}");
        var community = FirstUnit(connection, "community", "parent_code", town) ?? throw new InvalidOperationException($"no community in {town}");
        List<string> pages = ["/", $"/district/{district}", $"/town/{town}", $"/community/{community}", "/talent", "/appraisal", "/quality", "/targets"];
        if (Routes().Contains("/forecast")) pages.Add("/forecast");
        return pages;
    }

    private static string? FirstUnit(DuckDBConnection connection, string level, string parentColumn, string parent)
    {
        using var command = connection.CreateCommand();
        command.CommandText = parentColumn == "parent_code"
            ? "SELECT min(code) FROM org_unit WHERE level = $level AND parent_code = $parent AND abolished IS NULL"
            : "SELECT min(code) FROM org_unit WHERE level = $level AND district_code = $parent AND abolished IS NULL";
        command.Parameters.Add(new DuckDBParameter("level", level));
        command.Parameters.Add(new DuckDBParameter("parent", parent));
        return command.ExecuteScalar() as string;
    }

    /// <summary>Every @page route template of the dashboard assembly.</summary>
    internal static HashSet<string> Routes() => typeof(DashboardApp).Assembly.GetTypes()
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>()).Select(r => r.Template).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The host on a free port, with the app's own settings (appsettings.json); a load bench scans the inbox every 2 s.</summary>
    private static async Task<WebApplication> StartAsync(string warehouse, TextWriter log, bool scanOften)
    {
        var folder = Path.GetDirectoryName(warehouse)!;
        string[] scan = scanOften ? ["--Scheduling:InboxInterval=00:00:02", "--Scheduling:StableFor=00:00:01"] : [];
        var app = DashboardApp.Build(
        [
            .. scan,
            $"--Urls=http://127.0.0.1:{FreePort()}", $"--Warehouse:Path={warehouse}", $"--Warehouse:PersonKey={BenchWarehouse.PersonKey}",
            $"--Scheduling:Inbox={folder}/inbox", $"--Scheduling:Archive={folder}/archive",
            $"--Scheduling:Rejected={folder}/rejected", $"--Scheduling:Backups={folder}/backups",
            $"--contentRoot={AppContext.BaseDirectory}", "--Demo:SeedOnFirstRun=false", "--Logging:LogLevel:Default=Warning",
            $"--Auth:UsersFile={folder}/users.json", $"--Auth:AdminPasswordFile={folder}/admin-password.txt",
        ]);
        await app.StartAsync();
        log.WriteLine($"仪表板 dashboard: {app.Urls.Single()}; one warm-up GET per page, then the timed ones ...");
        return app;
    }

    /// <summary>Seconds to the last byte of the page; anything but 200 with a body is a fault.</summary>
    private static async Task<double> GetAsync(HttpClient client, string page)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(page, HttpCompletionOption.ResponseContentRead);
        var body = await response.Content.ReadAsStringAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        if (response.StatusCode != HttpStatusCode.OK || body.Length == 0)
            throw new InvalidOperationException($"GET {page}: {(int)response.StatusCode} {response.ReasonPhrase}");
        return seconds;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
