using Analytics.Dashboards.Tests.Support;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboards.Tests.Hosting;

public sealed class StartupValidationTests
{
    [Fact]
    public async Task An_invalid_targets_file_stops_the_host_at_start_with_the_reasons()
    {
        using var warehouse = new TestWarehouse();
        var targets = Path.Combine(warehouse.Folder, "targets.json");
        File.WriteAllText(targets, """{ "targets": [ { "id": "x", "year": 2030, "indicator": "unit_posts", "source": "policy", "threshold": 1 } ] }""");
        await using var app = DashboardApp.Build(["--Urls=http://127.0.0.1:0", $"--Warehouse:Path={warehouse.Options.Path}", .. TestWarehouse.SchedulingArgs(warehouse.Options.Path), $"--Dashboard:TargetsPath={targets}"]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("year must be 2022 or 2025", error.Message);
        Assert.Contains("the 2022 policy target \"demo_sites\" is missing", error.Message);
    }

    [Fact]
    public async Task Missing_freshness_limits_stop_the_host_at_start()
    {
        using var warehouse = new TestWarehouse();
        await using var app = DashboardApp.Build(["--Urls=http://127.0.0.1:0", $"--Warehouse:Path={warehouse.Options.Path}", .. TestWarehouse.SchedulingArgs(warehouse.Options.Path),
            $"--Dashboard:TargetsPath={TestPaths.ShippedTargets}", "--Dashboard:Freshness:roster:ErrorAfter=1.00:00:00"]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Dashboard:Freshness:roster:ErrorAfter must be later than WarnAfter", error.Message);
    }

    /// <summary>`dotnet run --project dashboards` uses the Development profile, where every service's lifetime is checked at build.</summary>
    [Fact]
    public async Task The_host_builds_and_starts_in_development_where_service_lifetimes_are_validated()
    {
        using var warehouse = new TestWarehouse();
        await using var app = DashboardApp.Build(["--environment=Development", "--Urls=http://127.0.0.1:0", $"--Warehouse:Path={warehouse.Options.Path}",
            .. TestWarehouse.SchedulingArgs(warehouse.Options.Path), $"--Dashboard:TargetsPath={TestPaths.ShippedTargets}"]);

        Assert.True(app.Environment.IsDevelopment());
        await app.StartAsync();
        await app.StopAsync();
    }

    [Fact]
    public async Task Invalid_warehouse_options_stop_the_host_at_start_with_the_cli_s_message()
    {
        using var warehouse = new TestWarehouse();
        await using var app = DashboardApp.Build(["--Urls=http://127.0.0.1:0", $"--Warehouse:Path={warehouse.Options.Path}", .. TestWarehouse.SchedulingArgs(warehouse.Options.Path),
            $"--Dashboard:TargetsPath={TestPaths.ShippedTargets}", "--Warehouse:MemoryLimit=lots"]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        // The same registration (Analytics.Etl.AnalyticsServices) validates it in the CLI: tests/Analytics.Tests/Cli/OptionsValidationTests.
        Assert.Contains("Warehouse:MemoryLimit 应为 512MB、2GB 这样的大小：lots / Warehouse:MemoryLimit must be a size such as 512MB or 2GB: lots", error.Failures);
    }
}
