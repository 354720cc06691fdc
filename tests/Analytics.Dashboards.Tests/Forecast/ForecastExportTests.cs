using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Analytics.Dashboards.Tests.Support;
using Analytics.Etl.Forecasting;
using Analytics.Warehouse.Storage;
using Microsoft.AspNetCore.Builder;
using MiniExcelLibs;

namespace Analytics.Dashboards.Tests.Forecast;

/// <summary>The real dashboard host, started in-process on a free port against a warehouse file (e.g. a demo copy).</summary>
internal sealed class ForecastHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private ForecastHost(WebApplication app, string baseUrl) => (this.app, BaseUrl) = (app, baseUrl);

    public string BaseUrl { get; }

    /// <summary>A planner of the host's user database, signed in (cookies kept) on a new client.</summary>
    public async Task<HttpClient> PlannerClientAsync()
    {
        Auth.SignIn.UserOf(app.Services, Analytics.Dashboards.Auth.Roles.Planner);
        var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        await Analytics.Dashboards.Auth.SignInClient.SignInAsync(http, "planner-user", Auth.SignIn.Password);
        return http;
    }

    public static async Task<ForecastHost> StartAsync(string warehousePath)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var url = $"http://127.0.0.1:{port}";
        var app = DashboardApp.Build(
        [
            $"--Urls={url}", $"--Warehouse:Path={warehousePath}", .. TestWarehouse.SchedulingArgs(warehousePath),
            $"--Warehouse:PersonKey={DemoHistory.PersonKey}", $"--Dashboard:TargetsPath={TestPaths.ShippedTargets}",
            $"--Auth:UsersFile={Path.GetDirectoryName(warehousePath)}/users.json", $"--Auth:AdminPasswordFile={Path.GetDirectoryName(warehousePath)}/admin-password.txt",
        ]);
        await app.StartAsync();
        return new ForecastHost(app, url);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>GET /forecast/export.csv and .xlsx from the running host: the same figures as ForecastService (and the CLI).</summary>
[Collection(DemoHistoryCollection.Name)]
public sealed class ForecastExportTests(DemoHistory demo) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("analytics-forecast-export-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Csv_and_xlsx_exports_carry_the_plan_of_a_saved_scenario_with_the_services_figures()
    {
        var path = demo.CopyTo(folder);
        var database = new WarehouseDatabase(new WarehouseOptions { Path = path, PersonKey = DemoHistory.PersonKey });
        var service = new ForecastService(database, TimeProvider.System);
        var assumptions = ScenarioAssumptions.Baseline with { AttritionChange = -0.2, PostsApprovedPerYear = new Dictionary<string, int> { ["510104"] = 40 } };
        service.SaveScenario("稳岗", assumptions);
        var plan = service.Plan(service.Fit(new ForecastOptions(HorizonYear: 2029)), "稳岗", targetYear: 2027, horizonYear: 2029);

        await using var host = await ForecastHost.StartAsync(path);
        using var http = await host.PlannerClientAsync();
        var query = "?scenario=" + Uri.EscapeDataString("稳岗") + "&to=2029&target=2027";

        // CSV: UTF-8 with a BOM, one row per district (and the city) and year, the plan's figures.
        using var csvResponse = await http.GetAsync("/forecast/export.csv" + query);
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var csv = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith(string.Join(",", QuotaExport.Headers), lines[0]);
        Assert.Equal(plan.Rows.Count + 1, lines.Length);
        for (var i = 0; i < plan.Rows.Count; i++)
        {
            var expected = string.Join(",", QuotaExport.Cells(plan.Rows[i]).Select(c => Convert.ToString(c, CultureInfo.InvariantCulture)));
            Assert.StartsWith(expected + ",稳岗,", lines[i + 1]);
        }

        // XLSX: MiniExcel reads it back; the summary sheet's city rows and a district sheet hold the same figures.
        using var xlsxResponse = await http.GetAsync("/forecast/export.xlsx" + query);
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        var xlsx = Path.Combine(folder, "quota.xlsx");
        await File.WriteAllBytesAsync(xlsx, await xlsxResponse.Content.ReadAsByteArrayAsync());
        Assert.Equal(QuotaXlsxWriter.SummarySheet, MiniExcel.GetSheetNames(xlsx)[0]);
        var summary = MiniExcel.Query(xlsx, useHeaderRow: false, sheetName: QuotaXlsxWriter.SummarySheet).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("稳岗", summary[0]["B"]);
        foreach (var row in plan.Rows.Where(r => r.DistrictCode == ForecastOutcome.CityCode))
        {
            var read = summary.Single(r => Equals(r["A"], ForecastOutcome.CityCode) && Convert.ToInt32(r["C"], CultureInfo.InvariantCulture) == row.Year);
            Assert.Equal(QuotaExport.Whole(row.GapPosts), Convert.ToInt32(read["J"], CultureInfo.InvariantCulture));
            Assert.Equal(QuotaExport.Whole(row.QualifiedPosts), Convert.ToInt32(read["E"], CultureInfo.InvariantCulture));
            Assert.Equal(row.RecommendedApprovals, Convert.ToInt32(read["L"], CultureInfo.InvariantCulture));
        }
        var jinjiang = plan.Rows.Where(r => r.DistrictCode == "510104").ToList();
        var sheet = MiniExcel.Query(xlsx, useHeaderRow: false, sheetName: QuotaXlsxWriter.SheetName("510104", jinjiang[0].DistrictName))
            .Cast<IDictionary<string, object?>>().ToList();
        var body = sheet.Skip(sheet.FindIndex(r => Equals(r["A"], "区划代码")) + 1).ToList();
        Assert.Equal(jinjiang.Select(r => QuotaExport.Whole(r.GapPosts)), body.Select(r => Convert.ToInt32(r["J"], CultureInfo.InvariantCulture)));
        Assert.Equal(jinjiang.Select(r => r.RecommendedApprovals), body.Select(r => Convert.ToInt32(r["L"], CultureInfo.InvariantCulture)));

        // An unknown scenario is a plain 404, a target beyond the horizon a 400.
        using var unknown = await http.GetAsync("/forecast/export.csv?scenario=nope");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var beyond = await http.GetAsync("/forecast/export.csv?to=2028&target=2030");
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
    }
}
