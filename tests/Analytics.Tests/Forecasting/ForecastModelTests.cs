using Analytics.Etl.Forecasting;

namespace Analytics.Tests.Forecasting;

public class ForecastModelTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 1);

    [Fact]
    public void Fit_ChoosesALearnerByBacktest_AndScoresItAgainstBothBaselines()
    {
        var model = ForecastModel.Fit(SyntheticHistory.City(), new ForecastOptions());

        Assert.NotNull(model.Learner);
        var chosen = model.Backtest.Overall(MlStockFlowForecaster.NameOf(model.Learner!.Value))!;
        foreach (var learner in model.Options.Learners)
            Assert.True(chosen.Mae <= model.Backtest.Overall(MlStockFlowForecaster.NameOf(learner))!.Mae);
        Assert.NotNull(model.Backtest.Overall(NaiveForecaster.MethodName));
        Assert.NotNull(model.Backtest.Overall(DriftForecaster.MethodName));
        Assert.NotNull(model.Backtest.For(chosen.Method, "510101"));
        Assert.NotNull(model.ModelIntervals);
        Assert.InRange(model.ModelIntervals!.Coverage95, 0, 1);
        Assert.All(model.Methods, m => Assert.True(m.IsModel));
    }

    [Fact]
    public void Project_GivesEveryDistrictAndTheCityEachYearToTheHorizon_WithOrderedIntervals()
    {
        var model = ForecastModel.Fit(SyntheticHistory.City(), new ForecastOptions(HorizonYear: 2030));
        var outcome = model.Project(ScenarioAssumptions.Baseline);

        Assert.Equal(12, outcome.Districts.Count);
        Assert.Equal(Enumerable.Range(2025, 6), outcome.City.Select(c => c.Year));
        foreach (var year in outcome.Districts.SelectMany(d => d.Years))
        {
            Assert.True(year.Lower95 <= year.Lower80 && year.Lower80 <= year.QualifiedPosts);
            Assert.True(year.QualifiedPosts <= year.Upper80 && year.Upper80 <= year.Upper95);
            Assert.True(year.GapPosts >= 0);
        }
        Assert.Equal(outcome.Districts.Sum(d => d.Years[^1].GapPosts), outcome.City[^1].GapPosts, 6);
    }

    [Fact]
    public void ShortSeries_GetsTheBaselineOnly_WithItsReasonInChineseAndEnglish()
    {
        var history = SyntheticHistory.City();
        var young = history[0] with { DistrictCode = "510199", Years = history[0].Years.TakeLast(2).ToList() };
        history.Add(young);
        var model = ForecastModel.Fit(history, new ForecastOptions(MinYearsForModel: 4));

        var method = model.Methods.Single(m => m.DistrictCode == "510199");
        Assert.False(method.IsModel);
        Assert.Equal(DriftForecaster.MethodName, method.Method);
        Assert.Contains("2 个年度数据点", method.ReasonZh);
        Assert.Contains("Only 2 yearly data points", method.ReasonEn);
        Assert.DoesNotContain(model.Backtest.Forecasts, f => f.DistrictCode == "510199" && f.Method.StartsWith("ml-"));
        var forecast = model.Project(ScenarioAssumptions.Baseline).District("510199");
        Assert.Equal(DriftForecaster.Path(young, 6), forecast.Years.Select(y => y.QualifiedPosts));
    }

    [Fact]
    public void TooLittleHistoryForAnyModel_EveryDistrictGetsTheBaselineAndSaysWhy()
    {
        var model = ForecastModel.Fit(SyntheticHistory.City(districts: 2, firstYear: 2022, lastYear: 2024), new ForecastOptions());

        Assert.Null(model.Learner);
        Assert.All(model.Methods, m => Assert.Contains("too short", m.ReasonEn));
        Assert.All(model.Project(ScenarioAssumptions.Baseline).Districts, d => Assert.Equal(6, d.Years.Count));
    }

    [Fact]
    public void RecommendedApprovals_FedBackIntoTheProjection_CloseTheGapByTheTargetYear()
    {
        var model = ForecastModel.Fit(SyntheticHistory.City(), new ForecastOptions());
        var plan = QuotaPlanner.Plan(model, ScenarioAssumptions.Baseline, "baseline", targetYear: 2028, AsOf);

        var fedBack = ScenarioAssumptions.Baseline with { PostsApprovedPerYear = plan.RecommendedPerYear };
        var outcome = model.Project(fedBack, "fed back");
        var baseline = model.Project(ScenarioAssumptions.Baseline);
        Assert.Contains(baseline.Districts, d => d.Years.First(y => y.Year == 2028).GapPosts >= 0.5);
        foreach (var district in outcome.Districts)
        {
            Assert.True(district.Years.First(y => y.Year == 2028).GapPosts < 0.5, district.DistrictCode);
            var fewer = plan.RecommendedPerYear[district.DistrictCode] - 1;
            if (fewer < 0) continue;
            var short1 = model.ProjectDistrict(district.DistrictCode, ScenarioAssumptions.Baseline, 2028, (_, _) => fewer);
            Assert.True(short1.Years[^1].GapPosts >= 0.5, $"{district.DistrictCode}: one post fewer should not close the gap");
        }
        Assert.Contains(plan.Rows, r => r.DistrictCode == ForecastOutcome.CityCode && r.Year == 2028);
    }

    [Fact]
    public void ScenarioChange_ReprojectsWithoutRefitting()
    {
        var model = ForecastModel.Fit(SyntheticHistory.City(), new ForecastOptions());
        var outcome = model.Project(ScenarioAssumptions.Baseline with { PassRateChange = 0.1, AttritionChange = -0.2 }, "better");

        Assert.Equal("better", outcome.ScenarioName);
        Assert.True(outcome.City[^1].GapPosts < model.Project(ScenarioAssumptions.Baseline).City[^1].GapPosts);
    }
}
