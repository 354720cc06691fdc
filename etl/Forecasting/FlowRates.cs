namespace Analytics.Etl.Forecasting;

/// <summary>
/// Flows as rates, so that districts of any size can be pooled: inflows per required post, outflows per qualified
/// post at the start of the year.
/// </summary>
internal sealed record FlowRates(double Hires, double Certification, double Conversion, double Leavers, double PartTimeExpiry)
{
    public const int Count = 5;

    public static FlowRates Of(YearPoint start, PostFlows flows) => Of(start.RequiredPosts, start.QualifiedPosts, flows);

    public static FlowRates Of(double requiredAtStart, double qualifiedAtStart, PostFlows flows)
    {
        var required = Math.Max(1, requiredAtStart);
        var qualified = Math.Max(1, qualifiedAtStart);
        return new(flows.FromHires / required, flows.FromCertification / required, flows.FromConversion / required,
            flows.ToLeavers / qualified, flows.ToPartTimeExpiry / qualified);
    }

    public double this[int flow] => flow switch
    {
        0 => Hires, 1 => Certification, 2 => Conversion, 3 => Leavers, 4 => PartTimeExpiry,
        _ => throw new ArgumentOutOfRangeException(nameof(flow)),
    };

    public static FlowRates From(IReadOnlyList<double> values) => new(values[0], values[1], values[2], values[3], values[4]);

    /// <summary>Rates kept in a sensible range: never negative; an outflow rate at most 1.</summary>
    public FlowRates Bounded() => new(
        Math.Clamp(Hires, 0, 1), Math.Clamp(Certification, 0, 1), Math.Clamp(Conversion, 0, 1),
        Math.Clamp(Leavers, 0, 1), Math.Clamp(PartTimeExpiry, 0, 1));
}

/// <summary>The lagged features of one district-year, shared by every learner (the same vector in training and projection).</summary>
internal static class FlowFeatures
{
    public const int Count = 13;

    private static readonly string[] Kinds = ["区", "市", "县", "新区"];

    /// <param name="kind">区, 市, 县 or 新区.</param>
    /// <param name="required">Required posts at the start of the year.</param>
    /// <param name="qualified">Qualified posts at the start of the year.</param>
    /// <param name="gap">Post gap at the start of the year.</param>
    /// <param name="approvedNextYear">Posts approved for the year being forecast.</param>
    /// <param name="passRate">Exam pass rate of the year just ended.</param>
    /// <param name="previous">The flow rates of the year just ended.</param>
    public static float[] Build(string kind, double required, double qualified, double gap, double approvedNextYear, double passRate, FlowRates previous)
    {
        var features = new float[Count];
        var kindIndex = Array.IndexOf(Kinds, kind);
        if (kindIndex >= 0) features[kindIndex] = 1;
        var r = Math.Max(1, required);
        features[4] = (float)(gap / r);
        features[5] = (float)(qualified / r);
        features[6] = (float)(approvedNextYear / r);
        features[7] = (float)passRate;
        for (var i = 0; i < FlowRates.Count; i++) features[8 + i] = (float)previous[i];
        return features;
    }
}

/// <summary>One pooled training example: the features at the end of a year and the flow rates of the next one.</summary>
internal sealed record FlowExample(string DistrictCode, int Year, float[] Features, FlowRates Next);

internal static class FlowExamples
{
    /// <summary>
    /// Every year t of every series with a previous year (lagged flows) and a next year (the label):
    /// features at the end of t, label = the rates of the flows during t+1.
    /// </summary>
    public static List<FlowExample> From(IEnumerable<DistrictSeries> series)
    {
        var examples = new List<FlowExample>();
        foreach (var district in series)
        {
            var years = district.Years;
            for (var t = 1; t + 1 < years.Count; t++)
            {
                var now = years[t];
                var features = FlowFeatures.Build(district.DistrictKind, now.RequiredPosts, now.QualifiedPosts, now.GapPosts,
                    years[t + 1].ApprovedPosts, now.PassRate, FlowRates.Of(years[t - 1], now.Flows));
                examples.Add(new FlowExample(district.DistrictCode, now.Year, features, FlowRates.Of(now, years[t + 1].Flows)));
            }
        }
        return examples;
    }
}
