using System.Globalization;
using Analytics.Dashboards.Charts;
using Analytics.Dashboards.Components;
using Analytics.Dashboards.Targets;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.QuickGrid;

namespace Analytics.Dashboards.Appraisal;

/// <summary>考评: grade distribution by district for a year; certificate holders drawing a supplement without an appraisal.</summary>
public partial class AppraisalPage : WarehousePage
{
    private static readonly string[] GradeColours = ["#2ca02c", "#1f77b4", "#ff7f0e", "#d62728"];

    [SupplyParameterFromQuery(Name = "year")] public int? YearParameter { get; set; }
    [Inject] internal AppraisalQueries Queries { get; set; } = null!;
    [Inject] internal TargetProgressQueries TargetQueries { get; set; } = null!;
    [Inject] internal ChartRenderer Charts { get; set; } = null!;
    [Inject] internal NavigationManager Navigation { get; set; } = null!;

    private readonly PaginationState pages = new() { ItemsPerPage = 25 };
    private int year;
    private IReadOnlyList<int> years = [];
    private IReadOnlyList<GradeCount> results = [];
    private IReadOnlyList<AppraisalCoverageRow> coverage = [];
    private IReadOnlyList<SupplementWithoutAppraisal> without = [];
    private RenderedChart? gradeChart;

    protected override void Load()
    {
        year = YearParameter ?? TargetQueries.AppraisalYear(AsOf);
        years = Queries.Years();
        if (!years.Contains(year)) years = [.. years.Append(year).OrderDescending()];
        results = Queries.Results(year, District);
        coverage = Queries.Coverage(year, District);
        without = Queries.WithoutAppraisal(year, District);

        var districts = results.Select(r => (r.DistrictCode, r.DistrictName)).Distinct().OrderBy(d => d.DistrictCode).ToList();
        gradeChart = Charts.Stacked(T.Format("chart.grades", year), T["unit.appraisals"], districts.Select(d => d.DistrictName).ToList(),
            AppraisalQueries.Grades.Select((g, i) => new StackedSeries(g, GradeColours[i],
                districts.Select(d => (double)results.Where(r => r.DistrictCode == d.DistrictCode && r.Grade == g).Sum(r => r.Appraisals)).ToList())).ToList());
    }

    private void ChangeYear(ChangeEventArgs e) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("year", int.TryParse(e.Value?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) ? y : null));
}
