using System.Globalization;

namespace Analytics.Etl.Extracts;

/// <summary>
/// The header row of an extract, recognised as one of the kinds: which field holds which of the kind's columns
/// (<see cref="Layout"/>, by column ordinal, -1 when absent), and which header names the kind does not know
/// (ignored, listed in the load report).
/// </summary>
internal sealed class ExtractHeader
{
    private ExtractHeader(ExtractKind kind, int[] layout, IReadOnlyList<string> ignored, int fieldCount)
    {
        Kind = kind;
        Layout = layout;
        IgnoredColumns = ignored;
        FieldCount = fieldCount;
    }

    public ExtractKind Kind { get; }

    /// <summary>The field index of each of the kind's columns, by <see cref="ExtractColumn.Ordinal"/>; -1 when the header lacks it.</summary>
    public int[] Layout { get; }

    public IReadOnlyList<string> IgnoredColumns { get; }

    public int FieldCount { get; }

    /// <summary>Recognises the kind from the header names; throws ExtractRefusedException when no kind (or several) fits.</summary>
    public static ExtractHeader Recognise(string fileName, IReadOnlyList<string> rawNames)
    {
        var keys = rawNames.Select(CellText.HeaderKey).ToArray();
        var candidates = ExtractKinds.All.Select(kind => Match(kind, keys)).ToList();
        var complete = candidates.Where(c => c.MissingRequired.Count == 0).ToList();
        if (complete.Count > 1)
        {
            var zh = string.Join("、", complete.Select(c => c.Kind.ChineseName));
            var en = string.Join(", ", complete.Select(c => c.Kind.Code));
            throw new ExtractRefusedException(fileName,
                $"表头同时符合多种报表（{zh}）：一个文件只能放一种报表，请拆分后再导入。",
                $"The header fits several extract kinds ({en}): put one extract per file and load them separately.");
        }

        if (complete.Count == 0)
        {
            var closest = candidates
                .OrderByDescending(c => (double)c.PresentRequired / (c.PresentRequired + c.MissingRequired.Count))
                .ThenByDescending(c => c.PresentRequired)
                .First();
            var missing = string.Join("、", closest.MissingRequired.Select(c => c.Describe()));
            var missingEn = string.Join(", ", closest.MissingRequired.Select(c => $"{c.Alias} ({c.Chinese})"));
            throw new ExtractRefusedException(fileName,
                $"表头不符合任何一种报表。最接近的是「{closest.Kind.ChineseName}」，缺少这些列：{missing}。请核对表头（第一行）。",
                $"The header matches no known extract kind. The closest is {closest.Kind.Code} ({closest.Kind.ChineseName}), "
                + $"which lacks these columns: {missingEn}. Please check the header (first row).");
        }

        var match = complete[0];
        var duplicated = match.Positions.FirstOrDefault(p => p.Value.Count > 1);
        if (duplicated.Key is not null)
        {
            var columns = string.Join("、", duplicated.Value.Select(i => (i + 1).ToString(CultureInfo.InvariantCulture)));
            throw new ExtractRefusedException(fileName,
                $"表头中「{duplicated.Key.Chinese}」出现了不止一次（第 {columns} 列）：请删去多余的一列。",
                $"The header has the column {duplicated.Key.Alias} ({duplicated.Key.Chinese}) more than once (columns {columns}): remove the extra one.");
        }

        var layout = Enumerable.Repeat(-1, match.Kind.Columns.Count).ToArray();
        foreach (var (column, positions) in match.Positions) layout[column.Ordinal] = positions[0];
        var ignored = Enumerable.Range(0, rawNames.Count)
            .Where(i => !layout.Contains(i))
            .Select(i => CellText.Normalise(rawNames[i]) is { Length: > 0 } name ? name : $"第{i + 1}列(无列名) / column {i + 1} (unnamed)")
            .ToList();
        return new ExtractHeader(match.Kind, layout, ignored, rawNames.Count);
    }

    private static KindMatch Match(ExtractKind kind, string[] keys)
    {
        var positions = new Dictionary<ExtractColumn, List<int>>();
        var missing = new List<ExtractColumn>();
        var present = 0;
        foreach (var column in kind.Columns)
        {
            var chinese = CellText.HeaderKey(column.Chinese);
            var alias = CellText.HeaderKey(column.Alias);
            var found = Enumerable.Range(0, keys.Length).Where(i => keys[i] == chinese || keys[i] == alias).ToList();
            if (found.Count > 0)
            {
                positions[column] = found;
                present += column.RequiredInHeader ? 1 : 0;
            }
            else if (column.RequiredInHeader)
            {
                missing.Add(column);
            }
        }

        return new KindMatch(kind, positions, missing, present);
    }

    private sealed record KindMatch(
        ExtractKind Kind, Dictionary<ExtractColumn, List<int>> Positions, List<ExtractColumn> MissingRequired, int PresentRequired);
}
