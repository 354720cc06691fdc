using System.Net;
using System.Net.Sockets;
using Analytics.Dashboards.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Analytics.Dashboards.Tests.Browser;

/// <summary>The real dashboard host, started in-process on a free loopback port against a temp warehouse.</summary>
internal sealed class RunningDashboard : IAsyncDisposable
{
    private readonly WebApplication app;

    private RunningDashboard(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public WebApplication App => app;

    public static async Task<RunningDashboard> StartAsync(TestWarehouse warehouse, params string[] extraArgs)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var app = DashboardApp.Build(
        [
            $"--Urls={url}",
            $"--Warehouse:Path={warehouse.Options.Path}", .. TestWarehouse.SchedulingArgs(warehouse.Options.Path),
            "--Warehouse:PersonKey=test-key",
            $"--Dashboard:TargetsPath={TestPaths.ShippedTargets}",
            $"--Auth:UsersDatabase={Path.Combine(warehouse.Folder, "users.db")}",
            $"--Auth:UsersFile={Path.Combine(warehouse.Folder, "users.json")}",
            $"--Auth:AdminPasswordFile={Path.Combine(warehouse.Folder, "admin-password.txt")}",
            .. extraArgs,
        ]);
        await app.StartAsync();
        return new RunningDashboard(app, url);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
