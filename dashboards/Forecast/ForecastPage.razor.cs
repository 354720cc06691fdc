using System.Globalization;
using Analytics.Dashboards.Charts;
using Analytics.Dashboards.Localization;
using Analytics.Dashboards.Warehouse;
using Analytics.Etl.Forecasting;
using Microsoft.AspNetCore.Components;

namespace Analytics.Dashboards.Forecast;

/// <summary>
/// 预测: the fan chart of a district or the city, the backtest card, scenario controls (re-projecting the cached
/// model: milliseconds), save by name, the gap beside the baseline, and the quota export. URL: district, scenario, to, target.
/// </summary>
public partial class ForecastPage : ComponentBase, IDisposable
{
    internal const int DefaultHorizon = 2030, LastHorizon = 2040;
    internal static readonly DateOnly PolicyDeadline = new(2025, 12, 31);

    [Inject] internal ForecastModelCache Cache { get; set; } = null!;
    [Inject] internal ForecastService Service { get; set; } = null!;
    [Inject] internal SnapshotQueries Snapshots { get; set; } = null!;
    [Inject] internal ChartRenderer Charts { get; set; } = null!;
    [Inject] internal UiText T { get; set; } = null!;
    [Inject] internal TimeProvider Clock { get; set; } = null!;
    [Inject] internal NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "district")] public string? DistrictText { get; set; }
    [SupplyParameterFromQuery(Name = "scenario")] public string? ScenarioText { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? ToText { get; set; }
    [SupplyParameterFromQuery(Name = "target")] public string? TargetText { get; set; }

    private ForecastModel? model;
    private bool fitting;
    private string? loadError, notice;
    private string? resolvedScenario;
    private string scenarioName = ForecastService.BaselineName;
    private ScenarioAssumptions savedAssumptions = ScenarioAssumptions.Baseline;
    private ScenarioAssumptions assumptions = ScenarioAssumptions.Baseline;
    private IReadOnlyList<string> scenarioNames = [];
    private ForecastFigures? figures;
    private RenderedChart? fanChart;
    private string saveName = "";

    private int FirstYear { get; set; }
    private int Horizon { get; set; } = DefaultHorizon;
    private int Target { get; set; } = DefaultHorizon;
    private string? District => model?.History.Any(d => d.DistrictCode == DistrictText) == true ? DistrictText : null;
    private DistrictSeries? DistrictSeries => model?.History.FirstOrDefault(d => d.DistrictCode == District);
    private bool IsBaseline => scenarioName == ForecastService.BaselineName;
    private bool Dirty => !Same(assumptions, savedAssumptions);

    protected override void OnInitialized() => Cache.Invalidated += OnInvalidated;

    protected override async Task OnParametersSetAsync()
    {
        var latest = Snapshots.SnapshotDates();
        FirstYear = (latest.Count > 0 ? latest[0].Year : DateOnly.FromDateTime(Clock.GetLocalNow().DateTime).Year) + 1;
        Horizon = Year(ToText) is { } to && to >= FirstYear && to <= LastHorizon ? to : Math.Max(DefaultHorizon, FirstYear);
        Target = Year(TargetText) is { } target && target >= FirstYear && target <= Horizon ? target : Horizon;
        if (resolvedScenario != (ScenarioText ?? "")) ResolveScenario();
        await FitAndShowAsync();
    }

    private static int? Year(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;

    private void ResolveScenario()
    {
        resolvedScenario = ScenarioText ?? "";
        notice = null;
        try
        {
            (scenarioName, savedAssumptions) = Service.Resolve(ScenarioText);
        }
        catch (KeyNotFoundException)
        {
            notice = T.Format("forecast.unknown_scenario", ScenarioText);
            (scenarioName, savedAssumptions) = (ForecastService.BaselineName, ScenarioAssumptions.Baseline);
        }
        assumptions = savedAssumptions;
    }

    /// <summary>Waits for the cached fit (showing "正在拟合" meanwhile, off the render path), then projects.</summary>
    private async Task FitAndShowAsync()
    {
        var fit = Cache.GetAsync(Horizon);
        fitting = !fit.IsCompleted;
        try
        {
            model = await fit;
            loadError = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            (model, loadError) = (null, e.Message);
        }
        fitting = false;
        scenarioNames = Service.ScenarioNames();
        Project();
    }

    /// <summary>Re-projects the fitted model under the current assumptions (no refit).</summary>
    private void Project()
    {
        if (model is null || model.History.Count == 0)
        {
            (figures, fanChart) = (null, null);
            return;
        }
        figures = ForecastFigures.Build(Service, model, assumptions, scenarioName, District, Horizon, Target, Clock);
        var labels = new FanLabels(T["forecast.history"], T["forecast.forecast"], T["forecast.band80"], T["forecast.band95"],
            T["forecast.required"], T["forecast.marker"]);
        fanChart = Charts.Fan(T.Format("forecast.fan", figures.AreaName, ScenarioLabel), T["unit.posts"], figures.Fan, labels,
            [PolicyDeadline, new DateOnly(Horizon, 12, 31)]);
    }

    private string ScenarioLabel => IsBaseline ? T["forecast.baseline"] : scenarioName;

    private int ApprovedPostsShown => DistrictSeries is { } d
        ? assumptions.PostsApprovedPerYear.TryGetValue(d.DistrictCode, out var n) ? n : (int)Math.Round(d.RecentApprovedPosts)
        : 0;

    private void ChangeApproved(ChangeEventArgs e)
    {
        if (DistrictSeries is not { } d || !int.TryParse(e.Value?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return;
        var posts = new Dictionary<string, int>(assumptions.PostsApprovedPerYear) { [d.DistrictCode] = Math.Max(0, n) };
        assumptions = assumptions with { PostsApprovedPerYear = posts };
        Project();
    }

    private void ChangePassRate(ChangeEventArgs e)
    {
        if (Number(e) is not { } points) return;
        assumptions = assumptions with { PassRateChange = Math.Clamp(points, -100, 100) / 100 };
        Project();
    }

    private void ChangeAttrition(ChangeEventArgs e)
    {
        if (Number(e) is not { } percent) return;
        assumptions = assumptions with { AttritionChange = Math.Clamp(percent, -100, 300) / 100 };
        Project();
    }

    /// <summary>Whole posts as the export rounds them (half away from zero), grouped; "—" when there is no figure.</summary>
    private string Posts(double? value) => value is null ? "—" : T.Number(QuotaExport.Whole(value.Value));

    private static double? Number(ChangeEventArgs e) =>
        double.TryParse(e.Value?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Input(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private void Reset()
    {
        assumptions = savedAssumptions;
        Project();
    }

    private void Save()
    {
        var name = saveName.Trim();
        if (name.Length == 0 || name == ForecastService.BaselineName)
        {
            notice = T["forecast.bad_name"];
            return;
        }
        Service.SaveScenario(name, assumptions);
        (scenarioName, savedAssumptions, resolvedScenario) = (name, assumptions, name);
        scenarioNames = Service.ScenarioNames();
        notice = T.Format("forecast.saved", name);
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("scenario", name));
    }

    private void Go(string parameter, object? value) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(parameter, value?.ToString() is { Length: > 0 } text ? text : null));

    private string ExportHref(string extension) =>
        $"forecast/export.{extension}?scenario={Uri.EscapeDataString(IsBaseline ? "" : scenarioName)}&to={Horizon}&target={Target}";

    private static bool Same(ScenarioAssumptions a, ScenarioAssumptions b) =>
        a.PassRateChange.Equals(b.PassRateChange) && a.AttritionChange.Equals(b.AttritionChange)
        && a.PostsApprovedPerYear.Count == b.PostsApprovedPerYear.Count
        && a.PostsApprovedPerYear.All(p => b.PostsApprovedPerYear.TryGetValue(p.Key, out var v) && v == p.Value);

    private void OnInvalidated() => _ = InvokeAsync(async () =>
    {
        fitting = true;
        StateHasChanged();
        await FitAndShowAsync();
        StateHasChanged();
    });

    public void Dispose()
    {
        Cache.Invalidated -= OnInvalidated;
        GC.SuppressFinalize(this);
    }
}
