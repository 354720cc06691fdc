using Analytics.Etl.Extracts;
using Analytics.Etl.Extracts.Kinds;

namespace Analytics.Tests.Extracts;

public sealed class OrgUnitRulesTests : IDisposable
{
    private const string Header = "区划代码,名称,类型,上级代码,设立日期,撤销日期";
    private readonly ExtractTestFolder folder = new();

    public void Dispose() => folder.Dispose();

    private RowOutcome<OrgUnitRow> ReadOne(string line)
    {
        using var file = ExtractFile.Open(folder.Write("区划.csv", Header + "\n" + line + "\n"), new TestUnits(), new FixedClock(2025));
        return Assert.Single(file.Read(ExtractKinds.OrgUnits).ToList());
    }

    private RowProblem OnlyProblem(string line) => Assert.Single(ReadOne(line).Problems);

    [Fact]
    public void GoodUnitsOfEachLevelAreRead()
    {
        Assert.Equal(new OrgUnitRow("510104", "锦江区", "区", null, null, null), ReadOne("510104,锦江区,区,,,").Row);
        Assert.Equal(new OrgUnitRow("510104001", "春熙路街道", "街道", "510104", new DateOnly(2019, 12, 1), null),
            ReadOne("510104001,春熙路街道,街道,510104,2019年12月1日,").Row);
        Assert.Equal(UnitLevel.Community, ReadOne("510104001001,和平社区,社区,510104001,,2020-06-30").Row!.Level);
        Assert.True(ReadOne("510104001201,红旗村,建制村,510104001,,").IsGood);
    }

    [Theory]
    [InlineData("51010,锦江区,区,,,")]
    [InlineData("5101040010,锦江区,区,,,")]
    [InlineData("51010A,锦江区,区,,,")]
    public void CodeMustBe6Or9Or12Digits(string line) => Assert.Equal("区划代码", OnlyProblem(line).Column);

    [Theory]
    [InlineData("510104,锦江区,街道,,,")]
    [InlineData("510104001,春熙路,区,510104,,")]
    [InlineData("510104001001,和平,镇,510104001,,")]
    public void KindMustFitTheCodeLength(string line) => Assert.Equal("类型", OnlyProblem(line).Column);

    [Theory]
    [InlineData("510104001001,和平,建制村,510104001,,")]
    [InlineData("510104001201,红旗,社区,510104001,,")]
    [InlineData("510104001400,某地,社区,510104001,,")]
    public void TheLastThreeDigitsOfA12DigitCodeMustFitTheKind(string line) =>
        Assert.Contains("001–199", OnlyProblem(line).ReasonZh);

    [Fact]
    public void ParentCodeIsRequiredFor9And12DigitCodes()
    {
        Assert.Equal("上级代码", OnlyProblem("510104001,春熙路街道,街道,,,").Column);
        Assert.Equal("上级代码", OnlyProblem("510104001001,和平社区,社区,,,").Column);
    }

    [Fact]
    public void ParentCodeMustBeTheCodesOwnPrefix()
    {
        Assert.Contains("510104", OnlyProblem("510104001,春熙路街道,街道,510105,,").ReasonZh);
        Assert.Contains("510104001", OnlyProblem("510104001001,和平社区,社区,510104002,,").ReasonEn);
    }

    [Fact]
    public void AParentGivenForADistrictIsIgnoredWithAWarning()
    {
        var outcome = ReadOne("510104,锦江区,区,510100,,");
        Assert.True(outcome.IsGood);
        Assert.Null(outcome.Row!.ParentCode);
        Assert.Single(outcome.Warnings);
    }

    [Fact]
    public void AbolishedMustNotBeBeforeEstablished()
    {
        Assert.Equal("撤销日期", OnlyProblem("510104001001,和平社区,社区,510104001,2020-01-01,2019-12-31").Column);
        Assert.True(ReadOne("510104001001,和平社区,社区,510104001,2020-01-01,2020-01-01").IsGood);
    }

    [Fact]
    public void ABadOptionalDateIsStillABadValue() =>
        Assert.Equal("设立日期", OnlyProblem("510104,锦江区,区,,2019-13-01,").Column);

    [Fact]
    public void NameIsRequired() => Assert.Equal("名称", OnlyProblem("510104,,区,,,").Column);
}
