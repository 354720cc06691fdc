using Analytics.Etl.Extracts;
using Analytics.Etl.Extracts.Kinds;

namespace Analytics.Tests.Extracts;

public sealed class QuotaAndSiteRulesTests : IDisposable
{
    private readonly ExtractTestFolder folder = new();

    public void Dispose() => folder.Dispose();

    private RowOutcome<PostQuotaRow> Quota(string line)
    {
        using var file = ExtractFile.Open(folder.Write("岗位.csv", "年度,区划代码,申报数,审定数\n" + line + "\n"), TestUnits.Chengdu(), new FixedClock(2025));
        return Assert.Single(file.Read(ExtractKinds.PostQuotas).ToList());
    }

    private RowOutcome<DemoSiteRow> Site(string line)
    {
        using var file = ExtractFile.Open(folder.Write("示范点.csv", "名称,区划代码,认定年度,类别\n" + line + "\n"), TestUnits.Chengdu(), new FixedClock(2025));
        return Assert.Single(file.Read(ExtractKinds.DemoSites).ToList());
    }

    [Fact]
    public void QuotasForKnownUnitsOfEveryLevelAreRead()
    {
        Assert.Equal(new PostQuotaRow(2024, "510104", 12, 10), Quota("2024,510104,12,10").Row);
        Assert.Equal(new PostQuotaRow(2026, "510104001", 3, null), Quota("2026,510104001,3,").Row);
        Assert.True(Quota("2024,510104001001,0,0").IsGood);
    }

    [Fact]
    public void AQuotaForAnUnknownUnitIsABadRow() => Assert.Equal("区划代码", Assert.Single(Quota("2024,510199,12,10").Problems).Column);

    [Theory]
    [InlineData("2024,510104,-1,")]
    [InlineData("2024,510104,1.5,")]
    [InlineData("2024,510104,,")]
    public void RequestedIsAWholeNumberOfAtLeastZero(string line) => Assert.Equal("申报数", Assert.Single(Quota(line).Problems).Column);

    [Fact]
    public void ApprovedIsOptionalButAWholeNumber() => Assert.Equal("审定数", Assert.Single(Quota("2024,510104,5,五").Problems).Column);

    [Theory]
    [InlineData("1999,510104,5,")]
    [InlineData("2027,510104,5,")]
    [InlineData(",510104,5,")]
    public void QuotaYearIsRequiredAndSane(string line) => Assert.Equal("年度", Assert.Single(Quota(line).Problems).Column);

    [Fact]
    public void AGoodDemoSiteIsRead() =>
        Assert.Equal(new DemoSiteRow("和平社区微项目", "510104001001", 2023, "微项目"), Site("和平社区微项目,510104001001,2023,微项目").Row);

    [Fact]
    public void DemoSiteCategoryMustBeOneOfTheFour() =>
        Assert.Contains("示范点、示范项目、试点项目、微项目", Assert.Single(Site("某项目,510104,2023,品牌项目").Problems).ReasonZh);

    [Fact]
    public void DemoSiteUnitMustBeKnown() => Assert.Equal("区划代码", Assert.Single(Site("某项目,510104003,2023,示范点").Problems).Column);

    [Fact]
    public void DemoSiteNameAndYearAreRequired() =>
        Assert.Equal(["名称", "认定年度"], Site(",510104,,示范点").Problems.Select(p => p.Column));

    [Fact]
    public void ValuesThatLookLikeIdNumbersAreMaskedInReasons()
    {
        var id = TestIds.Make(new DateOnly(1990, 1, 1));
        var problem = Assert.Single(Site($"某项目,{id},2023,示范点").Problems);
        Assert.DoesNotContain(id, problem.ReasonZh + problem.ReasonEn);
        Assert.Contains(id[..6] + "********" + id[^4..], problem.ReasonZh);
    }
}
