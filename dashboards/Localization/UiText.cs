using System.Globalization;

namespace Analytics.Dashboards.Localization;

/// <summary>
/// Every UI string and number format, in the current request culture: Chinese first (zh-CN), English on switch.
/// Numbers use grouping (1,234), dates the Chinese form (2023年6月30日), shares a percent with one decimal.
/// </summary>
internal sealed class UiText
{
    public static bool IsChinese => !CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    public string this[string key] =>
        UiStrings.All.TryGetValue(key, out var s) ? (IsChinese ? s.Zh : s.En) : $"[{key}]";

    /// <summary>A formatted string: the entry is a composite format ({0}, {1} ...).</summary>
    public string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, this[key], args);

    /// <summary>Picks the Chinese or the English of a pair held as data (targets, reasons).</summary>
    public string Pick(string zh, string en) => IsChinese || string.IsNullOrEmpty(en) ? zh : en;

    public string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public string Number(double? value, int decimals = 0) =>
        value is null ? "—" : value.Value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture);

    public string Percent(double? share) =>
        share is null || double.IsNaN(share.Value) ? "—" : share.Value.ToString("P1", CultureInfo.CurrentCulture);

    public string Date(DateOnly? date) => date is null ? "—" :
        IsChinese ? $"{date.Value.Year}年{date.Value.Month}月{date.Value.Day}日"
                  : date.Value.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en"));

    /// <summary>A month: 2026年12月 / Dec 2026.</summary>
    public string Month(DateOnly month) => IsChinese ? $"{month.Year}年{month.Month}月" : month.ToString("MMM yyyy", CultureInfo.GetCultureInfo("en"));

    public string DateTime(DateTime? moment) => moment is null ? "—" :
        $"{Date(DateOnly.FromDateTime(moment.Value))} {moment.Value.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    public string Age(TimeSpan age) => age.TotalDays >= 1
        ? Format("fmt.days", Math.Floor(age.TotalDays))
        : Format("fmt.hours", Math.Max(0, Math.Floor(age.TotalHours)));
}
