using Analytics.Etl.Extracts;
using Analytics.Etl.Extracts.Kinds;

namespace Analytics.Tests.Extracts;

public class IdNumberTests
{
    [Fact]
    public void AValidNumberIsAcceptedAndLowerCaseXBecomesUpperCase()
    {
        Assert.True(IdNumber.TryNormalise(" 51010419900101006x ", out var id, out var problem));
        Assert.Equal("51010419900101006X", id);
        Assert.Null(problem);
    }

    [Fact]
    public void TheHelperAgreesWithThePublishedExampleNumber() =>
        Assert.Equal('X', TestIds.CheckChar("11010519491231002"));

    [Fact]
    public void AWrongCheckCharacterNamesTheExpectedAndFoundCharacters()
    {
        var (id, expected, found) = TestIds.WithWrongCheckChar(TestIds.Make(new DateOnly(1990, 1, 1), 6));
        Assert.False(IdNumber.TryNormalise(id, out _, out var problem));
        Assert.Equal("身份证号", problem!.Column);
        Assert.Contains($"应为 {expected}，实为 {found}", problem.ReasonZh);
        Assert.Contains($"expected {expected}, found {found}", problem.ReasonEn);
    }

    [Fact]
    public void AFifteenDigitNumberIsUpgradedWithNineteenAndACheckCharacter()
    {
        // 51010419800101123: weighted sum 35+9+0+5+0+16+2+9+48+0+0+9+0+5+8+8+6 = 160; 160 mod 11 = 6 -> "10X98765432"[6] = '6'.
        Assert.True(IdNumber.TryNormalise("510104800101123", out var id, out _));
        Assert.Equal("510104198001011236", id);
    }

    [Fact]
    public void FullWidthDigitsAndLetterAreConvertedFirst()
    {
        Assert.True(IdNumber.TryNormalise("\u3000" + TestIds.FullWidth("51010419900101006X"), out var id, out _));
        Assert.Equal("51010419900101006X", id);
    }

    [Theory]
    [InlineData("5.10104E+17")]
    [InlineData("5.10104199001011E17")]
    [InlineData("510104199001011234.0")]
    public void ExcelMangledNumbersGetTheirOwnReason(string raw)
    {
        Assert.False(IdNumber.TryNormalise(raw, out _, out var problem));
        Assert.Contains("文本", problem!.ReasonZh);
        Assert.Contains("format the column as Text", problem.ReasonEn);
    }

    [Theory]
    [InlineData("5101041990013100")]   // 16 characters
    [InlineData("51010419900101006Y")] // bad last character
    [InlineData("5101041990A101006X")] // letter in the digits
    public void MalformedNumbersAreRefused(string raw)
    {
        Assert.False(IdNumber.TryNormalise(raw, out _, out var problem));
        Assert.Contains("格式不对", problem!.ReasonZh);
    }

    [Fact]
    public void AnImpossibleBirthDateIsRefusedEvenWithACorrectCheckCharacter()
    {
        var first17 = "51010419900230123";
        Assert.False(IdNumber.TryNormalise(first17 + TestIds.CheckChar(first17), out _, out var problem));
        Assert.Contains("出生日期", problem!.ReasonZh);
        Assert.False(IdNumber.TryNormalise("510104900230123", out _, out _)); // 15 digits, 1990-02-30
    }

    [Fact]
    public void ReasonsNeverQuoteTheNumber()
    {
        var (id, _, _) = TestIds.WithWrongCheckChar(TestIds.Make(new DateOnly(1990, 1, 1)));
        IdNumber.TryNormalise(id, out _, out var problem);
        Assert.DoesNotContain(id[..17], problem!.ReasonZh + problem.ReasonEn);
    }

    [Fact]
    public void GenderAndBirthDateComeFromTheNumber()
    {
        var man = TestIds.Make(new DateOnly(1985, 7, 9), sequence: 351);
        var woman = TestIds.Make(new DateOnly(1985, 7, 9), sequence: 352);
        Assert.Equal("男", IdNumber.GenderOf(man));
        Assert.Equal("女", IdNumber.GenderOf(woman));
        Assert.Equal(1985, IdNumber.BirthYearOf(man));
    }
}
