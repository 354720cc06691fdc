using Microsoft.ML;
using Microsoft.ML.Data;

namespace Analytics.Etl.Forecasting;

/// <summary>
/// The ML part of the unit model: two calibrated ML.NET LightGbm binary classifiers, pooled over every 社区/建制村 and
/// half-year transition of the history — "the unit gains a qualified post by the next half-year" and "the unit
/// loses one". Read for every state 0..<see cref="UnitFeatures.MaxState"/> of a unit, they are its hazards.
/// </summary>
internal sealed class UnitHazardModel
{
    /// <summary>Fewest transitions to learn from; fewer and the history is too short for the unit model.</summary>
    public const int MinimumTransitions = 60;

    /// <summary>Training rows are thinned to at most this many (evenly, deterministically) to bound the fit at province scale.</summary>
    public const int MaximumTrainingRows = 12_000;

    private readonly Hazard _up, _down;

    private UnitHazardModel(Hazard up, Hazard down) { _up = up; _down = down; }

    public static UnitHazardModel? Train(ForecastHistory history, int seed)
    {
        var rows = new List<HazardRow>();
        for (var i = 0; i + 1 < history.Points; i++)
        {
            if (history.HalfYears[i + 1] != history.HalfYears[i] + 1) continue; // only one-half-year steps
            var stats = PointStats.At(history, i);
            foreach (var u in history.Units)
            {
                if (!u.Present[i] || !u.Present[i + 1]) continue;
                rows.Add(new HazardRow
                {
                    Features = UnitFeatures.Build(u, i, history.HalfYears[i + 1], stats),
                    Up = u.Qualified[i + 1] > u.Qualified[i],
                    Down = u.Qualified[i + 1] < u.Qualified[i],
                });
            }
        }
        if (rows.Count < MinimumTransitions) return null;
        if (rows.Count > MaximumTrainingRows)
        {
            var stride = (double)rows.Count / MaximumTrainingRows;
            rows = Enumerable.Range(0, MaximumTrainingRows).Select(i => rows[(int)(i * stride)]).ToList();
        }
        return new UnitHazardModel(Hazard.Train(rows, r => r.Up, seed), Hazard.Train(rows, r => r.Down, seed + 1));
    }

    /// <summary>Hazards of each unit (rows of <paramref name="features"/>) at each state 0..MaxState: (up, down).</summary>
    public (double[][] Up, double[][] Down) Predict(IReadOnlyList<(float[] Features, int Required)> units)
    {
        var rows = new List<HazardRow>(units.Count * (UnitFeatures.MaxState + 1));
        foreach (var (features, required) in units)
            for (var q = 0; q <= UnitFeatures.MaxState; q++)
            {
                var f = (float[])features.Clone();
                UnitFeatures.SetState(f, required, q);
                rows.Add(new HazardRow { Features = f });
            }
        var up = _up.Score(rows);
        var down = _down.Score(rows);
        var ups = new double[units.Count][];
        var downs = new double[units.Count][];
        for (var u = 0; u < units.Count; u++)
        {
            ups[u] = new double[UnitFeatures.MaxState + 1];
            downs[u] = new double[UnitFeatures.MaxState + 1];
            for (var q = 0; q <= UnitFeatures.MaxState; q++)
            {
                ups[u][q] = up[u * (UnitFeatures.MaxState + 1) + q];
                downs[u][q] = q == 0 ? 0 : down[u * (UnitFeatures.MaxState + 1) + q];
            }
        }
        return (ups, downs);
    }

    /// <summary>One calibrated binary classifier, or a constant rate when a class is too rare to learn.</summary>
    private sealed class Hazard
    {
        private readonly MLContext? _ml;
        private readonly ITransformer? _model;
        private readonly double _constant;

        private Hazard(MLContext? ml, ITransformer? model, double constant) { _ml = ml; _model = model; _constant = constant; }

        public static Hazard Train(List<HazardRow> rows, Func<HazardRow, bool> label, int seed)
        {
            var positives = rows.Count(label);
            var rate = (positives + 0.5) / (rows.Count + 1.0);
            if (positives < 10 || rows.Count - positives < 10) return new Hazard(null, null, rate);
            var ml = new MLContext(seed);
            var data = ml.Data.LoadFromEnumerable(rows.Select(r => new LabelledRow { Features = r.Features, Label = label(r) }));
            var trainer = ml.BinaryClassification.Trainers.LightGbm(new Microsoft.ML.Trainers.LightGbm.LightGbmBinaryTrainer.Options
            {
                NumberOfLeaves = 12, MinimumExampleCountPerLeaf = 30, LearningRate = 0.15, NumberOfIterations = 25,
                Seed = seed, NumberOfThreads = 1, Verbose = false, Silent = true,
            });
            return new Hazard(ml, trainer.Fit(data), rate);
        }

        public double[] Score(List<HazardRow> rows)
        {
            if (_model is null || _ml is null) return Enumerable.Repeat(_constant, rows.Count).ToArray();
            var scored = _model.Transform(_ml.Data.LoadFromEnumerable(rows.Select(r => new LabelledRow { Features = r.Features })));
            var result = new double[rows.Count];
            var i = 0;
            foreach (var p in scored.GetColumn<float>("Probability"))
                result[i++] = float.IsFinite(p) ? Math.Clamp(p, 0, 1) : _constant;
            return result;
        }
    }

    private sealed class HazardRow
    {
        public float[] Features { get; init; } = [];
        public bool Up { get; init; }
        public bool Down { get; init; }
    }

    private sealed class LabelledRow
    {
        [VectorType(UnitFeatures.Count)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }
}
