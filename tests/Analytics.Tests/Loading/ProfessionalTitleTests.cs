using Analytics.Etl.Loading;
using Analytics.Tests.Extracts;
using static Analytics.Tests.Loading.SampleExtracts;

namespace Analytics.Tests.Loading;

/// <summary>职称 (professional title): an optional roster column, loaded as given and shown by community_workers.</summary>
public sealed class ProfessionalTitleTests
{
    private static readonly string Zhang = TestIds.Make(new DateOnly(1990, 1, 1), 123), Li = TestIds.Make(new DateOnly(1985, 6, 1), 77);

    [Fact]
    public void A_roster_with_the_column_stores_each_title_and_the_community_list_shows_it()
    {
        using var f = new LoaderFixture();
        f.Load(f.Write("org.csv", OrgRegister));
        var roster = f.Write("roster.csv", RosterHeader + ",职称\n"
            + RosterRow("2022-12-31", Zhang, "张三") + ",社会工作师\n"
            + RosterRow("2022-12-31", Li, "李四", hired: "2020-03-01") + ",\n");

        var report = f.Load(roster);

        Assert.Equal(LoadOutcome.Loaded, report.Files[0].Outcome);
        Assert.Empty(report.Files[0].IgnoredColumns);
        Assert.Equal(["2019-05-01|社会工作师", "2020-03-01|∅"],
            f.Rows("SELECT strftime(hired, '%Y-%m-%d'), professional_title FROM community_workers(DATE '2022-12-31', '510104001001') ORDER BY hired"));
    }

    [Fact]
    public void A_roster_without_the_column_loads_as_before_with_no_title()
    {
        using var f = new LoaderFixture();
        f.Load(f.Write("org.csv", OrgRegister));

        var report = f.Load(f.Write("roster.csv", RosterHeader + "\n" + RosterRow("2022-12-31", Zhang, "张三") + "\n"));

        Assert.Equal(LoadOutcome.Loaded, report.Files[0].Outcome);
        Assert.Equal(["∅"], f.Rows("SELECT professional_title FROM roster_entry"));
    }
}
