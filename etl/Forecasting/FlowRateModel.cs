using Microsoft.ML;
using Microsoft.ML.Data;

namespace Analytics.Etl.Forecasting;

/// <summary>The regression learners the backtest chooses from.</summary>
internal enum FlowLearner { Sdca, FastTree, LightGbm }

/// <summary>
/// Five ML.NET regressions (one per flow), pooled across districts, each predicting next year's flow rate from the
/// lagged features of <see cref="FlowFeatures"/>.
/// </summary>
internal sealed class FlowRateModel
{
    private readonly PredictionEngine<FlowRow, FlowScore>[] _engines;

    private FlowRateModel(FlowLearner learner, PredictionEngine<FlowRow, FlowScore>[] engines)
    {
        Learner = learner;
        _engines = engines;
    }

    public FlowLearner Learner { get; }

    /// <summary>The fewest pooled examples a model is trained on; fewer and there is no ML forecast.</summary>
    public const int MinimumExamples = 8;

    public static FlowRateModel Train(IReadOnlyList<FlowExample> examples, FlowLearner learner, int seed)
    {
        if (examples.Count < MinimumExamples)
            throw new InvalidOperationException($"{examples.Count} examples are too few to learn flow rates (need {MinimumExamples}).");
        var engines = new PredictionEngine<FlowRow, FlowScore>[FlowRates.Count];
        var leaf = Math.Max(2, Math.Min(10, examples.Count / 10));
        // One context per flow (same seed), so each regression is the same whichever order or thread trains it.
        // No parallelism here: the backtest already runs whole fits in parallel, and nesting starves the thread pool.
        for (var flow = 0; flow < FlowRates.Count; flow++)
        {
            var ml = new MLContext(seed);
            var rows = examples.Select(e => new FlowRow { Features = e.Features, Label = (float)e.Next[flow] }).ToList();
            var data = ml.Data.LoadFromEnumerable(rows);
            IEstimator<ITransformer> pipeline = learner switch
            {
                FlowLearner.Sdca => ml.Transforms.NormalizeMinMax("Features")
                    .Append(ml.Regression.Trainers.Sdca(labelColumnName: "Label", featureColumnName: "Features", maximumNumberOfIterations: 50)),
                FlowLearner.FastTree => ml.Regression.Trainers.FastTree(
                    numberOfLeaves: 8, numberOfTrees: 60, minimumExampleCountPerLeaf: leaf, learningRate: 0.1),
                FlowLearner.LightGbm => ml.Regression.Trainers.LightGbm(
                    numberOfLeaves: 8, minimumExampleCountPerLeaf: leaf, learningRate: 0.1, numberOfIterations: 60),
                _ => throw new ArgumentOutOfRangeException(nameof(learner)),
            };
            var model = pipeline.Fit(data);
            engines[flow] = ml.Model.CreatePredictionEngine<FlowRow, FlowScore>(model);
        }
        return new FlowRateModel(learner, engines);
    }

    public FlowRates Predict(float[] features)
    {
        var values = new double[FlowRates.Count];
        var row = new FlowRow { Features = features };
        lock (_engines) // a PredictionEngine is not thread-safe; the dashboard may project from several circuits
        for (var flow = 0; flow < FlowRates.Count; flow++)
        {
            var score = _engines[flow].Predict(row).Score;
            values[flow] = float.IsFinite(score) ? score : 0;
        }
        return FlowRates.From(values).Bounded();
    }

    private sealed class FlowRow
    {
        [VectorType(FlowFeatures.Count)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }

    private sealed class FlowScore
    {
        public float Score { get; set; }
    }
}
