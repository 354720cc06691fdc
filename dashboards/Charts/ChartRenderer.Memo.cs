using System.Collections.Concurrent;
using System.Text.Json;

namespace Analytics.Dashboards.Charts;

/// <summary>
/// Every chart is drawn once per distinct input: a page's prerender and its interactive render, and every visitor
/// after them until the figures change, get the same PNG without drawing it again (drawing is most of a page's CPU).
/// The inputs (title, unit, data) are the key, so new figures after a load draw a new chart.
/// </summary>
internal sealed partial class ChartRenderer
{
    /// <summary>Beyond this many drawn charts the table starts again.</summary>
    private const int MaxDrawn = 2000;

    private static readonly JsonSerializerOptions KeyFormat = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private readonly ConcurrentDictionary<string, Lazy<object>> drawn = new(StringComparer.Ordinal);

    private T Memo<T>(Func<T> draw, string kind, params object?[] inputs) where T : class
    {
        if (drawn.Count >= MaxDrawn) drawn.Clear();
        var key = kind + JsonSerializer.Serialize(inputs, KeyFormat);
        var entry = drawn.GetOrAdd(key, _ => new Lazy<object>(draw, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return (T)entry.Value;
        }
        catch
        {
            drawn.TryRemove(new KeyValuePair<string, Lazy<object>>(key, entry));
            throw;
        }
    }

    /// <summary>Horizontal bars, one per item, in the order given (first on top).</summary>
    public RenderedChart Bars(string title, string unit, IReadOnlyList<BarItem> items) =>
        Memo(() => DrawBars(title, unit, items), nameof(Bars), title, unit, items);

    /// <summary>Horizontal stacked bars: one bar per category (first on top), one segment per series; legend below.</summary>
    public RenderedChart Stacked(string title, string unit, IReadOnlyList<string> categories, IReadOnlyList<StackedSeries> series) =>
        Memo(() => DrawStacked(title, unit, categories, series), nameof(Stacked), title, unit, categories, series);

    public RenderedChart Grouped(string title, string unit, IReadOnlyList<string> categories, IReadOnlyList<StackedSeries> series) =>
        Memo(() => DrawGrouped(title, unit, categories, series), nameof(Grouped), title, unit, categories, series);

    public RenderedChart Bridge(string title, string unit, IReadOnlyList<BridgeStep> steps) =>
        Memo(() => DrawBridge(title, unit, steps), nameof(Bridge), title, unit, steps);

    public RenderedChart Trend(string title, string unit, IReadOnlyList<TrendSeries> series, string deadlineLabelFormat, int width = Width, int height = Height + 30) =>
        Memo(() => DrawTrend(title, unit, series, deadlineLabelFormat, width, height), nameof(Trend), title, unit, series, deadlineLabelFormat, width, height);

    public RenderedChart Fan(string title, string unit, FanChartData data, FanLabels labels, IReadOnlyList<DateOnly> markers) =>
        Memo(() => DrawFan(title, unit, data, labels, markers), nameof(Fan), title, unit, data, labels, markers);

    public RenderedMap TileMap(string title, IReadOnlyList<MapTile> tiles, MapColouring colouring, MapLegend legend) =>
        Memo(() => DrawTileMap(title, tiles, colouring, legend), nameof(TileMap), title, tiles, colouring, legend);
}
