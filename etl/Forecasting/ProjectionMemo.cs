using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Analytics.Etl.Forecasting;

/// <summary>
/// Scenario projections and quota plans already computed for a fitted model: every leader who opens 预测 on the
/// baseline asks the same question, so it is answered once per model. Entries live as long as their model (a data
/// change fits a new model and the old entries go with the old one); at most <see cref="MaxPerModel"/> per model.
/// </summary>
internal sealed class ProjectionMemo
{
    public const int MaxPerModel = 256;
    private readonly ConditionalWeakTable<ForecastModel, ConcurrentDictionary<string, Lazy<object>>> byModel = [];

    public T Get<T>(ForecastModel model, string key, Func<T> compute) where T : class
    {
        var entries = byModel.GetValue(model, _ => new ConcurrentDictionary<string, Lazy<object>>(StringComparer.Ordinal));
        if (entries.Count >= MaxPerModel && !entries.ContainsKey(key)) entries.Clear();
        var entry = entries.GetOrAdd(key, _ => new Lazy<object>(() => compute()));
        try
        {
            return (T)entry.Value;
        }
        catch
        {
            entries.TryRemove(new KeyValuePair<string, Lazy<object>>(key, entry));
            throw;
        }
    }

    /// <summary>The assumptions as a key: approvals by district in code order, then the two rate changes.</summary>
    public static string KeyOf(ScenarioAssumptions assumptions) => string.Create(CultureInfo.InvariantCulture,
        $"{string.Join(',', assumptions.PostsApprovedPerYear.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}|{assumptions.PassRateChange:R}|{assumptions.AttritionChange:R}");
}
