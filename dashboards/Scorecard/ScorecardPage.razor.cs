using System.Linq.Expressions;
using Analytics.Dashboards.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.QuickGrid;

namespace Analytics.Dashboards.Scorecard;

/// <summary>区(市)县计分卡: every district ranked by post gap, its figures, certificates split by level, and the year's trend.</summary>
public partial class ScorecardPage : WarehousePage
{
    [Inject] internal ScorecardQueries Queries { get; set; } = null!;

    private IQueryable<ScorecardRow> rows = Enumerable.Empty<ScorecardRow>().AsQueryable();
    private DateOnly? comparedWith;

    private static readonly GridSort<ScorecardRow> ByName = GridSort<ScorecardRow>.ByAscending(r => r.DistrictCode);

    protected override void Load()
    {
        var all = Queries.Rows(AsOf, Scope.Code);
        rows = all.AsQueryable();
        comparedWith = all.FirstOrDefault()?.ComparedWith;
    }

    private static GridSort<ScorecardRow> By<TKey>(Expression<Func<ScorecardRow, TKey>> key) => GridSort<ScorecardRow>.ByDescending(key);

    private string Definition => comparedWith is { } since
        ? T.Format("scorecard.definition", T.Date(since))
        : T["scorecard.definition_no_trend"];

    private string ExportHref(ExportFormat format) =>
        ScorecardExport.PathFor(format).TrimStart('/') + $"?asOf={AsOf:yyyy-MM-dd}";
}
