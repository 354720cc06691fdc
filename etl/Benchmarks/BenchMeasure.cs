using System.Diagnostics;
using System.Globalization;

namespace Analytics.Etl.Benchmarks;

/// <summary>Whether a measure's target is a ceiling (time, memory: lower is better) or a floor (throughput).</summary>
public enum TargetKind { AtMost, AtLeast }

/// <summary>
/// One printed measure. <see cref="Ratio"/> is value/target for a ceiling and target/value for a floor, so ≤ 1 means
/// met either way; a measure without a target is information only (no ratio).
/// </summary>
public sealed record BenchMeasure(string Name, double Value, string Unit, double? Target = null, TargetKind Kind = TargetKind.AtMost)
{
    public double? Ratio => Target switch
    {
        null => null,
        var t when Kind == TargetKind.AtMost => t.Value == 0 ? double.PositiveInfinity : Value / t.Value,
        var t => Value == 0 ? double.PositiveInfinity : t.Value / Value,
    };

    /// <summary>Null when there is no target.</summary>
    public bool? Met => Ratio is { } r ? r <= 1 : null;

    public static BenchMeasure Info(string name, double value, string unit) => new(name, value, unit);

    public static BenchMeasure AtMost(string name, double value, string unit, double target) => new(name, value, unit, target);

    public static BenchMeasure AtLeast(string name, double value, string unit, double target) => new(name, value, unit, target, TargetKind.AtLeast);
}

/// <summary>Small statistics and timing helpers of the benchmarks.</summary>
public static class BenchStats
{
    /// <summary>The median (mean of the middle two for an even count). Empty: ArgumentException.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) throw new ArgumentException("no values", nameof(values));
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Seconds taken by <paramref name="action"/> on the monotonic stopwatch.</summary>
    public static double Seconds(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>One warm-up call, then the median seconds of <paramref name="runs"/> timed calls.</summary>
    public static double WarmMedianSeconds(int runs, Action<int> action)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        action(-1);
        return Median(Enumerable.Range(0, runs).Select(i => Seconds(() => action(i))));
    }

    /// <summary>The p-quantile (0..1) by linear interpolation between the closest ranks. Empty: ArgumentException.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) throw new ArgumentException("no values", nameof(values));
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    public static double PerSecond(long count, double seconds) => seconds <= 0 ? 0 : count / seconds;
}

/// <summary>Prints measures as an aligned table: measure, value, target, ratio, verdict.</summary>
public static class BenchTable
{
    public static void Write(TextWriter output, IReadOnlyList<BenchMeasure> measures)
    {
        var rows = measures.Select(m => new[]
        {
            m.Name, Number(m.Value) + " " + m.Unit,
            m.Target is { } t ? (m.Kind == TargetKind.AtMost ? "≤ " : "≥ ") + Number(t) + " " + m.Unit : "—",
            m.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "—",
            m.Met switch { true => "达标 met", false => "未达标 MISSED", null => "" },
        }).ToList();
        string[] header = ["指标 measure", "数值 value", "目标 target", "比值 ratio", ""];
        var widths = Enumerable.Range(0, header.Length)
            .Select(c => rows.Select(r => Width(r[c])).Append(Width(header[c])).Max()).ToArray();
        output.WriteLine(Line(header, widths));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows) output.WriteLine(Line(row, widths));
        var missed = measures.Where(m => m.Met == false).Select(m => m.Name).ToList();
        output.WriteLine(missed.Count == 0
            ? "全部目标达标 / every target met (ratio ≤ 1)"
            : $"未达标 {missed.Count} 项 / {missed.Count} target(s) missed: {string.Join("; ", missed)}");
    }

    /// <summary>Invariant number with thousands separators, more decimals for small values.</summary>
    public static string Number(double value) => value.ToString(Math.Abs(value) >= 100 ? "#,0" : Math.Abs(value) >= 1 ? "#,0.00" : "0.000",
        CultureInfo.InvariantCulture);

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => c + new string(' ', widths[i] - Width(c)))).TrimEnd();

    /// <summary>Display width: CJK and full-width characters take two columns.</summary>
    internal static int Width(string text) => text.Sum(c => c is >= '\u1100' and <= '\uFFEF' && c is not (>= '\u2010' and <= '\u2264') ? 2 : 1);
}
