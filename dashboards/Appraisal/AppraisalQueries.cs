using Analytics.Dashboards.WarehouseReads;
using DuckDB.NET.Data;

namespace Analytics.Dashboards.Appraisal;

internal sealed record GradeCount(string DistrictCode, string DistrictName, string AppraisalType, string Grade, long Appraisals);

internal sealed record AppraisalCoverageRow(string DistrictCode, string DistrictName, long HoldersWithSupplement, long Appraised, double? Coverage);

internal sealed record SupplementWithoutAppraisal(string PersonKey, string NameMasked, string DistrictName, string UnitCode, string UnitName, long SalarySupplement, string? Level);

/// <summary>The appraisal figures of one year, from the metric macros (district names joined from org_unit).</summary>
internal sealed class AppraisalQueries(WarehouseConnections warehouse)
{
    public static readonly IReadOnlyList<string> Grades = ["优秀", "合格", "基本合格", "不合格"];

    public IReadOnlyList<int> Years() => warehouse.Query("SELECT DISTINCT year FROM appraisal ORDER BY year DESC", r => (int)r.Long("year"));

    public IReadOnlyList<GradeCount> Results(int year, string? district) => warehouse.Query(
        """
        SELECT r.district_code, coalesce(o.name, r.district_code) AS district_name, r.appraisal_type, r.grade, r.appraisals
        FROM appraisal_results($year) r LEFT JOIN org_unit o ON o.code = r.district_code
        WHERE $district IS NULL OR r.district_code = $district
        ORDER BY r.district_code, r.appraisal_type, r.grade
        """,
        r => new GradeCount(r.Text("district_code"), r.Text("district_name"), r.Text("appraisal_type"), r.Text("grade"), r.Long("appraisals")),
        new DuckDBParameter("year", year), new DuckDBParameter("district", (object?)district ?? DBNull.Value));

    public IReadOnlyList<AppraisalCoverageRow> Coverage(int year, string? district) => warehouse.Query(
        """
        SELECT c.district_code, coalesce(o.name, c.district_code) AS district_name, c.holders_with_supplement, c.appraised, c.coverage
        FROM appraisal_coverage($year) c LEFT JOIN org_unit o ON o.code = c.district_code
        WHERE $district IS NULL OR c.district_code = $district
        ORDER BY c.coverage, c.district_code
        """,
        r => new AppraisalCoverageRow(r.Text("district_code"), r.Text("district_name"), r.Long("holders_with_supplement"), r.Long("appraised"), r.Double("coverage")),
        new DuckDBParameter("year", year), new DuckDBParameter("district", (object?)district ?? DBNull.Value));

    public IReadOnlyList<SupplementWithoutAppraisal> WithoutAppraisal(int year, string? district) => warehouse.Query(
        """
        SELECT s.person_key, s.name_masked, coalesce(d.name, s.district_code) AS district_name, s.unit_code, coalesce(u.name, s.unit_code) AS unit_name,
               s.salary_supplement, s.level
        FROM supplement_without_appraisal($year) s
        LEFT JOIN org_unit d ON d.code = s.district_code LEFT JOIN org_unit u ON u.code = s.unit_code
        WHERE $district IS NULL OR s.district_code = $district
        ORDER BY s.district_code, s.unit_code, s.name_masked
        """,
        r => new SupplementWithoutAppraisal(r.Text("person_key"), r.Text("name_masked"), r.Text("district_name"), r.Text("unit_code"), r.Text("unit_name"),
            r.Long("salary_supplement"), r.TextOrNull("level")),
        new DuckDBParameter("year", year), new DuckDBParameter("district", (object?)district ?? DBNull.Value));
}
