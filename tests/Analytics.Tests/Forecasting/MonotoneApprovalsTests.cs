using Analytics.Etl.Forecasting;

namespace Analytics.Tests.Forecasting;

/// <summary>Approvals are a capacity: more approved posts never raise a projected gap (many random scenarios).</summary>
public sealed class MonotoneApprovalsTests
{
    [Fact]
    public void More_approvals_never_raise_the_projected_gap_nor_lower_the_chance_of_closing_it()
    {
        var model = ForecastModel.Fit(SyntheticHistory.Pipeline(districts: 3, noise: true, seed: 11), new ForecastOptions(HorizonYear: 2029));
        var units = model.Units!;
        var random = new Random(5);
        var districts = units.DistrictCodes.ToList();
        for (var scenario = 0; scenario < 300; scenario++)
        {
            var district = districts[random.Next(districts.Count)];
            var steps = 1 + random.Next(units.Steps);
            var years = Enumerable.Range(2026, 4).ToDictionary(y => y, _ => random.Next(0, 40));
            var more = years.ToDictionary(p => p.Key, p => p.Value + (random.NextDouble() < 0.5 ? random.Next(0, 30) : 0));
            var pass = 0.5 + random.NextDouble();
            var attrition = 0.5 + 2 * random.NextDouble();
            var lower = units.ProjectDistrict(district, units.Arrivals(district, y => years[y], steps), pass, attrition);
            var higher = units.ProjectDistrict(district, units.Arrivals(district, y => more[y], steps), pass, attrition);
            for (var k = 0; k < steps; k++)
            {
                Assert.True(higher[k].Gap <= lower[k].Gap + 1e-9, $"scenario {scenario}, step {k + 1}: gap {higher[k].Gap} > {lower[k].Gap}");
                Assert.True(higher[k].ProbabilityClosed >= lower[k].ProbabilityClosed - 1e-12, $"scenario {scenario}, step {k + 1}: P(closed) fell");
            }
            var target = 2026 + random.Next(4);
            var a = QuotaPlanner.Evaluate(model, district, years, target);
            var b = QuotaPlanner.Evaluate(model, district, more, target);
            Assert.True(b.GapHi80 <= a.GapHi80 && b.Gap <= a.Gap + 1e-9, $"scenario {scenario}: the simulated gap rose with more approvals");
        }
    }

    [Fact]
    public void Without_approvals_the_gap_closes_only_as_far_as_vacant_posts_allow_and_approvals_close_it_faster()
    {
        var model = ForecastModel.Fit(SyntheticHistory.Pipeline(districts: 2), new ForecastOptions(HorizonYear: 2028));
        var units = model.Units!;
        var none = units.ProjectDistrict("510104", units.Arrivals("510104", _ => 0, units.Steps));
        var many = units.ProjectDistrict("510104", units.Arrivals("510104", _ => 40, units.Steps));
        // No vacant approved post and nobody leaving: with no approvals nothing can be filled through a post.
        Assert.Equal(none[0].Gap, none[^1].Gap, 1);
        Assert.True(many[^1].Gap < none[^1].Gap - 5);
    }
}
