using Analytics.Tests.Extracts;
using System.Text;
using Analytics.Etl.Extracts;
using Analytics.Etl.Extracts.Kinds;
using Analytics.Etl.Loading;
using static Analytics.Tests.Loading.SampleExtracts;

namespace Analytics.Tests.Loading;

public sealed class ExtractLoaderTests
{
    private static readonly string Zhang = TestIds.Make(new DateOnly(1990, 1, 1), 123);
    private static readonly string Li = TestIds.Make(new DateOnly(1985, 5, 12), 2);

    [Fact]
    public void Org_register_is_loaded_first_whatever_the_file_names()
    {
        using var f = new LoaderFixture();
        var roster = f.Write("a_roster.csv", RosterHeader + "\n" + RosterRow("2022-12-31", Zhang, "张三") + "\n");
        var org = f.Write("z_org.csv", OrgRegister);

        var report = f.Load(roster, org);

        Assert.Equal([ExtractKinds.OrgUnits, ExtractKinds.Roster], report.Files.Select(r => r.Kind!));
        Assert.All(report.Files, r => Assert.Equal(LoadOutcome.Loaded, r.Outcome));
        Assert.Equal(1, f.Scalar<int>("SELECT count(*) FROM roster_entry"));
        Assert.Equal(7, f.Scalar<int>("SELECT count(*) FROM org_unit"));
    }

    [Fact]
    public void Same_bytes_twice_change_nothing_and_say_already_loaded()
    {
        using var f = new LoaderFixture();
        var org = f.Write("org.csv", OrgRegister);
        var roster = f.Write("roster.csv", RosterHeader + "\n" + RosterRow("2022-12-31", Zhang, "张三") + "\n");
        f.Load(org, roster);
        var before = f.DataState();
        var runs = f.Scalar<int>("SELECT count(*) FROM load_run");

        var again = f.Load(org, roster);

        Assert.All(again.Files, r => Assert.Equal(LoadOutcome.AlreadyLoaded, r.Outcome));
        Assert.Contains("already loaded", again.Files[0].MessageEn);
        Assert.Equal(before, f.DataState());
        Assert.Equal(runs, f.Scalar<int>("SELECT count(*) FROM load_run"));
    }

    [Fact]
    public void A_corrected_roster_replaces_the_snapshot_of_the_same_date_and_keeps_others()
    {
        using var f = new LoaderFixture();
        f.Load(f.Write("org.csv", OrgRegister));
        f.Load(f.Write("r2022.csv", RosterHeader + "\n" + RosterRow("2022-12-31", Zhang, "张三") + "\n" + RosterRow("2022-12-31", Li, "李四") + "\n"));
        f.Load(f.Write("r2021.csv", RosterHeader + "\n" + RosterRow("2021-12-31", Zhang, "张三") + "\n"));

        var corrected = f.Load(f.Write("r2022_fixed.csv", RosterHeader + "\n" + RosterRow("2022/12/31", Li, "李四", unit: "510121100201") + "\n"));

        Assert.Equal(LoadOutcome.Loaded, corrected.Files[0].Outcome);
        Assert.Equal(["2021-12-31|1", "2022-12-31|1"], f.Rows("SELECT strftime(as_of, '%Y-%m-%d'), rows FROM roster_snapshot ORDER BY as_of"));
        Assert.Equal(["510121100201"], f.Rows("SELECT unit_code FROM roster_entry WHERE as_of = DATE '2022-12-31'"));
    }

    [Fact]
    public void Exam_rows_identical_count_once_and_conflicting_rows_are_all_quarantined()
    {
        using var f = new LoaderFixture();
        var exams = f.Write("exam.csv", $"""
            身份证号,姓名,考试年度,资格级别,考试结果,证书编号,发证日期
            {Zhang},张三,2021,助理社会工作师,通过,A1,2021-07-01
            {Zhang},张三,2021,助理社会工作师,通过,A1,2021-07-01
            {Li},李四,2021,社会工作师,通过,B1,2021-07-01
            {Li},李四,2021,社会工作师,不合格,,

            """);

        var report = f.Load(exams);

        Assert.Equal(1, report.Files[0].RowsLoaded);
        Assert.Equal(2, report.Files[0].RowsQuarantined);
        Assert.Equal(["exam.csv|4|rows for the same person, exam year and level disagree (lines 4, 5); check them and keep the correct one",
                      "exam.csv|5|rows for the same person, exam year and level disagree (lines 4, 5); check them and keep the correct one"],
            f.Rows("SELECT file_name, line_number, reason_en FROM quarantine ORDER BY line_number"));
        Assert.Equal(1, f.Scalar<int>("SELECT count(*) FROM exam_result"));
    }

    [Fact]
    public void A_corrected_exam_file_replaces_by_person_year_and_level()
    {
        using var f = new LoaderFixture();
        const string header = "身份证号,姓名,考试年度,资格级别,考试结果,证书编号,发证日期";
        f.Load(f.Write("exam1.csv", $"{header}\n{Zhang},张三,2021,社会工作师,不合格,,\n{Zhang},张三,2020,社工员,通过,C1,\n"));
        f.Load(f.Write("exam2.csv", $"{header}\n{Zhang},张三,2021,社会工作师,通过,S9,2021-08-01\n"));

        Assert.Equal(["2020|社工员|True", "2021|社会工作师|True"],
            f.Rows("SELECT exam_year, level, passed FROM exam_result ORDER BY exam_year"));
    }

    [Fact]
    public void A_failure_mid_file_leaves_the_warehouse_exactly_as_before()
    {
        using var f = new LoaderFixture();
        f.Load(f.Write("org.csv", OrgRegister));
        f.Load(f.Write("r2021.csv", RosterHeader + "\n" + RosterRow("2022-12-31", Zhang, "张三") + "\n"));
        var before = f.DataState();
        var roster = f.Write("r2022.csv", RosterHeader + "\n" + RosterRow("2022-12-31", Li, "李四") + "\n" + RosterRow("2022-12-31", Zhang, "张三", unit: "510121100201") + "\n");

        var report = f.Loader(afterRow: (_, rows) => { if (rows == 2) throw new IOException("disk vanished"); }).Load([roster]);

        Assert.Equal(LoadOutcome.Failed, report.Files[0].Outcome);
        Assert.Contains("disk vanished", report.Files[0].MessageEn);
        Assert.Equal(before, f.DataState());
        Assert.Equal(["failed"], f.Rows("SELECT outcome FROM load_run WHERE file_name = 'r2022.csv'"));
        // The same bytes load afterwards: a failure is not "already loaded".
        Assert.Equal(LoadOutcome.Loaded, f.Load(roster).Files[0].Outcome);
    }

    [Fact]
    public void A_roster_with_two_dates_is_refused_whole_and_loads_nothing()
    {
        using var f = new LoaderFixture();
        f.Load(f.Write("org.csv", OrgRegister));
        var before = f.DataState();

        var report = f.Load(f.Write("mixed.csv", RosterHeader + "\n" + RosterRow("2022-12-31", Zhang, "张三") + "\n" + RosterRow("2022-06-30", Li, "李四") + "\n"));

        Assert.Equal(LoadOutcome.Refused, report.Files[0].Outcome);
        Assert.Contains("统计日期", report.Files[0].MessageZh);
        Assert.Equal(before, f.DataState());
        Assert.Equal(["refused"], f.Rows("SELECT outcome FROM load_run WHERE file_name = 'mixed.csv'"));
    }

    [Fact]
    public void A_file_of_no_known_kind_is_refused_with_its_name_and_the_missing_columns()
    {
        using var f = new LoaderFixture();
        var report = f.Load(f.Write("notes.csv", "标题,内容\n一,二\n"));

        Assert.Equal(LoadOutcome.Refused, report.Files[0].Outcome);
        Assert.Equal("notes.csv", report.Files[0].FileName);
        Assert.Contains("区划代码", report.Files[0].MessageZh);
    }

    [Fact]
    public void Bad_rows_are_quarantined_with_line_and_column_and_the_good_rows_load()
    {
        using var f = new LoaderFixture();
        f.Load(f.Write("org.csv", OrgRegister));
        var broken = Zhang[..17] + (Zhang[17] == '1' ? '2' : '1');
        var report = f.Load(f.Write("roster.csv", string.Join("\n",
            RosterHeader,
            RosterRow("2022-12-31", Li, "李四"),
            RosterRow("2022-12-31", broken, "错号"),
            RosterRow("2022-12-31", TestIds.Make(new DateOnly(1991, 2, 3), 5), "王五", unit: "510104009009"),
            "") ));

        Assert.Equal((3, 1, 2), (report.Files[0].RowsRead, report.Files[0].RowsLoaded, report.Files[0].RowsQuarantined));
        Assert.Equal(["3|身份证号", "4|工作单位代码"], f.Rows("SELECT line_number, column_name FROM quarantine ORDER BY line_number"));
        Assert.Equal(0, f.Scalar<int>("SELECT count(*) FROM quarantine WHERE reason_zh = '' OR reason_en = ''"));
    }

    [Fact]
    public void An_org_unit_whose_parent_is_unknown_is_quarantined_and_so_are_its_children()
    {
        using var f = new LoaderFixture();
        var report = f.Load(f.Write("org.csv", """
            区划代码,名称,类型,上级代码
            510104,锦江区,区,
            510105001,孤儿街道,街道,510105
            510105001001,孤儿社区,社区,510105001

            """));

        Assert.Equal((1, 2), (report.Files[0].RowsLoaded, report.Files[0].RowsQuarantined));
        Assert.Equal(["3|上级代码", "4|上级代码"], f.Rows("SELECT line_number, column_name FROM quarantine ORDER BY line_number"));
    }

    [Fact]
    public void A_later_register_updates_units_and_keeps_their_history()
    {
        using var f = new LoaderFixture();
        f.Load(f.Write("org.csv", OrgRegister));
        f.Load(f.Write("org2020.csv", "区划代码,名称,类型,上级代码,撤销日期\n510104001001,红星路社区（合并）,社区,510104001,\n510121100201,三星村,建制村,510121100,2020-09-01\n"));

        Assert.Equal(["红星路社区（合并）|∅"], f.Rows("SELECT name, abolished FROM org_unit WHERE code = '510104001001'"));
        Assert.Equal(2, f.Scalar<int>("SELECT count(*) FROM org_unit_history WHERE code = '510104001001'"));
        Assert.Equal(7, f.Scalar<int>("SELECT count(*) FROM org_unit"));
    }

    [Fact]
    public void No_ID_number_appears_in_clear_anywhere_in_the_warehouse_file()
    {
        using var f = new LoaderFixture();
        f.Load(f.Write("org.csv", OrgRegister));
        f.Load(f.Write("roster.csv", RosterHeader + "\n" + RosterRow("2022-12-31", Zhang, "张三") + "\n" + RosterRow("2022-12-31", "5.10104E+17", "王五") + "\n"));
        f.Load(f.Write("exam.csv", $"身份证号,姓名,考试年度,资格级别,考试结果,证书编号\n{Li},李四,2021,社工员,通过,X1\n"));
        using (var c = f.Database.Open()) { using var cmd = c.CreateCommand(); cmd.CommandText = "CHECKPOINT"; cmd.ExecuteNonQuery(); }

        var everything = f.DataState() + string.Join("\n", f.Rows("SELECT * FROM load_run"));
        var bytes = File.ReadAllBytes(f.Options.Path);
        foreach (var id in new[] { Zhang, Li })
        {
            Assert.DoesNotContain(id, everything);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(id)));
        }
        Assert.Equal([Zhang[..6] + "********" + Zhang[^4..]], f.Rows("SELECT id_masked FROM person WHERE name_masked = '张*'"));
    }

    [Fact]
    public void Gb18030_and_english_headers_load_like_utf8()
    {
        using var f = new LoaderFixture();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var report = f.Load(
            f.Write("org.csv", OrgRegister, Encoding.GetEncoding("GB18030")),
            f.Write("sites.csv", "name,unit_code,year,category\n春熙示范点,510104001001,2021,示范点\n"));

        Assert.All(report.Files, r => Assert.Equal(LoadOutcome.Loaded, r.Outcome));
        Assert.Equal(["春熙示范点|510104001001|2021|示范点"], f.Rows("SELECT name, unit_code, year, category FROM demo_site"));
        Assert.Equal(["gb18030", "utf-8"], f.Rows("SELECT encoding FROM load_run ORDER BY load_id"));
    }
}
