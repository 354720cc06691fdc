using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Analytics.Etl.Forecasting;

namespace Analytics.Dashboards.Tests.Forecast;

/// <summary>The dashboard talks to forecasting through the GapForecasts façade only: no learner, calibration or projection type is referenced.</summary>
public sealed class ForecastFacadeTests
{
    private static readonly HashSet<string> Facade =
    [
        nameof(GapForecasts), nameof(GapForecast), nameof(BacktestSummary), nameof(BacktestCell), nameof(CoverageCell), nameof(ForecastPoint),
        nameof(ScenarioAssumptions), nameof(ScenarioGap), nameof(QuotaPlan), nameof(QuotaRow), nameof(HistoryPoint), nameof(DistrictRef),
    ];

    [Fact]
    public void The_dashboard_references_only_the_public_facade_types_of_forecasting()
    {
        var path = typeof(Analytics.Dashboards.Forecast.ForecastPage).Assembly.Location;
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var referenced = metadata.TypeReferences.Select(metadata.GetTypeReference)
            .Where(t => metadata.GetString(t.Namespace) == "Analytics.Etl.Forecasting")
            .Select(t => metadata.GetString(t.Name)).Distinct().ToList();
        Assert.Contains(nameof(GapForecasts), referenced);
        Assert.All(referenced, name => Assert.Contains(name, Facade));
        var forecasting = typeof(GapForecasts).Assembly;
        Assert.All(Facade, name => Assert.True(forecasting.GetType("Analytics.Etl.Forecasting." + name)!.IsPublic, name + " is public"));
    }
}
