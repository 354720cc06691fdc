namespace Analytics.Etl.Forecasting;

/// <summary>
/// Approvals as a capacity, calibrated on the history after 2022 (all of it when that is too short):
/// a district's approved establishment is its legacy establishment plus every post approved up to the year;
/// filled professional posts never exceed it (the legacy part is the least that makes that true at every point).
/// Each half-year a share <see cref="FillSpeed"/> of the vacant approved posts (vacancies left plus posts vacated by
/// leavers) becomes qualified posts by hiring or conversion; <see cref="PostShare"/> of qualified-post gains need such
/// a post (the rest: exam passes, part-timers made full-time); <see cref="LeaverShare"/> of losses free a post.
/// <see cref="Sigma"/> is the spread of the shared half-year effect on the fill speed (log scale, method of moments).
/// </summary>
internal sealed record CapacityCalibration(
    double FillSpeed, double PostShare, double LeaverShare, double Sigma, int Transitions,
    IReadOnlyDictionary<string, double> LegacyEstablishment)
{
    public static CapacityCalibration Fit(ForecastHistory h)
    {
        var legacy = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var d in h.Districts)
        {
            var c = 0.0;
            for (var i = 0; i < h.Points; i++)
                c = Math.Max(c, d.ProfessionalPosts[i] - d.CumulativeApprovals(HalfYears.Year(h.HalfYears[i])));
            legacy[d.Code] = c;
        }
        var steps = Enumerable.Range(0, Math.Max(0, h.Points - 1)).Where(i => h.HalfYears[i + 1] == h.HalfYears[i] + 1).ToList();
        var recent = steps.Where(i => h.HalfYears[i + 1] > UnitFeatures.RegimeStart).ToList();
        if (recent.Count >= 2) steps = recent;

        var byDistrict = h.Units.GroupBy(u => u.DistrictCode).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        double observed = 0, available = 0, postGains = 0, allGains = 0, leavers = 0, losses = 0;
        var cells = new List<(double Observed, double Expected)>();
        foreach (var d in h.Districts)
        {
            if (!byDistrict.TryGetValue(d.Code, out var units)) continue;
            foreach (var i in steps)
            {
                var establishment = legacy[d.Code] + d.CumulativeApprovals(HalfYears.Year(h.HalfYears[i + 1]));
                double gained = 0, other = 0, left = 0, lapsed = 0;
                foreach (var u in units)
                {
                    if (!u.Present[i + 1]) continue;
                    gained += u.PostGains[i + 1]; other += u.OtherGains[i + 1]; left += u.Leavers[i + 1]; lapsed += u.Lapses[i + 1];
                }
                var vacant = Math.Max(0, establishment - d.ProfessionalPosts[i]) + left;
                observed += gained; available += vacant; postGains += gained; allGains += gained + other;
                leavers += left; losses += left + lapsed;
                cells.Add((gained, vacant));
            }
        }
        var fill = available > 0 ? Math.Clamp(observed / available, 0.02, 1) : 0.5;
        var sigma = 0.0;
        var usable = cells.Where(c => c.Expected > 0).Select(c => (c.Observed, Expected: fill * c.Expected)).ToList();
        if (usable.Count >= 3)
        {
            var logs = usable.Select(c => Math.Log((c.Observed + 0.5) / (c.Expected + 0.5))).ToList();
            var mean = logs.Average();
            var variance = logs.Sum(x => (x - mean) * (x - mean)) / (logs.Count - 1);
            var poissonNoise = usable.Average(c => 1 / (c.Expected + 0.5));
            sigma = Math.Sqrt(Math.Clamp(variance - poissonNoise, 0, 1));
        }
        return new CapacityCalibration(fill, allGains > 0 ? postGains / allGains : 0.7, losses > 0 ? leavers / losses : 0.8, sigma,
            steps.Count, legacy);
    }

    /// <summary>Vacant approved posts of a district at the last point of the history (never negative).</summary>
    public double SlackAtEnd(ForecastHistory h, DistrictInfo d) =>
        Math.Max(0, LegacyEstablishment.GetValueOrDefault(d.Code) + d.CumulativeApprovals(HalfYears.Year(h.LastHalfYear)) - d.ProfessionalPosts[^1]);
}
