using Analytics.Dashboards.Localization;
using Analytics.Dashboards.WarehouseReads;
using Analytics.Warehouse.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace Analytics.Dashboards.Components.Shared;

/// <summary>
/// "数据加载中" while the first load runs, else "数据截至 …" for the page's as-of date (from the URL, default the latest
/// roster), with a warning when that date lies outside the rosters. On every page (the layout holds it).
/// </summary>
public sealed partial class DataBanner : ComponentBase, IDisposable
{
    [Inject] internal DataStatusQueries Statuses { get; set; } = null!;
    [Inject] internal WarehouseChangeNotifier Events { get; set; } = null!;
    [Inject] internal NavigationManager Navigation { get; set; } = null!;
    [Inject] internal UiText T { get; set; } = null!;

    private DataStatus? status;
    private string? requested;

    private string StateClass => status?.State switch
    {
        DataState.Loading => "loading",
        DataState.NoData => "no-data",
        DataState.Refreshing => "refreshing",
        _ => "ready",
    };

    /// <summary>The warning for an as-of date outside the rosters (only once figures exist to be misread).</summary>
    private string? FitWarning => status is null || status.Latest is null ? null : status.Fit switch
    {
        AsOfFit.BeforeFirst => T.Format("banner.before_first", T.Date(status.AsOf), T.Date(status.First)),
        AsOfFit.AfterLatest => T.Format("banner.after_latest", T.Date(status.AsOf), T.Date(status.Latest)),
        AsOfFit.BetweenSnapshots => T.Format("banner.between", T.Date(status.AsOf)),
        AsOfFit.Unreadable => T.Format("banner.unreadable", requested, T.Date(status.AsOf)),
        _ => null,
    };

    protected override void OnInitialized()
    {
        Events.Changed += OnWarehouseChanged;
        Navigation.LocationChanged += OnLocationChanged;
    }

    protected override void OnParametersSet() => Refresh();

    private void Refresh()
    {
        var query = QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query);
        requested = query.TryGetValue("asOf", out var value) ? value.ToString() : null;
        try
        {
            status = Statuses.Resolve(requested);
        }
        catch (Exception e) when (e is DuckDB.NET.Data.DuckDBException or InvalidOperationException)
        {
            status = null; // the page shows the error itself
        }
    }

    private void OnWarehouseChanged() => _ = InvokeAsync(() =>
    {
        Refresh();
        StateHasChanged();
    });

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(() =>
    {
        Refresh();
        StateHasChanged();
    });

    public void Dispose()
    {
        Events.Changed -= OnWarehouseChanged;
        Navigation.LocationChanged -= OnLocationChanged;
    }
}
