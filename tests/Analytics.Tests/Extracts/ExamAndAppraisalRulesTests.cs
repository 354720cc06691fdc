using Analytics.Etl.Extracts;
using Analytics.Etl.Extracts.Kinds;

namespace Analytics.Tests.Extracts;

public sealed class ExamAndAppraisalRulesTests : IDisposable
{
    private const string ExamHeader = "身份证号,姓名,考试年度,资格级别,考试结果,证书编号,发证日期";
    private const string AppraisalHeader = "身份证号,姓名,考评年度,考评类型,考评单位代码,职业操守,服务绩效,群众满意度,考评等次";
    private static readonly string Id = TestIds.Make(new DateOnly(1995, 8, 20), 42);
    private readonly ExtractTestFolder folder = new();

    public void Dispose() => folder.Dispose();

    private RowOutcome<ExamResultRow> Exam(string rest)
    {
        using var file = ExtractFile.Open(folder.Write("exam.csv", $"{ExamHeader}\n{Id},{rest}\n"), new TestUnits(), new FixedClock(2025));
        return Assert.Single(file.Read(ExtractKinds.ExamResults).ToList());
    }

    private RowOutcome<AppraisalRow> Appraisal(string rest)
    {
        var path = folder.Write("考评.csv", $"{AppraisalHeader}\n{Id},{rest}\n");
        using var file = ExtractFile.Open(path, TestUnits.Chengdu(), new FixedClock(2025));
        return Assert.Single(file.Read(ExtractKinds.Appraisals).ToList());
    }

    [Fact]
    public void AGoodExamRowIsRead() =>
        Assert.Equal(new ExamResultRow(Id, "李四", 2021, "助理社会工作师", true, "2021SW123", new DateOnly(2021, 12, 20)),
            Exam("李四,2021,助理社会工作师,合格,2021SW123,2021/12/20").Row);

    [Theory]
    [InlineData("合格", true)]
    [InlineData("通过", true)]
    [InlineData("PASS", true)]
    [InlineData("不合格", false)]
    [InlineData("未通过", false)]
    [InlineData("Fail", false)]
    public void ResultWordsInChineseOrEnglish(string word, bool passed) =>
        Assert.Equal(passed, Exam($"李四,2021,社工员,{word},C1,").Row!.Passed);

    [Fact]
    public void AnUnknownResultWordIsABadValue() => Assert.Equal("考试结果", Assert.Single(Exam("李四,2021,社工员,良好,C1,").Problems).Column);

    [Theory]
    [InlineData("2007")]
    [InlineData("2026")]
    [InlineData("二〇二一")]
    public void ExamYearIsFrom2008ToTheCurrentYear(string year) =>
        Assert.Equal("考试年度", Assert.Single(Exam($"李四,{year},社工员,不合格,,").Problems).Column);

    [Fact]
    public void TheCurrentYearItselfIsAllowed() => Assert.True(Exam("李四,2025,社工员,不合格,,").IsGood);

    [Fact]
    public void LevelMustBeOneOfTheFour() => Assert.Equal("资格级别", Assert.Single(Exam("李四,2021,社工师,合格,C1,").Problems).Column);

    [Fact]
    public void APassNeedsACertificateNumberAFailDoesNot()
    {
        Assert.Equal("证书编号", Assert.Single(Exam("李四,2021,社会工作师,合格,,").Problems).Column);
        Assert.True(Exam("李四,2021,社会工作师,不合格,,").IsGood);
    }

    [Fact]
    public void IssuedIsAnOptionalDate() => Assert.Equal("发证日期", Assert.Single(Exam("李四,2021,社工员,合格,C1,2021-02-30").Problems).Column);

    [Fact]
    public void AGoodAppraisalRowIsRead() =>
        Assert.Equal(new AppraisalRow(Id, "王五", 2024, "社区社工专业岗位绩效考评", "510104001", 95, 88.5, 90, "优秀"),
            Appraisal("王五,2024,社区社工专业岗位绩效考评,510104001,95,88.5,90,优秀").Row);

    [Fact]
    public void SatisfactionIsRequiredOnlyForProfessionalPostAppraisals()
    {
        Assert.Equal("群众满意度", Assert.Single(Appraisal("王五,2024,社区社工专业岗位绩效考评,510104001,95,88,,优秀").Problems).Column);
        Assert.Null(Appraisal("王五,2024,社区社会工作者绩效考评,510104001,95,88,,合格").Row!.SatisfactionScore);
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("九十")]
    public void ScoresAreNumbersFrom0To100(string score) =>
        Assert.Equal("职业操守", Assert.Single(Appraisal($"王五,2024,社区社会工作者绩效考评,510104001,{score},88,,合格").Problems).Column);

    [Theory]
    [InlineData("510104")]     // a district, not a 镇(街道)
    [InlineData("510104009")]  // unknown
    public void AssessorMustBeAKnownTownCode(string code) =>
        Assert.Equal("考评单位代码", Assert.Single(Appraisal($"王五,2024,社区社会工作者绩效考评,{code},95,88,,合格").Problems).Column);

    [Fact]
    public void TypeGradeAndYearAreChecked()
    {
        var problems = Appraisal("王五,1999,年度考核,510104001,95,88,,良好").Problems;
        Assert.Equal(["考评年度", "考评类型", "考评等次"], problems.Select(p => p.Column));
    }
}
