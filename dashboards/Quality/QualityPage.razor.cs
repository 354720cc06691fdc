using Analytics.Dashboards.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.QuickGrid;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboards.Quality;

/// <summary>数据质量: freshness of each extract kind, quarantined rows (filterable, CSV export), load and job history.</summary>
public partial class QualityPage : WarehousePage
{
    [SupplyParameterFromQuery(Name = "file")] public string? FileFilter { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? TextFilter { get; set; }
    [Inject] internal QualityQueries Queries { get; set; } = null!;
    [Inject] internal IOptions<DashboardOptions> Options { get; set; } = null!;
    [Inject] internal NavigationManager Navigation { get; set; } = null!;

    private readonly PaginationState quarantinePages = new() { ItemsPerPage = 50 };
    private readonly PaginationState loadPages = new() { ItemsPerPage = 25 };
    private IReadOnlyList<(KindLastLoad Load, FreshnessLevel Level, TimeSpan? Age)> kinds = [];
    private IReadOnlyList<QuarantineRow> quarantine = [];
    private IReadOnlyList<string> files = [];
    private IReadOnlyList<LoadRunRow> loads = [];
    private IReadOnlyList<JobRunRow> jobs = [];
    private string fileChoice = "", textChoice = "";

    private string ExportHref =>
        QuarantineExport.Path.TrimStart('/') + "?file=" + Uri.EscapeDataString(FileFilter ?? "") + "&q=" + Uri.EscapeDataString(TextFilter ?? "");

    protected override bool LoadsDuringFirstLoad => true;

    protected override void Load()
    {
        var now = Clock.GetLocalNow().DateTime;
        var last = Queries.LastLoads().ToDictionary(k => k.Kind);
        kinds = DashboardOptions.ExtractKinds
            .Select(kind => last.TryGetValue(kind, out var l) ? l : new KindLastLoad(kind, null, null, null, null, 0))
            .Select(l =>
            {
                var (level, age) = Freshness.Of(l.LastLoadedAt, Options.Value.Freshness.GetValueOrDefault(l.Kind), now);
                return (l, level, age);
            })
            .ToList();
        fileChoice = FileFilter ?? "";
        textChoice = TextFilter ?? "";
        quarantine = Queries.Quarantine(new QuarantineFilter(FileFilter, TextFilter));
        files = Queries.QuarantinedFiles();
        loads = Queries.LoadHistory();
        jobs = Queries.JobHistory();
    }

    private void ApplyFilter() => Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
    {
        ["file"] = string.IsNullOrEmpty(fileChoice) ? null : fileChoice,
        ["q"] = string.IsNullOrWhiteSpace(textChoice) ? null : textChoice.Trim(),
    }));
}
