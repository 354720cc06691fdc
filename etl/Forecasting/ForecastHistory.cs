using System.Globalization;

namespace Analytics.Etl.Forecasting;

/// <summary>Calendar half-years as numbers: year × 2, +1 for July–December (2026-06-30 → 4052, 2026-12-31 → 4053).</summary>
internal static class HalfYears
{
    public static int Of(DateOnly date) => date.Year * 2 + (date.Month > 6 ? 1 : 0);

    public static int Of(int year, int half) => year * 2 + (half - 1);

    public static int Year(int halfYear) => halfYear / 2;

    public static bool IsSecondHalf(int halfYear) => halfYear % 2 == 1;

    /// <summary>The last day of the half-year (30 June or 31 December).</summary>
    public static DateOnly End(int halfYear) =>
        IsSecondHalf(halfYear) ? new DateOnly(Year(halfYear), 12, 31) : new DateOnly(Year(halfYear), 6, 30);

    public static string Label(int halfYear) =>
        string.Create(CultureInfo.InvariantCulture, $"{Year(halfYear)}-H{halfYear % 2 + 1}");
}

/// <summary>
/// One 社区/建制村 over the half-year points of the history. Arrays are indexed by point (0..Points−1);
/// <see cref="Present"/> is false where the unit did not exist at that point. Flows are those since the previous point.
/// </summary>
internal sealed class UnitHistory(string code, string kind, string townCode, string districtCode, int points)
{
    public string Code { get; } = code;
    public string Kind { get; } = kind;
    public string TownCode { get; } = townCode;
    public string DistrictCode { get; } = districtCode;
    public bool IsVillage => Kind == "建制村";
    public int Required => IsVillage ? 1 : 2;

    public bool[] Present { get; } = new bool[points];
    public int[] Qualified { get; } = new int[points];
    public int[] Workers { get; } = new int[points];
    public int[] ConversionPool { get; } = new int[points];
    public int[] UncertifiedHolders { get; } = new int[points];
    public int[] PartTimeExpiring { get; } = new int[points];
    /// <summary>Gains that needed an approved post (hires, conversions) since the previous point.</summary>
    public int[] PostGains { get; } = new int[points];
    /// <summary>Gains that did not (passes, restorations).</summary>
    public int[] OtherGains { get; } = new int[points];
    public int[] Leavers { get; } = new int[points];
    public int[] Lapses { get; } = new int[points];

    public int Shortfall(int point) => Math.Max(0, Required - Qualified[point]);

    /// <summary>The same unit with only the first <paramref name="count"/> points.</summary>
    public UnitHistory Take(int count)
    {
        var copy = new UnitHistory(Code, Kind, TownCode, DistrictCode, count);
        Array.Copy(Present, copy.Present, count); Array.Copy(Qualified, copy.Qualified, count);
        Array.Copy(Workers, copy.Workers, count); Array.Copy(ConversionPool, copy.ConversionPool, count);
        Array.Copy(UncertifiedHolders, copy.UncertifiedHolders, count); Array.Copy(PartTimeExpiring, copy.PartTimeExpiring, count);
        Array.Copy(PostGains, copy.PostGains, count); Array.Copy(OtherGains, copy.OtherGains, count);
        Array.Copy(Leavers, copy.Leavers, count); Array.Copy(Lapses, copy.Lapses, count);
        return copy;
    }
}

/// <summary>A 区(市)县: name and kind, professional posts held at each point, and posts approved per year (null = not yet approved).</summary>
internal sealed record DistrictInfo(string Code, string Name, string Kind, int[] ProfessionalPosts, IReadOnlyDictionary<int, int?> ApprovedByYear)
{
    /// <summary>
    /// Mean posts approved per year over the last three years that have an approval: a year not yet approved is
    /// left out, never counted as zero.
    /// </summary>
    public double RecentApprovals(int throughYear) =>
        ApprovedByYear.Where(p => p.Key <= throughYear && p.Value is not null).OrderByDescending(p => p.Key).Take(3)
            .Select(p => (double)p.Value!.Value).DefaultIfEmpty(0).Average();

    /// <summary>Posts approved in years up to and including <paramref name="year"/>.</summary>
    public int CumulativeApprovals(int year) => ApprovedByYear.Where(p => p.Key <= year).Sum(p => p.Value ?? 0);

    /// <summary>Whether the year's approvals are recorded.</summary>
    public bool IsApproved(int year) => ApprovedByYear.TryGetValue(year, out var a) && a is not null;
}

/// <summary>A unit the register knows for a future half-year (for required posts after the history).</summary>
internal sealed record FutureUnit(string Code, string Kind, string TownCode, string DistrictCode);

/// <summary>
/// The unit × half-year history the forecast learns from (read from the warehouse's 060 macros), the districts'
/// establishment inputs, town names, and the register's units for future half-years.
/// </summary>
internal sealed class ForecastHistory(
    IReadOnlyList<int> halfYears, IReadOnlyList<DateOnly> asOf, IReadOnlyList<UnitHistory> units, IReadOnlyList<DistrictInfo> districts,
    IReadOnlyDictionary<string, string> townNames, IReadOnlyDictionary<int, IReadOnlyList<FutureUnit>> futureUnits)
{
    /// <summary>The half-year number of each point, ascending.</summary>
    public IReadOnlyList<int> HalfYears { get; } = halfYears;
    public IReadOnlyList<DateOnly> AsOf { get; } = asOf;
    public IReadOnlyList<UnitHistory> Units { get; } = units;
    public IReadOnlyList<DistrictInfo> Districts { get; } = districts;
    public IReadOnlyDictionary<string, string> TownNames { get; } = townNames;
    /// <summary>By half-year after the history: the 社区/建制村 the register has then (missing = as at the last point).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<FutureUnit>> FutureUnits { get; } = futureUnits;

    public int Points => HalfYears.Count;
    public int LastHalfYear => HalfYears[^1];
    public DateOnly DataVintage => Points == 0 ? default : AsOf[^1];

    public int PointOf(int halfYear)
    {
        for (var i = 0; i < Points; i++) if (HalfYears[i] == halfYear) return i;
        return -1;
    }

    /// <summary>
    /// The history as known at the end of <paramref name="originHalfYear"/>: later points dropped, approvals of later
    /// years unknown, the units of later points kept as the register's future units (the register is known ahead).
    /// </summary>
    public ForecastHistory Through(int originHalfYear)
    {
        var count = HalfYears.Count(h => h <= originHalfYear);
        var lastYear = global::Analytics.Etl.Forecasting.HalfYears.Year(originHalfYear);
        var future = new Dictionary<int, IReadOnlyList<FutureUnit>>(FutureUnits);
        for (var i = count; i < Points; i++)
        {
            var point = i;
            future[HalfYears[i]] = Units.Where(u => u.Present[point]).Select(u => new FutureUnit(u.Code, u.Kind, u.TownCode, u.DistrictCode)).ToList();
        }
        var districts = Districts.Select(d => d with
        {
            ProfessionalPosts = d.ProfessionalPosts[..count],
            ApprovedByYear = d.ApprovedByYear.Where(p => p.Key <= lastYear).ToDictionary(p => p.Key, p => p.Value),
        }).ToList();
        return new ForecastHistory(HalfYears.Take(count).ToList(), AsOf.Take(count).ToList(),
            Units.Where(u => u.Present.Take(count).Any(p => p)).Select(u => u.Take(count)).ToList(), districts, TownNames, future);
    }

    /// <summary>The units present at a future half-year (the register's, else those of the last point).</summary>
    public IEnumerable<(string Code, string Kind, string TownCode, string DistrictCode)> UnitsAt(int halfYear)
    {
        if (halfYear <= LastHalfYear || !FutureUnits.TryGetValue(halfYear, out var future))
        {
            var point = halfYear <= LastHalfYear ? Math.Max(0, PointOf(halfYear)) : Points - 1;
            return Units.Where(u => u.Present[point]).Select(u => (u.Code, u.Kind, u.TownCode, u.DistrictCode));
        }
        return future.Select(u => (u.Code, u.Kind, u.TownCode, u.DistrictCode));
    }
}
