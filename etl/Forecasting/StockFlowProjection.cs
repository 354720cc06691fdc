namespace Analytics.Etl.Forecasting;

/// <summary>One projected year of one district (expected values; round only for display).</summary>
internal sealed record ProjectedYear(
    int Year, double RequiredPosts, double QualifiedPosts, double GapPosts, double Certified, double StockCertified,
    double NewCertified, double ApprovedPosts, PostFlows Flows);

/// <summary>Where next year's flow rates come from: a learned model, or (for tests and baselines) fixed rates.</summary>
internal interface IFlowRateSource
{
    FlowRates RatesFor(float[] features);
}

internal sealed class LearnedRates(FlowRateModel model) : IFlowRateSource
{
    public FlowRates RatesFor(float[] features) => model.Predict(features);
}

internal sealed class FixedRates(FlowRates rates) : IFlowRateSource
{
    public FlowRates RatesFor(float[] features) => rates;
}

/// <summary>
/// The stock-flow projection: next year's qualified posts = this year's + inflows − outflows.
/// The learned rates are predicted at the district's recent approvals; a scenario's approvals above (or below) that
/// move hires through the pooled fill rate, its pass-rate change scales certification, its attrition change scales
/// leavers. Bounds: outflows never exceed the posts held, qualified posts never exceed twice the required posts,
/// the gap stays between 0 and the required posts.
/// </summary>
internal static class StockFlowProjection
{
    public static List<ProjectedYear> Project(
        DistrictSeries district, IFlowRateSource rates, ScenarioAssumptions scenario, double fillRate, int toYear,
        Func<int, double>? approvalsByYear = null)
    {
        var last = district.Last;
        var recentApproved = district.RecentApprovedPosts;
        var scenarioApproved = scenario.ApprovedPostsFor(district);
        var basePassRate = last.PassRate;
        var passFactor = Math.Max(0, basePassRate + scenario.PassRateChange) / Math.Max(basePassRate, 0.05);
        if (basePassRate < 0.05) passFactor = 1 + scenario.PassRateChange / 0.05;
        passFactor = Math.Max(0, passFactor);
        var attritionFactor = Math.Max(0, 1 + scenario.AttritionChange);
        // Surplus in one community never fills another's gap: the misplaced part of the last observed gap is held.
        var misplaced = Math.Max(0, last.GapPosts - (last.RequiredPosts - last.QualifiedPosts));
        var stockShare = last.Certified > 0 ? (double)last.StockCertified / last.Certified : 0;

        double required = last.RequiredPosts, qualified = last.QualifiedPosts, gap = last.GapPosts;
        double certified = last.Certified, stock = last.StockCertified;
        var previous = district.Years.Count >= 2 ? FlowRates.Of(district.Years[^2], last.Flows) : new FlowRates(0, 0, 0, 0, 0);
        var result = new List<ProjectedYear>();
        for (var year = last.Year + 1; year <= toYear; year++)
        {
            var approved = approvalsByYear?.Invoke(year) ?? scenarioApproved;
            var features = FlowFeatures.Build(district.DistrictKind, required, qualified, gap, recentApproved, basePassRate, previous);
            var r = rates.RatesFor(features).Bounded();
            var nextRequired = district.RequiredIn(year);

            var hires = Math.Max(0, r.Hires * required + fillRate * (approved - recentApproved));
            var fromCertification = r.Certification * required * passFactor;
            var conversion = r.Conversion * required;
            var leavers = r.Leavers * qualified * attritionFactor;
            var expiry = r.PartTimeExpiry * qualified;
            var outflow = leavers + expiry;
            if (outflow > qualified && outflow > 0)
            {
                leavers *= qualified / outflow;
                expiry *= qualified / outflow;
            }
            var cap = 2 * Math.Max(nextRequired, 1);
            var room = Math.Max(0, cap - (qualified - leavers - expiry));
            var inflow = hires + fromCertification + conversion;
            if (inflow > room)
            {
                var shrink = room / inflow;
                hires *= shrink; fromCertification *= shrink; conversion *= shrink;
            }
            var flows = new PostFlows(hires, fromCertification, conversion, leavers, expiry);
            var leaveShare = qualified > 0 ? leavers / qualified : 0;
            qualified += flows.Net;
            qualified = Math.Max(0, qualified);
            gap = Math.Clamp(nextRequired - qualified + misplaced, 0, nextRequired);
            certified = Math.Max(0, certified * (1 - leaveShare) + fromCertification + hires);
            stock = Math.Min(certified, Math.Max(0, stock * (1 - leaveShare) + fromCertification * stockShare));
            previous = FlowRates.Of(required, qualified - flows.Net, flows);
            required = nextRequired;
            result.Add(new ProjectedYear(year, required, qualified, gap, certified, stock, certified - stock, approved, flows));
        }
        return result;
    }

    /// <summary>Pooled share of approved posts that became qualified posts filled by hires (kept within 0.3..1).</summary>
    public static double FillRate(IEnumerable<DistrictSeries> series)
    {
        double hires = 0, approved = 0;
        foreach (var district in series)
            foreach (var point in district.Years.Skip(1))
            {
                hires += point.Flows.FromHires;
                approved += point.ApprovedPosts;
            }
        return approved <= 0 ? 0.8 : Math.Clamp(hires / approved, 0.3, 1.0);
    }
}
