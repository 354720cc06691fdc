using Analytics.Etl.Extracts;
using Analytics.Etl.Loading;
using Analytics.Tests.Loading;
using static Analytics.Tests.Extracts.XlsxTestCell;

namespace Analytics.Tests.Extracts;

/// <summary>.xlsx extracts through the real loader into a real warehouse file: same kinds, aliases and rules as CSV,
/// worksheet row numbers in the quarantine, and the errors only a workbook can have.</summary>
public sealed class XlsxExtractTests
{
    private static readonly string Zhang = TestIds.Make(new DateOnly(1990, 1, 1), 123);
    private static readonly string Li = TestIds.Make(new DateOnly(1985, 5, 12), 2);
    private static readonly string Wang = TestIds.Make(new DateOnly(1979, 3, 4), 55);
    private static readonly string Zhao = TestIds.Make(new DateOnly(1992, 8, 9), 77);
    private static readonly DateOnly AsOf = new(2026, 12, 31);

    private static readonly XlsxTestCell[] Header =
    [
        "统计日期", "id_number", "姓名", "性别", "工作单位代码", "岗位类别", "用工方式", "兼职起始日期", "入职日期", "离职日期", "人才来源", "学历", "所学专业", "基本工资增发",
    ];

    private static XlsxTestCell?[] Worker(XlsxTestCell id, string name, XlsxTestCell hired, string unit = "510104001001", XlsxTestCell? salary = null) =>
        [Date(AsOf), id, name, null, unit, "社会工作专业岗位", "专职", null, hired, null, "存量转岗", "本科", "社会工作", salary ?? Number(400)];

    [Fact]
    public void A_roster_workbook_loads_like_csv_with_worksheet_row_numbers_and_workbook_errors_located()
    {
        using var f = new LoaderFixture();
        f.Load(f.Write("org.csv", SampleExtracts.OrgRegister));
        var path = new XlsxTestBook()
            .Sheet("说明", hidden: true).TextRow(1, "这是隐藏的说明页,不应读取")
            .Sheet("花名册")
            .Row(1, "2026年12月社区工作者花名册").Merge("A1:N1")
            .Row(2, Header)
            .Row(3, Worker(Zhang, "张三", Date(new DateOnly(2019, 5, 1)), salary: Formula("200*2", "400")))
            .Row(4, Worker(Li, "李四", Number(43586)))           // 2019-05-01 as a serial without a date style
            .Row(6, Worker(Wang, "王五", "2018年3月1日"))           // row 5 blank: skipped
            .Row(7, Worker(Number(double.Parse(Zhao, System.Globalization.CultureInfo.InvariantCulture)), "赵六", "2019-05-01"))
            .Row(8, Worker(TestIds.Make(new DateOnly(1988, 1, 1), 9), "钱七", "2019-05-01", unit: "510104999999"))
            .Row(9, "合计", null, "4人")
            .Save(Path.Combine(f.Folder, "in", "锦江区花名册.xlsx"));

        var report = f.Load(path);

        var result = Assert.Single(report.Files);
        Assert.Equal(LoadOutcome.Loaded, result.Outcome);
        Assert.Equal(ExtractKinds.Roster, result.Kind);
        Assert.Equal("xlsx", result.EncodingName);
        Assert.Equal((3, 3), (result.RowsLoaded, result.RowsQuarantined));
        Assert.Equal(["2026-12-31|2019-05-01|400", "2026-12-31|2019-05-01|400", "2026-12-31|2018-03-01|400"],
            f.Rows("SELECT strftime(as_of, '%Y-%m-%d'), strftime(hired, '%Y-%m-%d'), salary_supplement FROM roster_entry ORDER BY line_number"));
        Assert.Equal(["3", "4", "6"], f.Rows("SELECT line_number FROM roster_entry ORDER BY line_number"));
        var quarantine = f.Rows("SELECT line_number, coalesce(column_name, '-'), reason_zh FROM quarantine ORDER BY line_number");
        Assert.Equal(3, quarantine.Count);
        Assert.StartsWith("7|id_number|", quarantine[0]);
        Assert.Contains("以数字保存", quarantine[0]);
        Assert.Contains("精度丢失", quarantine[0]);
        Assert.DoesNotContain(Zhao[..12], string.Join("\n", f.Rows("SELECT reason_zh || reason_en FROM quarantine")));
        Assert.StartsWith("8|工作单位代码|", quarantine[1]);
        Assert.StartsWith("9|-|", quarantine[2]);
        Assert.Contains("合计", quarantine[2]);
        Assert.Equal(0, f.Scalar<int>("SELECT count(*) FROM quarantine WHERE reason_en = '' OR file_name <> '锦江区花名册.xlsx'"));
    }

    [Fact]
    public void A_workbook_in_the_1904_date_system_gives_the_dates_it_shows_not_four_years_earlier()
    {
        using var f = new LoaderFixture();
        f.Load(f.Write("org.csv", SampleExtracts.OrgRegister));
        // In the 1904 system serial 0 is 1904-01-01: the day Excel shows for serial n is 1,462 days after the 1900 system's.
        static XlsxTestCell Serial1904(DateOnly d) => Number(d.DayNumber - new DateOnly(1904, 1, 1).DayNumber);
        var path = new XlsxTestBook().Date1904()
            .Sheet("花名册")
            .Row(1, Header)
            .Row(2, [Serial1904(AsOf), Zhang, "张三", null, "510104001001", "社会工作专业岗位", "专职", null, Serial1904(new DateOnly(2019, 5, 1)), null, "存量转岗", "本科", "社会工作", Number(400)])
            .Row(3, [Serial1904(AsOf), Li, "李四", null, "510104001001", "社会工作专业岗位", "兼职", Serial1904(new DateOnly(2025, 2, 28)), Serial1904(new DateOnly(2016, 2, 29)), null, "存量转岗", "本科", "社会工作", Number(400)])
            .Save(Path.Combine(f.Folder, "in", "mac花名册.xlsx"));

        var report = f.Load(path);

        Assert.Equal(LoadOutcome.Loaded, Assert.Single(report.Files).Outcome);
        Assert.Equal(["2026-12-31|2019-05-01|-", "2026-12-31|2016-02-29|2025-02-28"],
            f.Rows("SELECT strftime(as_of, '%Y-%m-%d'), strftime(hired, '%Y-%m-%d'), coalesce(strftime(part_time_since, '%Y-%m-%d'), '-') FROM roster_entry ORDER BY line_number"));
        Assert.Equal(new DateOnly(2026, 12, 31), f.Scalar<DateOnly>("SELECT max(as_of) FROM roster_snapshot"));
    }

    [Fact]
    public void Merged_header_cells_refuse_the_file_with_the_range_and_load_nothing()
    {
        using var f = new LoaderFixture();
        f.Load(f.Write("org.csv", SampleExtracts.OrgRegister));
        var before = f.DataState();
        var path = new XlsxTestBook().Sheet("Sheet1")
            .Row(1, [.. Header.Take(8), "日期", null, .. Header.Skip(10)]).Merge("I1:J1")
            .Row(2, Worker(Zhang, "张三", "2019-05-01"))
            .Save(Path.Combine(f.Folder, "in", "merged.xlsx"));

        var result = Assert.Single(f.Load(path).Files);

        Assert.Equal(LoadOutcome.Refused, result.Outcome);
        Assert.Contains("合并单元格", result.MessageZh);
        Assert.Contains("I1:J1", result.MessageZh);
        Assert.Equal(before, f.DataState());
    }

    [Fact]
    public void A_workbook_with_only_hidden_sheets_is_refused_and_a_folder_load_takes_xlsx_files()
    {
        using var f = new LoaderFixture();
        var hidden = new XlsxTestBook().Sheet("花名册", hidden: true).Row(1, Header).Row(2, Worker(Zhang, "张三", "2019-05-01"))
            .Save(Path.Combine(f.Folder, "in", "hidden.xlsx"));

        var result = Assert.Single(f.Load(hidden).Files);

        Assert.Equal(LoadOutcome.Refused, result.Outcome);
        Assert.Contains("可见的工作表", result.MessageZh);
        Assert.Contains(hidden, ExtractPaths.Expand([Path.GetDirectoryName(hidden)!]).Files);
    }
}
