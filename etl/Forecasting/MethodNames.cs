namespace Analytics.Etl.Forecasting;

/// <summary>The forecast methods in plain words (Chinese and English) for the CLI and the exports; the dashboard has the same in its UI strings.</summary>
internal static class MethodNames
{
    public static (string Zh, string En) Of(string method) => method switch
    {
        NaiveForecaster.MethodName => ("保持现状（朴素法）", "no change (naive)"),
        DriftForecaster.MethodName => ("按历史平均变化外推（漂移法）", "average past change carried on (drift)"),
        DampedTrendForecaster.MethodName => ("逐渐放缓的趋势（阻尼趋势）", "a trend that slows down (damped trend)"),
        PartialAdjustmentForecaster.MethodName => ("按比例逐步收敛（部分调整回归）", "closing a fixed share each half-year (partial adjustment)"),
        MeanForecaster.MethodName => ("四种基准方法的平均", "the mean of the four baselines"),
        UnitModel.MethodName => ("社区/村单元机器学习模型", "the unit-level machine-learning model"),
        _ => (method, method),
    };

    /// <summary>What the shipped point forecast is, and — when a baseline beat the unit model — that it did.</summary>
    public static (string Zh, string En) Statement(string shipped)
    {
        var (zh, en) = Of(shipped);
        return shipped == UnitModel.MethodName
            ? ($"预测采用{zh}：回测中它在每个预测期的误差都不大于“保持现状”。",
               $"The forecast uses {en}: in the backtest its error is no larger than \"no change\" at every horizon.")
            : ($"回测中单元机器学习模型没有胜过基准方法，预测采用基准方法：{zh}。单元模型仍用于情景推算和岗位开发建议。",
               $"In the backtest the unit-level machine-learning model did not beat the baselines, so the forecast uses a baseline: {en}. The unit model is still used for scenarios and the quota plan.");
    }
}
