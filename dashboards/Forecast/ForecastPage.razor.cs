using System.Globalization;
using Analytics.Dashboards.Charts;
using Analytics.Dashboards.Localization;
using Analytics.Etl.Forecasting;
using Microsoft.AspNetCore.Components;

namespace Analytics.Dashboards.Forecast;

/// <summary>
/// 预测: the stored forecast of a district or the city (fan chart, half-year table, the plain statement of the method
/// shipped), the backtest card, scenario controls (the unit model re-projects: no refit), save by name, the unit
/// model's gap beside the baseline, and the quota plan with its exports. URL: district, scenario, to, target.
/// Only the <see cref="GapForecasts"/> façade is used.
/// </summary>
public partial class ForecastPage : ComponentBase, IDisposable
{
    internal const int LastHorizon = 2040;
    private static readonly TimeSpan PrerenderWait = TimeSpan.FromSeconds(0.5);
    internal static readonly DateOnly PolicyDeadline = new(2025, 12, 31);

    [Inject] internal ForecastCache Cache { get; set; } = null!;
    [Inject] internal GapForecasts Forecasts { get; set; } = null!;
    [Inject] internal ChartRenderer Charts { get; set; } = null!;
    [Inject] internal UiText T { get; set; } = null!;
    [Inject] internal TimeProvider Clock { get; set; } = null!;
    [Inject] internal NavigationManager Navigation { get; set; } = null!;

    /// <summary>Set only while the page is prerendered on the server (null in the live circuit).</summary>
    [CascadingParameter] private HttpContext? PrerenderContext { get; set; }

    [SupplyParameterFromQuery(Name = "district")] public string? DistrictText { get; set; }
    [SupplyParameterFromQuery(Name = "scenario")] public string? ScenarioText { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? ToText { get; set; }
    [SupplyParameterFromQuery(Name = "target")] public string? TargetText { get; set; }

    private GapForecast? forecast;
    private BacktestSummary backtest = null!;
    private (int Horizon, DateTime RunAt)? backtestFor;
    private bool fitting;
    private string? loadError, notice, resolvedScenario;
    private string scenarioName = GapForecasts.BaselineName;
    private ScenarioAssumptions savedAssumptions = ScenarioAssumptions.Baseline, assumptions = ScenarioAssumptions.Baseline;
    private IReadOnlyList<string> scenarioNames = [];
    private ForecastFigures? figures;
    private RenderedChart? fanChart;
    private string saveName = "";

    private int FirstYear => forecast is { IsEmpty: false } f ? f.Points[0].AsOf.Year : Clock.GetLocalNow().Year;
    private int Horizon { get; set; } = GapForecasts.DefaultHorizonYear;
    private int Target { get; set; }
    private string? District => forecast?.Districts.Any(d => d.Code == DistrictText) == true ? DistrictText : null;
    private string AreaName => figures?.AreaName ?? "";
    private bool IsBaseline => scenarioName == GapForecasts.BaselineName;
    private bool Dirty => !assumptions.SameAs(savedAssumptions);
    private string ScenarioLabel => IsBaseline ? T["forecast.baseline"] : scenarioName;

    private string Statement => forecast is null ? "" : forecast.BaselineWins
        ? T.Format("forecast.statement.baseline", T["forecast.method." + forecast.GapMethod])
        : T.Format("forecast.statement.model", T["forecast.method." + forecast.GapMethod]);

    protected override void OnInitialized() => Cache.Invalidated += OnInvalidated;

    protected override async Task OnParametersSetAsync()
    {
        Horizon = Year(ToText) is { } to && to >= Clock.GetLocalNow().Year - 10 && to <= LastHorizon ? to : GapForecasts.DefaultHorizonYear;
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
            (scenarioName, savedAssumptions) = Forecasts.Resolve(ScenarioText);
        }
        catch (KeyNotFoundException)
        {
            notice = T.Format("forecast.unknown_scenario", ScenarioText);
            (scenarioName, savedAssumptions) = (GapForecasts.BaselineName, ScenarioAssumptions.Baseline);
        }
        assumptions = savedAssumptions;
    }

    /// <summary>Waits for the stored forecast (showing "正在拟合" meanwhile, off the render path), then projects.</summary>
    private async Task FitAndShowAsync()
    {
        var fit = Cache.GetAsync(Horizon);
        fitting = !fit.IsCompleted;
        // The prerender waits for a stored run at most PrerenderWait, then answers with "正在拟合" while a refit after a
        // load is under way (never holding the request for the fit's seconds); the live circuit that follows waits for
        // the fit and shows the figures.
        if (fitting && PrerenderContext is not null && await Task.WhenAny(fit, Task.Delay(PrerenderWait)) != fit) return;
        try
        {
            forecast = await fit;
            // The backtest of a horizon is read once; a district or target change then re-projects without yielding,
            // so no render shows the new district with the old figures.
            if (backtestFor != (Horizon, forecast.RunAt))
            {
                backtest = await Task.Run(() => Forecasts.Backtest(Horizon));
                backtestFor = (Horizon, forecast.RunAt);
            }
            loadError = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            (forecast, loadError) = (null, e.Message);
        }
        fitting = false;
        if (forecast is { IsEmpty: false } f)
        {
            var target = Year(TargetText);
            Target = target is { } t && t >= FirstYear && t <= Horizon ? t : ForecastFigures.DefaultTargetYear(f);
        }
        scenarioNames = Forecasts.ScenarioNames();
        Project();
    }

    /// <summary>Re-projects under the current assumptions with the fitted unit model (no refit).</summary>
    private void Project()
    {
        if (forecast is not { IsEmpty: false } f)
        {
            (figures, fanChart) = (null, null);
            return;
        }
        figures = ForecastFigures.Build(Forecasts, f, assumptions, scenarioName, District, Target, Clock);
        var labels = new FanLabels(T["forecast.history"], T["forecast.forecast"], T["forecast.band80"], T["forecast.band95"],
            T["forecast.required"], T["forecast.marker"]);
        fanChart = Charts.Fan(T.Format("forecast.fan", figures.AreaName, T["forecast.method." + f.QualifiedMethod]), T["unit.posts"], figures.Fan, labels,
            [PolicyDeadline, new DateOnly(Horizon, 12, 31)]);
    }

    private string Recommended => figures?.PlanRows.FirstOrDefault(r => r.IsRecommendation && r.Level == QuotaRow.District && (District is null || r.Code == District)) is { } row
        ? District is null
            ? T.Number(figures.PlanRows.Where(r => r.IsRecommendation).Sum(r => r.TotalApprovals))
            : string.Join(" / ", row.ApprovalsByYear.Select(a => T.Number(a)))
        : "—";

    private int ApprovedPostsShown => District is { } d
        ? assumptions.PostsApprovedPerYear.TryGetValue(d, out var n) ? n
            : figures?.PlanRows.FirstOrDefault(r => r.Code == d && !r.IsRecommendation)?.ApprovalsByYear.FirstOrDefault() ?? 0
        : 0;

    private void ChangeApproved(ChangeEventArgs e)
    {
        if (District is not { } d || !int.TryParse(e.Value?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return;
        assumptions = assumptions with { PostsApprovedPerYear = new Dictionary<string, int>(assumptions.PostsApprovedPerYear) { [d] = Math.Max(0, n) } };
        Project();
    }

    private void ChangePassRate(ChangeEventArgs e)
    {
        if (Number(e) is not { } percent) return;
        assumptions = assumptions with { PassRateChange = Math.Clamp(percent, -100, 300) / 100 };
        Project();
    }

    private void ChangeAttrition(ChangeEventArgs e)
    {
        if (Number(e) is not { } percent) return;
        assumptions = assumptions with { AttritionChange = Math.Clamp(percent, -100, 300) / 100 };
        Project();
    }

    /// <summary>Whole posts (half away from zero), grouped; "—" when there is no figure.</summary>
    internal string Posts(double? value) => value is null ? "—" : T.Number((long)Math.Round(value.Value, MidpointRounding.AwayFromZero));

    private string Range(double? lo, double? hi) => lo is null || hi is null ? T["forecast.no_interval"] : $"{Posts(lo)}–{Posts(hi)}";

    private string Change(double value) => (value > 0.5 ? "+" : "") + Posts(value);

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
        if (Forecasts.ReadOnly)
        {
            notice = T["forecast.save_on_writer"];
            return;
        }
        if (name.Length == 0 || name == GapForecasts.BaselineName)
        {
            notice = T["forecast.bad_name"];
            return;
        }
        Forecasts.SaveScenario(name, assumptions);
        (scenarioName, savedAssumptions, resolvedScenario) = (name, assumptions, name);
        scenarioNames = Forecasts.ScenarioNames();
        notice = T.Format("forecast.saved", name);
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("scenario", name));
    }

    private void Go(string parameter, object? value) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(parameter, value?.ToString() is { Length: > 0 } text ? text : null));

    /// <summary>The export of what is on screen: the saved scenario's name plus the on-screen assumptions.</summary>
    private string ExportHref(string extension) => string.Create(CultureInfo.InvariantCulture,
        $"forecast/export.{extension}?scenario={Uri.EscapeDataString(IsBaseline ? "" : scenarioName)}&to={Horizon}&target={Target}&district={District}"
        + $"&approve={Uri.EscapeDataString(assumptions.FormatApprovals())}&pass={assumptions.PassRateChange}&attrition={assumptions.AttritionChange}");

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
