using Analytics.Etl.Extracts;
using Analytics.Etl.Extracts.Kinds;

namespace Analytics.Tests.Extracts;

public class ContractDateTests
{
    [Theory]
    [InlineData("2023-05-01")]
    [InlineData("2023/5/1")]
    [InlineData("2023.5.1")]
    [InlineData("2023年5月1日")]
    [InlineData("20230501")]
    [InlineData(" 2023-5-1　")]
    [InlineData("２０２３年５月１日")]
    [InlineData("2023-5-1")]
    [InlineData("2023.05.01")]
    [InlineData("2023/05/1")]
    [InlineData("2023年05月01日")]
    public void EveryAcceptedFormGivesTheSameDate(string text)
    {
        Assert.True(ContractDate.TryParse(text, out var date));
        Assert.Equal(new DateOnly(2023, 5, 1), date);
    }

    [Theory]
    [InlineData("2023-02-30")]   // impossible
    [InlineData("2023-13-01")]
    [InlineData("20230230")]
    [InlineData("01/05/2023")]   // day-first
    [InlineData("2023-05-01 00:00:00")]
    [InlineData("2023/05-01")]   // mixed separators
    [InlineData("45047")]        // Excel serial number
    [InlineData("23-5-1")]
    [InlineData("")]
    [InlineData("2023年5月1")]
    [InlineData("2023-5-1日")]
    [InlineData("2023-005-01")]
    [InlineData("2023-5-")]
    [InlineData("202305011")]
    [InlineData("2023 5 1")]
    [InlineData("2023年5-1日")]
    [InlineData("0000-01-01")]
    public void AnythingElseIsRefused(string text) => Assert.False(ContractDate.TryParse(text, out _));

    [Fact]
    public void TheTwentyNinthOfFebruaryExistsOnlyInLeapYears()
    {
        Assert.True(ContractDate.TryParse("2024-02-29", out _));
        Assert.False(ContractDate.TryParse("2023-02-29", out _));
    }
}
