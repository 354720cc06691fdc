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

/// <summary>GET /forecast/export.csv, .xlsx and /forecast/long.csv from the running host: the façade's figures, and what is on screen for an unsaved scenario.</summary>
[Collection(DemoHistoryCollection.Name)]
public sealed class ForecastExportTests(DemoHistory demo) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("analytics-forecast-export-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task The_exports_carry_the_on_screen_scenario_one_scenario_per_row_with_the_facades_figures()
    {
        var path = demo.CopyTo(folder);
        var forecasts = new GapForecasts(new WarehouseDatabase(new WarehouseOptions { Path = path, PersonKey = DemoHistory.PersonKey }), TimeProvider.System);
        var saved = ScenarioAssumptions.Baseline with { AttritionChange = -0.2, PostsApprovedPerYear = new Dictionary<string, int> { ["510104"] = 40 } };
        forecasts.SaveScenario("稳岗", saved);
        // On screen: the saved scenario with an unsaved change (attrition −30 %).
        var onScreen = saved with { AttritionChange = -0.3 };
        var plan = forecasts.Plan(onScreen, "稳岗（未保存修改）", 2025, 2029);

        await using var host = await ForecastHost.StartAsync(path);
        using var http = await host.PlannerClientAsync();
        var query = "?scenario=" + Uri.EscapeDataString("稳岗") + "&to=2029&target=2025&approve=" + Uri.EscapeDataString("510104=40") + "&pass=0&attrition=-0.3";

        using var csvResponse = await http.GetAsync("/forecast/export.csv" + query);
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var csv = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = Array.FindIndex(lines, l => l.StartsWith("层级,", StringComparison.Ordinal));
        Assert.Equal(string.Join(",", ForecastExports.QuotaHeaders(plan)), lines[header]);
        Assert.Contains("（岗位/年）", lines[header]);
        var expected = ForecastExports.QuotaRows(plan).Select(r => string.Join(",", r)).ToList();
        Assert.Equal(expected, lines.Skip(header + 1));
        Assert.Contains(lines, l => l.Contains("流失变化 -30%", StringComparison.Ordinal));

        // XLSX: MiniExcel reads it back; the table holds the same rows.
        using var xlsxResponse = await http.GetAsync("/forecast/export.xlsx" + query);
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        var xlsx = Path.Combine(folder, "quota.xlsx");
        await File.WriteAllBytesAsync(xlsx, await xlsxResponse.Content.ReadAsByteArrayAsync());
        var sheet = MiniExcel.Query(xlsx, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        var body = sheet.Skip(sheet.FindIndex(r => Equals(r["A"], "层级")) + 1).ToList();
        Assert.Equal(plan.Rows.Count, body.Count);
        Assert.Equal(plan.Rows.Select(r => r.Code), body.Select(r => Convert.ToString(r["B"], CultureInfo.InvariantCulture)));

        // The long forecast: English columns, the stored forecast's rows.
        using var longResponse = await http.GetAsync("/forecast/long.csv?to=2029");
        var longLines = Encoding.UTF8.GetString((await longResponse.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("district_code,district_name,as_of,required_posts,qualified_posts,qualified_lo80,qualified_hi80", longLines[0]);
        Assert.Equal(forecasts.Forecast(2029).Points.Count + 1, longLines.Length);

        using var unknown = await http.GetAsync("/forecast/export.csv?scenario=nope");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
