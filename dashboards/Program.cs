namespace Analytics.Dashboards;

/// <summary>The dashboard host: a table of contents of feature registrations. Add a feature with one line.</summary>
internal static class DashboardApp
{
    public static int Main(string[] args)
    {
        if (args is ["bench", .. var rest]) return Benchmarks.PageBenchmark.Run(rest);
        Build(args).Run();
        return 0;
    }

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(DashboardApp).Assembly.GetName().Name });
        builder.AddDashboardHosting();
        builder.AddWarehouse();
        builder.AddIngestion();
        builder.AddTargets();
        builder.AddDashboardLocalization();
        builder.AddCharts();
        builder.AddDashboardPages();
        builder.AddDashboardAuth();
        builder.AddResearchConsole();
        builder.AddForecastPage();
        builder.AddReadOnlyServing();
        var app = builder.Build();
        app.UseDashboardLocalization();
        app.UseDashboardAuth();
        app.MapAccountEndpoints();
        app.MapResearchExports();
        app.MapAuditExport();
        app.MapCultureSwitch();
        app.MapQuarantineExport();
        app.MapForecastExports();
        app.MapDashboardPages();
        return app;
    }
}
