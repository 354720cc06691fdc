using Analytics.Dashboards.Localization;
using Analytics.Dashboards.WarehouseReads;
using Analytics.Warehouse.Storage;
using Microsoft.AspNetCore.Components;

namespace Analytics.Dashboards.Components;

/// <summary>
/// Base of every page: reads the as-of date and district from the query string (default as-of = the latest roster
/// snapshot), loads its figures, and reloads and re-renders whenever the warehouse changes. While the first load is
/// under way (or there is no roster at all) <see cref="FiguresReady"/> is false and pages show no figures: partial
/// figures (no qualified posts, the whole requirement as a gap) would look real, so they are not even computed then
/// (the page answers at once). The layout's banner says why. Every read goes through the results cached per
/// warehouse version, so the interactive render after the prerender computes nothing again.
/// </summary>
public abstract class WarehousePage : ComponentBase, IDisposable
{
    [Inject] internal WarehouseChangeNotifier Events { get; set; } = null!;
    [Inject] internal SnapshotQueries Snapshots { get; set; } = null!;
    [Inject] internal UiText T { get; set; } = null!;
    [Inject] internal TimeProvider Clock { get; set; } = null!;
    [Inject] internal DataStatusQueries DataStatuses { get; set; } = null!;
    [Inject] internal Auth.CurrentDistrictScope CurrentScope { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "asOf")] public string? AsOfText { get; set; }
    [SupplyParameterFromQuery(Name = "district")] public string? DistrictText { get; set; }

    protected DateOnly AsOf { get; private set; }
    /// <summary>The district shown: the user's own when bound to one (whatever the URL asks), else the one asked for.</summary>
    protected string? District => Scope.Narrow(DistrictText);

    /// <summary>What the signed-in user may see (Auth/DistrictScope.cs); fail-closed until read.</summary>
    protected Auth.DistrictScope Scope { get; private set; } = Auth.DistrictScope.Nowhere;
    internal IReadOnlyList<DateOnly> SnapshotDates { get; private set; } = [];
    internal IReadOnlyList<DistrictChoice> DistrictChoices { get; private set; } = [];

    /// <summary>The error of the last load (e.g. a metric macro missing from the warehouse), shown instead of figures.</summary>
    protected string? LoadError { get; private set; }

    /// <summary>Where the data stands (loading, as-of date against the snapshots), as the banner shows it.</summary>
    internal DataStatus? Status { get; private set; }

    /// <summary>The figures are loaded, complete and free of errors: pages render them only then.</summary>
    protected bool FiguresReady => LoadError is null && Status is { ShowsFigures: true };

    /// <summary>Loads the page's figures for AsOf and District.</summary>
    protected abstract void Load();

    /// <summary>Pages that show the load itself (data quality, targets) load while the first load runs; the others wait.</summary>
    protected virtual bool LoadsDuringFirstLoad => false;

    /// <summary>"?asOf=...&amp;district=..." to carry the filters into a link.</summary>
    protected string Query(bool withDistrict = true) =>
        $"?asOf={AsOf:yyyy-MM-dd}" + (withDistrict && District is not null ? $"&district={Uri.EscapeDataString(District)}" : "");

    protected override void OnInitialized() => Events.Changed += OnWarehouseChanged;

    protected override void OnParametersSet() => Reload();

    private void Reload()
    {
        try
        {
            Scope = CurrentScope.Get();
            SnapshotDates = Snapshots.SnapshotDates();
            Status = DataStatuses.Resolve(AsOfText);
            AsOf = Status.AsOf;
            DistrictChoices = Snapshots.Districts(AsOf).Where(d => Scope.Allows(d.Code)).ToList();
            if (Status.State is not DataState.Loading || LoadsDuringFirstLoad) Load();
            LoadError = null;
        }
        catch (Exception e) when (e is DuckDB.NET.Data.DuckDBException or InvalidOperationException or Targets.TargetsFileException)
        {
            LoadError = e.Message;
        }
    }

    private void OnWarehouseChanged() => _ = InvokeAsync(() =>
    {
        Reload();
        StateHasChanged();
    });

    public void Dispose()
    {
        Events.Changed -= OnWarehouseChanged;
        GC.SuppressFinalize(this);
    }
}
