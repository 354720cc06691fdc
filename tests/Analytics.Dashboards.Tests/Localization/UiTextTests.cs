using System.Globalization;
using Analytics.Dashboards.Localization;

namespace Analytics.Dashboards.Tests.Localization;

public sealed class UiTextTests
{
    private readonly UiText text = new();

    [Fact]
    public void Chinese_conventions_for_dates_numbers_and_shares()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        Assert.Equal("2023年6月30日", text.Date(new DateOnly(2023, 6, 30)));
        Assert.Equal("1,234", text.Number(1234));
        Assert.Equal("66.7%", text.Percent(2.0 / 3));
        Assert.Equal("总览", text["nav.overview"]);
        Assert.Equal("3天", text.Age(TimeSpan.FromDays(3.5)));
    }

    [Fact]
    public void English_when_the_culture_is_switched()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        Assert.Equal("30 Jun 2023", text.Date(new DateOnly(2023, 6, 30)));
        Assert.Equal("Overview", text["nav.overview"]);
        Assert.Equal("[no.such.key]", text["no.such.key"]);
    }

    [Fact]
    public void Every_entry_has_both_languages_and_the_same_placeholders()
    {
        foreach (var (key, (zh, en)) in UiStrings.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(zh), key);
            Assert.False(string.IsNullOrWhiteSpace(en), key);
            Assert.Equal(zh.Contains("{0}"), en.Contains("{0}"));
        }
    }
}
