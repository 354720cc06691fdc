namespace Analytics.Etl.Forecasting;

/// <summary>
/// The 社区/建制村 that share one approved establishment (a district, or a town with its share of it), with each
/// unit's hazards by state, its state at the origin, and the steps it exists in (a merged unit drops out, a new one
/// starts with no qualified post).
/// </summary>
internal sealed class ProjectionArea(string code, int units)
{
    public string Code { get; } = code;
    public int Count { get; } = units;
    public double[][] Up { get; } = new double[units][];
    public double[][] Down { get; } = new double[units][];
    public int[] Required { get; } = new int[units];
    public int[] Start { get; } = new int[units];
    /// <summary>Qualified posts above <see cref="UnitFeatures.MaxState"/>, held constant.</summary>
    public double[] Offset { get; } = new double[units];
    public int[] FirstStep { get; } = new int[units];
    public int[] LastStep { get; } = new int[units];
}

/// <summary>One projected half-year of an area: expected gap (with its variance across units), expected qualified
/// posts, the probability that every unit meets its minimum, qualified posts gained through approved posts, and losses.</summary>
internal sealed record AreaStep(int Step, double Gap, double GapVariance, double Qualified, double ProbabilityClosed, double Fills, double Losses);

/// <summary>
/// Projects the units of an area half-year by half-year as a Markov chain over each unit's qualified posts
/// (one post up or down per half-year, hazards from <see cref="UnitHazardModel"/>), under the capacity of
/// <see cref="CapacityCalibration"/>: the gains that need a post are the fill speed × the vacant approved posts,
/// shared out over the units by their learned hazards (water-filling, each unit's chance of a gain at most
/// <see cref="MaxGain"/>). Gains through exam passes do not need a post. Monotone by construction: hazards of gains
/// never increase with the posts a unit holds, and a loss from state q+1 is capped at 1 − the gain from q,
/// so more approvals never raise the projected gap.
/// </summary>
internal static class UnitProjection
{
    public const double MaxGain = 0.97;
    private const int States = UnitFeatures.MaxState + 1;

    /// <param name="arrivals">Posts approved that arrive at each step (index 0 = the first projected half-year).</param>
    /// <param name="passFactor">Scales gains through exam passes (1 = as learned).</param>
    /// <param name="attritionFactor">Scales losses (1 = as learned).</param>
    /// <param name="shared">The shared half-year effect on the fill speed at each step (log scale), or null for none.</param>
    public static AreaStep[] Run(ProjectionArea area, CapacityCalibration cal, double startSlack, IReadOnlyList<double> arrivals,
        double passFactor, double attritionFactor, IReadOnlyList<double>? shared = null)
    {
        var steps = arrivals.Count;
        var pi = new double[area.Count][];
        for (var u = 0; u < area.Count; u++)
        {
            pi[u] = new double[States];
            pi[u][area.Start[u]] = 1;
        }
        var result = new AreaStep[steps];
        var slack = Math.Max(0, startSlack);
        var other = new double[States];
        var room = new double[States];
        var gain = new double[States];
        var next = new double[States];
        for (var k = 1; k <= steps; k++)
        {
            slack += Math.Max(0, arrivals[k - 1]);
            var effect = shared is null ? 1 : Math.Exp(shared[k - 1]);
            var fill = Math.Min(1, cal.FillSpeed * effect);
            double vacated = 0;
            for (var u = 0; u < area.Count; u++)
            {
                if (!Active(area, u, k)) continue;
                for (var q = 1; q < States; q++) vacated += pi[u][q] * Math.Min(1, area.Down[u][q] * attritionFactor) * cal.LeaverShare;
            }
            var target = fill * (slack + vacated);
            var scale = WaterLevel(area, pi, k, cal, passFactor, effect, target);
            double fills = 0, losses = 0, gap = 0, variance = 0, qualified = 0, closed = 1;
            for (var u = 0; u < area.Count; u++)
            {
                if (!Active(area, u, k)) continue;
                if (k == area.FirstStep[u] && k > 1) { Array.Clear(pi[u]); pi[u][0] = 1; }
                var p = pi[u];
                for (var q = 0; q < States; q++)
                {
                    other[q] = q == States - 1 ? 0 : Math.Min(MaxGain, (1 - cal.PostShare) * area.Up[u][q] * passFactor * effect);
                    room[q] = q == States - 1 ? 0 : MaxGain - other[q];
                    var post = Math.Min(room[q], scale * cal.PostShare * area.Up[u][q]);
                    gain[q] = other[q] + post;
                    fills += p[q] * post;
                }
                Array.Clear(next);
                for (var q = 0; q < States; q++)
                {
                    var loss = q == 0 ? 0 : Math.Min(Math.Min(area.Down[u][q] * attritionFactor, 1 - gain[q]), 1 - gain[q - 1]);
                    loss = Math.Max(0, loss);
                    losses += p[q] * loss;
                    next[q] += p[q] * (1 - gain[q] - loss);
                    if (q + 1 < States) next[q + 1] += p[q] * gain[q];
                    if (q > 0) next[q - 1] += p[q] * loss;
                }
                Array.Copy(next, p, States);
                double mean = 0, square = 0, meets = 0;
                for (var q = 0; q < States; q++)
                {
                    var shortfall = Math.Max(0, area.Required[u] - q);
                    mean += p[q] * shortfall;
                    square += p[q] * shortfall * shortfall;
                    qualified += p[q] * q;
                    if (shortfall == 0) meets += p[q];
                }
                qualified += area.Offset[u];
                gap += mean;
                variance += square - mean * mean;
                closed *= meets;
            }
            slack = Math.Max(0, slack - fills + losses * cal.LeaverShare);
            result[k - 1] = new AreaStep(k, gap, Math.Max(0, variance), qualified, closed, fills, losses);
        }
        return result;
    }

    private static bool Active(ProjectionArea area, int u, int step) => step >= area.FirstStep[u] && step <= area.LastStep[u];

    /// <summary>
    /// The multiplier of the post-needing hazards at which the expected gains through approved posts equal the
    /// target: exact water-filling over the units' remaining room (each term saturates at its own level);
    /// the largest useful multiplier when the target cannot be met.
    /// </summary>
    private static double WaterLevel(ProjectionArea area, double[][] pi, int k, CapacityCalibration cal, double passFactor, double effect, double target)
    {
        if (target <= 0 || cal.PostShare <= 0) return 0;
        var items = new List<(double Level, double Weight, double Room, double Slope)>();
        double slope = 0;
        for (var u = 0; u < area.Count; u++)
        {
            if (!Active(area, u, k)) continue;
            var fresh = k == area.FirstStep[u] && k > 1;
            for (var q = 0; q < States - 1; q++)
            {
                var weight = fresh ? (q == 0 ? 1 : 0) : pi[u][q];
                var w = cal.PostShare * area.Up[u][q];
                if (weight <= 0 || w <= 0) continue;
                var room = MaxGain - Math.Min(MaxGain, (1 - cal.PostShare) * area.Up[u][q] * passFactor * effect);
                items.Add((room / w, weight, room, weight * w));
                slope += weight * w;
            }
        }
        items.Sort((a, b) => a.Level.CompareTo(b.Level));
        double saturated = 0;
        foreach (var item in items)
        {
            if (slope > 0 && saturated + slope * item.Level >= target) return (target - saturated) / slope;
            saturated += item.Weight * item.Room;
            slope -= item.Slope;
        }
        return items.Count == 0 ? 0 : items[^1].Level + 1;
    }
}
