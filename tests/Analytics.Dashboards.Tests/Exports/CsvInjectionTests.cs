using System.Text;
using Analytics.Dashboards.Audit;
using Analytics.Dashboards.Quality;
using Analytics.Dashboards.Sql;
using Analytics.Warehouse.Research;

namespace Analytics.Dashboards.Tests.Exports;

/// <summary>audit.csv, quarantine.csv and the research CSV all go through the one writer that neutralises formulas.</summary>
public sealed class CsvInjectionTests
{
    private static string[] Lines(byte[] bytes)
    {
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void A_sign_in_user_name_typed_as_a_formula_is_neutralised_in_audit_csv()
    {
        var events = new[]
        {
            new AuditEvent(12, new DateTime(2024, 3, 1, 9, 30, 0), "=HYPERLINK(\"http://evil.example\",\"x\")", AuditLog.SignInFailed, "@SUM(A1)", null, -3, "refused"),
        };

        var lines = Lines(AuditExport.Write(events));

        Assert.Equal("12,2024-03-01 09:30:00,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",sign_in_failed,'@SUM(A1),,-3,refused", lines[1]);
    }

    [Fact]
    public void A_file_name_starting_with_plus_is_neutralised_in_quarantine_csv()
    {
        var rows = new[] { new QuarantineRow(7, "+cmd|' /C calc'!A0.csv", 4, "-列", "原因", "reason", "roster") };

        var lines = Lines(QuarantineExport.Write(rows));

        Assert.Equal("'+cmd|' /C calc'!A0.csv,4,'-列,原因,reason,roster,7", lines[1]);
    }

    [Fact]
    public void Demonstration_site_and_district_names_are_neutralised_in_the_research_csv_and_numbers_stay_numbers()
    {
        var result = new ResearchResult(
            [new ResearchColumn("name", "VARCHAR", typeof(string)), new ResearchColumn("district_name", "VARCHAR", typeof(string)),
             new ResearchColumn("delta", "INTEGER", typeof(int)), new ResearchColumn("share", "DOUBLE", typeof(double))],
            [["@示范点", "+锦江区", -3, 1.5], ["=1+1", "-成华区", 4, -0.5]], false, TimeSpan.Zero, Aggregate: false);

        var lines = Lines(ResultFiles.Csv(result, new SmallNumberSuppression(10)));

        Assert.Equal(["name,district_name,delta,share", "'@示范点,'+锦江区,-3,1.5", "'=1+1,'-成华区,4,-0.5"], lines);
    }
}
