using Analytics.Etl.Extracts;
using Analytics.Etl.Extracts.Kinds;

namespace Analytics.Tests.Extracts;

public sealed class RosterRulesTests : IDisposable
{
    private readonly ExtractTestFolder folder = new();

    public void Dispose() => folder.Dispose();

    private List<RowOutcome<RosterRow>> Read(params string[] lines)
    {
        var text = ExtractTestText.RosterHeader + "\n" + string.Join("\n", lines) + "\n";
        using var file = ExtractFile.Open(folder.Write("花名册.csv", text), TestUnits.Chengdu(), new FixedClock(2025));
        Assert.Equal(ExtractKinds.Roster, file.Kind);
        return file.Read(ExtractKinds.Roster).ToList();
    }

    private static RowOutcome<RosterRow> One(List<RowOutcome<RosterRow>> rows) => Assert.Single(rows);

    private static string Line(string id, params (string Column, string Value)[] cells) =>
        ExtractTestText.RosterLine(id, cells.ToDictionary(c => c.Column, c => c.Value));

    private RowProblem OnlyProblem(string id, params (string Column, string Value)[] cells) =>
        Assert.Single(One(Read(Line(id, cells))).Problems);

    private static readonly string Man = TestIds.Make(new DateOnly(1990, 3, 4), 111);

    [Fact]
    public void AGoodRowBecomesARosterRow()
    {
        var row = One(Read(Line(Man, ("基本工资增发", "800")))).Row!;
        Assert.Equal(new RosterRow(new DateOnly(2024, 12, 31), Man, "张三", "男", "510104001001", "社区专职工作者", "专职", null,
            new DateOnly(2020, 3, 1), null, "存量转岗", "本科", "社会工作", 800), row);
    }

    [Fact]
    public void FullWidthAndPaddedCellsAreCleanedBeforeValidation()
    {
        var row = One(Read(Line(TestIds.FullWidth(Man.ToLowerInvariant()), ("工作单位代码", "　５１０１０４００１００１ "), ("姓名", " 张三　")))).Row!;
        Assert.Equal(Man, row.IdNumber);
        Assert.Equal("510104001001", row.UnitCode);
        Assert.Equal("张三", row.Name);
    }

    [Fact]
    public void TwoDifferentAsOfDatesRefuseTheWholeFile()
    {
        var refused = Assert.Throws<ExtractRefusedException>(
            () => Read(Line(Man), Line(TestIds.Person(2)), Line(TestIds.Person(3), ("统计日期", "2024/12/30"))));
        Assert.Equal("花名册.csv", refused.FileName);
        Assert.Contains("line 4 has 2024-12-30", refused.ReasonEn);
    }

    [Fact]
    public void TheRefusalHappensDuringEnumerationAndNamesBothLines()
    {
        var text = ExtractTestText.RosterHeader + "\n" + Line(Man) + "\n" + Line(TestIds.Person(3), ("统计日期", "2024/12/30")) + "\n";
        using var file = ExtractFile.Open(folder.Write("r.csv", text), TestUnits.Chengdu(), new FixedClock(2025));
        using var rows = file.Read(ExtractKinds.Roster).GetEnumerator();
        Assert.True(rows.MoveNext());
        var refused = Assert.Throws<ExtractRefusedException>(() => rows.MoveNext());
        Assert.Contains("line 2 has 2024-12-31, line 3 has 2024-12-30", refused.ReasonEn);
        Assert.Contains("统计日期不一致", refused.ReasonZh);
    }

    [Fact]
    public void TheSameAsOfWrittenInAnotherFormIsTheSameDate() =>
        Assert.All(Read(Line(Man), Line(TestIds.Person(2), ("统计日期", "2024年12月31日"))), r => Assert.True(r.IsGood));

    [Fact]
    public void AMissingAsOfIsABadRow() => Assert.Equal("统计日期", OnlyProblem(Man, ("统计日期", "")).Column);

    [Fact]
    public void UnitCodeMustBeNineOrTwelveDigits() => Assert.Equal("工作单位代码", OnlyProblem(Man, ("工作单位代码", "510104")).Column);

    [Fact]
    public void UnitCodeMustBeKnown() =>
        Assert.Contains("not in the organisation register", OnlyProblem(Man, ("工作单位代码", "510104009009")).ReasonEn);

    [Fact]
    public void PostCategoryEmploymentTalentSourceAndEducationComeFromTheContractLists()
    {
        var problems = One(Read(Line(Man, ("岗位类别", "社工"), ("用工方式", "全职"), ("人才来源", "招聘"), ("学历", "大学")))).Problems;
        Assert.Equal(["岗位类别", "用工方式", "人才来源", "学历"], problems.Select(p => p.Column));
        Assert.Contains("社会工作专业岗位、社区专职工作者、其他", problems[0].ReasonZh);
    }

    [Fact]
    public void PartTimeStaffNeedAPartTimeSinceDate()
    {
        Assert.Equal("兼职起始日期", OnlyProblem(Man, ("用工方式", "兼职")).Column);
        var row = One(Read(Line(Man, ("用工方式", "兼职"), ("兼职起始日期", "2021.9.1")))).Row!;
        Assert.Equal(new DateOnly(2021, 9, 1), row.PartTimeSince);
    }

    [Fact]
    public void FullTimeStaffMustNotHaveAPartTimeSinceDate() =>
        Assert.Equal("兼职起始日期", OnlyProblem(Man, ("兼职起始日期", "2021-09-01")).Column);

    [Fact]
    public void HiredIsRequiredAndNotAfterAsOf()
    {
        Assert.Equal("入职日期", OnlyProblem(Man, ("入职日期", "")).Column);
        Assert.Contains("after as_of", OnlyProblem(Man, ("入职日期", "2025-01-01")).ReasonEn);
        Assert.True(One(Read(Line(Man, ("入职日期", "2024-12-31")))).IsGood);
    }

    [Fact]
    public void AnImpossibleDateIsABadValue()
    {
        var problem = OnlyProblem(Man, ("入职日期", "2023-02-30"));
        Assert.Equal("入职日期", problem.Column);
        Assert.Contains("2023-02-30", problem.ReasonZh);
    }

    [Fact]
    public void LeftIsOptionalButNotBeforeHired()
    {
        Assert.Equal(new DateOnly(2024, 6, 30), One(Read(Line(Man, ("离职日期", "20240630")))).Row!.Left);
        Assert.Equal("离职日期", OnlyProblem(Man, ("离职日期", "2019-12-31")).Column);
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("200", true)]
    [InlineData("1200", true)]
    [InlineData("", true)]
    [InlineData("100", false)]
    [InlineData("1300", false)]
    [InlineData("-200", false)]
    [InlineData("500.5", false)]
    public void SalarySupplementIsZeroOr200To1200(string value, bool good) =>
        Assert.Equal(good, One(Read(Line(Man, ("基本工资增发", value)))).IsGood);

    [Fact]
    public void AGenderThatContradictsTheIdNumberIsOnlyAWarningAndTheIdWins()
    {
        var outcome = One(Read(Line(Man, ("性别", "女"))));
        Assert.True(outcome.IsGood);
        Assert.Equal("男", outcome.Row!.Gender);
        Assert.Equal("性别", Assert.Single(outcome.Warnings).Column);
    }

    [Fact]
    public void AMatchingGenderGivesNoWarning() => Assert.Empty(One(Read(Line(Man, ("性别", "男")))).Warnings);

    [Fact]
    public void ABadIdNumberIsABadRow()
    {
        var (id, expected, found) = TestIds.WithWrongCheckChar(Man);
        var problem = OnlyProblem(id);
        Assert.Equal("身份证号", problem.Column);
        Assert.Contains($"应为 {expected}，实为 {found}", problem.ReasonZh);
        Assert.Contains("Excel", OnlyProblem("5.10104E+17").ReasonEn);
    }

    [Fact]
    public void OptionalColumnsMayBeAbsentFromTheHeader()
    {
        const string header = "统计日期,身份证号,姓名,工作单位代码,岗位类别,用工方式,入职日期,人才来源,学历";
        var text = header + "\n2024-12-31," + Man + ",张三,510104001,其他,专职,2020-03-01,其他,大专\n";
        using var file = ExtractFile.Open(folder.Write("r.csv", text), TestUnits.Chengdu(), new FixedClock(2025));
        var row = Assert.Single(file.Read(ExtractKinds.Roster)).Row!;
        Assert.Null(row.SalarySupplement);
        Assert.Null(row.Major);
    }
}
