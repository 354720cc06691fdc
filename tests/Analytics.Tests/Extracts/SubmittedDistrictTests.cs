using Analytics.Etl.Extracts;
using Analytics.Etl.Loading;
using Analytics.Tests.Loading;
using static Analytics.Tests.Loading.SampleExtracts;

namespace Analytics.Tests.Extracts;

/// <summary>A file submitted by a district clerk (sidecar naming the district): rows of other districts are quarantined
/// with that reason, the clerk's own rows load; the same file without a sidecar (the city's) loads all.</summary>
public sealed class SubmittedDistrictTests
{
    private static readonly string Zhang = TestIds.Make(new DateOnly(1990, 1, 1), 123);
    private static readonly string Wang = TestIds.Make(new DateOnly(1980, 2, 2), 321, area: "510121");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Rows_of_another_district_are_quarantined_only_for_a_district_submission(bool submittedByJinjiang)
    {
        using var f = new LoaderFixture();
        f.Load(f.Write("org.csv", OrgRegister));
        var path = f.Write("roster.csv", RosterHeader + "\n" + RosterRow("2022-12-31", Zhang, "张三") + "\n" + RosterRow("2022-12-31", Wang, "王五", unit: "510121100201") + "\n");
        if (submittedByJinjiang) File.WriteAllText(SubmittedDistrict.SidecarOf(path), "510104");

        var result = Assert.Single(f.Load(path).Files);

        Assert.Equal(LoadOutcome.Loaded, result.Outcome);
        if (!submittedByJinjiang)
        {
            Assert.Equal((2, 0), (result.RowsLoaded, result.RowsQuarantined));
            return;
        }
        Assert.Equal((1, 1), (result.RowsLoaded, result.RowsQuarantined));
        Assert.Equal(["510104001001"], f.Rows("SELECT unit_code FROM roster_entry"));
        var reason = Assert.Single(f.Rows("SELECT line_number || '|' || column_name || '|' || reason_zh FROM quarantine"));
        Assert.StartsWith("3|工作单位代码|", reason);
        Assert.Contains("510121", reason);
        Assert.Contains("只能报送本区(市)县的数据", reason);
    }

    [Fact]
    public void Two_districts_submit_their_parts_of_one_snapshot_and_a_resubmission_replaces_only_its_own_part()
    {
        using var f = new LoaderFixture();
        f.Load(f.Write("org.csv", OrgRegister));
        var li = TestIds.Make(new DateOnly(1985, 3, 3), 456);
        string Submit(string name, string district, params string[] rows)
        {
            var path = f.Write(name, RosterHeader + "\n" + string.Join("\n", rows) + "\n");
            File.WriteAllText(SubmittedDistrict.SidecarOf(path), district);
            return path;
        }

        f.Load(Submit("jinjiang.csv", "510104", RosterRow("2022-12-31", Zhang, "张三"), RosterRow("2022-12-31", li, "李四")));
        f.Load(Submit("jintang.csv", "510121", RosterRow("2022-12-31", Wang, "王五", unit: "510121100201")));
        Assert.Equal(["510104001001", "510104001001", "510121100201"], f.Rows("SELECT unit_code FROM roster_entry ORDER BY unit_code"));
        Assert.Equal(["2022-12-31|3"], f.Rows("SELECT strftime(as_of, '%Y-%m-%d') || '|' || rows FROM roster_snapshot"));

        // 锦江 corrects its part (李四 has left the roster): 金堂's row stays, the snapshot counts both districts.
        f.Load(Submit("jinjiang_fixed.csv", "510104", RosterRow("2022-12-31", Zhang, "张三", hired: "2020-01-01")));
        Assert.Equal(["510104001001", "510121100201"], f.Rows("SELECT unit_code FROM roster_entry ORDER BY unit_code"));
        Assert.Equal(["2022-12-31|2"], f.Rows("SELECT strftime(as_of, '%Y-%m-%d') || '|' || rows FROM roster_snapshot"));
        Assert.Equal(2, f.Scalar<int>("SELECT count(*) FROM fact_worker WHERE snapshot = DATE '2022-12-31'"));

        // The city's own file of that date is the whole snapshot again.
        f.Load(f.Write("city.csv", RosterHeader + "\n" + RosterRow("2022-12-31", Wang, "王五", unit: "510121100201", hired: "2018-01-01") + "\n"));
        Assert.Equal(["510121100201"], f.Rows("SELECT unit_code FROM roster_entry"));
        Assert.Equal(["2022-12-31|1"], f.Rows("SELECT strftime(as_of, '%Y-%m-%d') || '|' || rows FROM roster_snapshot"));
    }
}
