namespace Analytics.Etl.Forecasting;

/// <summary>
/// Gross flows of qualified posts in one district during one year (from the previous year-end point to this one).
/// Inflows: new qualified posts filled by hires, by workers already in post who became certified, by part-timers
/// converting to full-time. Outflows: holders who left, part-time holdings past their two years.
/// </summary>
internal sealed record PostFlows(double FromHires, double FromCertification, double FromConversion, double ToLeavers, double ToPartTimeExpiry)
{
    public static readonly PostFlows None = new(0, 0, 0, 0, 0);
    public double Inflow => FromHires + FromCertification + FromConversion;
    public double Outflow => ToLeavers + ToPartTimeExpiry;
    public double Net => Inflow - Outflow;
}

/// <summary>One district at the year-end point of one year (the latest roster snapshot in that year).</summary>
/// <param name="ApprovedPosts">Professional posts approved (审定数) for this year.</param>
/// <param name="PassRate">Share of exam sittings by workers of the district passed this year (0..1).</param>
/// <param name="Flows">Flows during the year that ended at this point (<see cref="PostFlows.None"/> for the first point).</param>
internal sealed record YearPoint(
    int Year, DateOnly AsOf, int RequiredPosts, int QualifiedPosts, int GapPosts, int Workers, int Certified,
    int StockCertified, int NewTalent, int ApprovedPosts, double PassRate, PostFlows Flows);

/// <summary>
/// The yearly history of one district, plus the required posts of later years as the register already knows them
/// (units carried forward, units abolished by a known merger dropped).
/// </summary>
internal sealed record DistrictSeries(
    string DistrictCode, string DistrictName, string DistrictKind, IReadOnlyList<YearPoint> Years,
    IReadOnlyDictionary<int, int> FutureRequiredPosts)
{
    public YearPoint Last => Years[^1];

    /// <summary>Required posts in a year: observed, else the register's count for that year, else carried forward.</summary>
    public int RequiredIn(int year)
    {
        foreach (var point in Years) if (point.Year == year) return point.RequiredPosts;
        if (FutureRequiredPosts.TryGetValue(year, out var required)) return required;
        // Carried forward from the latest year known before it (a merged unit stays merged).
        var known = FutureRequiredPosts.Keys.Where(y => y < year).DefaultIfEmpty(int.MinValue).Max();
        return known > Last.Year ? FutureRequiredPosts[known] : Last.RequiredPosts;
    }

    /// <summary>The series as it was known at the end of <paramref name="year"/> (the register's later counts kept).</summary>
    public DistrictSeries Through(int year)
    {
        var future = new Dictionary<int, int>(FutureRequiredPosts);
        foreach (var point in Years.Where(p => p.Year > year)) future[point.Year] = point.RequiredPosts;
        return this with { Years = Years.Where(p => p.Year <= year).ToList(), FutureRequiredPosts = future };
    }

    /// <summary>Mean approved posts per year over the last three observed years (the default planning assumption).</summary>
    public double RecentApprovedPosts => Years.TakeLast(3).Average(p => (double)p.ApprovedPosts);
}
