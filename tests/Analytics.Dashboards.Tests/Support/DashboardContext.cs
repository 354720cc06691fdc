using System.Globalization;
using Analytics.Dashboards.Appraisal;
using Analytics.Dashboards.Charts;
using Analytics.Dashboards.Drilldown;
using Analytics.Dashboards.Localization;
using Analytics.Dashboards.Overview;
using Analytics.Dashboards.Quality;
using Analytics.Dashboards.Talent;
using Analytics.Dashboards.Targets;
using Analytics.Dashboards.WarehouseReads;
using Analytics.Warehouse.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Analytics.Dashboards.Tests.Support;

/// <summary>A bUnit context wired like the host, on a real temp warehouse, in Chinese unless told otherwise.</summary>
internal sealed class DashboardContext : BunitContext
{
    public static readonly DateTimeOffset Now = new(2023, 7, 10, 9, 0, 0, TimeSpan.Zero);

    public DashboardContext(string culture = "zh-CN", string? targetsPath = null)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        Warehouse = new TestWarehouse();
        Events = new WarehouseChangeNotifier();
        TargetsPath = targetsPath ?? Path.Combine(AppContext.BaseDirectory, "targets.json");
        Options.TargetsPath = TargetsPath;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(Warehouse.Connections);
        Services.AddSingleton(Events);
        Services.AddSingleton<TimeProvider>(new FixedClock(Now));
        Services.AddSingleton<SnapshotQueries>();
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new Analytics.Etl.Scheduling.IngestionScheduleOptions { Inbox = Path.Combine(Warehouse.Folder, "inbox") }));
        Services.AddSingleton<Analytics.Dashboards.Components.DataStatusQueries>();
        Services.AddSingleton<WarehouseResultCache>();
        Services.AddSingleton<UiText>();
        Services.AddSingleton(new ChartRenderer(TestPaths.Font));
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Options));
        Services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(AppContext.BaseDirectory));
        Services.AddSingleton<TargetsFile>();
        Services.AddSingleton<TargetProgressQueries>();
        Services.AddSingleton<OverviewQueries>();
        Services.AddSingleton<DrilldownQueries>();
        Services.AddSingleton<TalentQueries>();
        Services.AddSingleton<AppraisalQueries>();
        Services.AddSingleton<QualityQueries>();
        Services.AddSingleton<TalentComparisonQueries>();
        Services.AddSingleton<Analytics.Dashboards.Map.DistrictMaps>();
        Services.AddSingleton<Analytics.Dashboards.Scorecard.ScorecardQueries>();
        Services.AddSingleton<Analytics.Dashboards.Briefing.BriefingBuilder>();
        Services.AddSingleton(new Analytics.Warehouse.Research.SmallNumberSuppression(10));
        Services.AddSingleton(User);
        Services.AddSingleton<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>(User);
        Services.AddScoped<Analytics.Dashboards.Auth.CurrentDistrictScope>();
    }

    public TestWarehouse Warehouse { get; }

    /// <summary>Who the pages render for (a city-wide leader unless bound to a district).</summary>
    public SignedInUser User { get; } = new();
    public WarehouseChangeNotifier Events { get; }
    public string TargetsPath { get; }

    public DashboardOptions Options { get; } = new()
    {
        Freshness = DashboardOptions.ExtractKinds.ToDictionary(k => k, _ => new FreshnessLimits { WarnAfter = TimeSpan.FromDays(30), ErrorAfter = TimeSpan.FromDays(90) }),
    };

    /// <summary>Navigates to the URL (query string filters included), then renders the page.</summary>
    public IRenderedComponent<TPage> RenderAt<TPage>(string relativeUri, Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo(relativeUri);
        return parameters is null ? Render<TPage>() : Render(parameters);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Warehouse.Dispose();
    }
}

internal static class TestPaths
{
    public static string Font => Path.Combine(AppContext.BaseDirectory, "fonts", "wqy-microhei.ttc");
    public static string ShippedTargets => Path.Combine(AppContext.BaseDirectory, "targets.json");
}
