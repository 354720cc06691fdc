using System.Globalization;

namespace Analytics.Etl.Extracts;

/// <summary>
/// The cleaned cells of the current record and the problems and warnings found while reading them. Each check reads
/// the cell as a span (no string unless the value is one), returns the value or null, and records a problem in
/// Chinese and English naming the column. One instance per file, reset for each record.
/// </summary>
internal sealed class RowChecks(IExtractRowSource source, int[] layout)
{
    private readonly List<RowProblem> problems = [];
    private readonly List<RowProblem> warnings = [];

    public bool HasProblems => problems.Count > 0;

    /// <summary>The cleaned text of the column, empty when the column is not in the header.</summary>
    public ReadOnlySpan<char> Text(ExtractColumn column) => layout[column.Ordinal] is var i and >= 0 ? source.Cell(i) : default;

    public void Problem(ExtractColumn? column, string zh, string en) => problems.Add(new RowProblem(column?.Chinese, zh, en));

    public void Warning(ExtractColumn? column, string zh, string en) => warnings.Add(new RowProblem(column?.Chinese, zh, en));

    /// <summary>The outcome of a row with problems (no row).</summary>
    public RowOutcome<TRow> Bad<TRow>(int lineNumber)
        where TRow : class => new(lineNumber, null, [.. problems], Warnings());

    /// <summary>The outcome of a good row (call only when <see cref="HasProblems"/> is false).</summary>
    public RowOutcome<TRow> Good<TRow>(int lineNumber, TRow row)
        where TRow : class => new(lineNumber, row, [], Warnings());

    internal void Reset()
    {
        problems.Clear();
        warnings.Clear();
    }

    private RowProblem[] Warnings() => warnings.Count == 0 ? [] : [.. warnings];

    /// <summary>Whether the cell has a value; records "is empty: required" when not.</summary>
    public bool Present(ExtractColumn column)
    {
        if (!Text(column).IsEmpty) return true;
        Problem(column, $"「{column.Chinese}」为空：必须填写。", $"{column.Alias} ({column.Chinese}) is empty: it is required.");
        return false;
    }

    public string? Required(ExtractColumn column) => Present(column) ? Text(column).ToString() : null;

    public string? Optional(ExtractColumn column) => Text(column) is { IsEmpty: false } value ? value.ToString() : null;

    /// <summary>One of the allowed values, returned as the list's own string.</summary>
    public string? OneOf(ExtractColumn column, IReadOnlyList<string> allowed)
    {
        if (!Present(column)) return null;
        var value = Text(column);
        foreach (var candidate in allowed)
            if (value.SequenceEqual(candidate)) return candidate;
        Problem(column,
            $"「{column.Chinese}」的值「{CellText.ForMessage(value)}」不在允许范围内，应为：{string.Join("、", allowed)}。",
            $"{column.Alias} ({column.Chinese}) value \"{CellText.ForMessage(value)}\" is not allowed; use one of: {string.Join(", ", allowed)}.");
        return null;
    }

    public DateOnly? Date(ExtractColumn column, bool required)
    {
        if (!(required ? Present(column) : !Text(column).IsEmpty)) return null;
        var value = Text(column);
        if (ContractDate.TryParseClean(value, out var date)) return date;
        Problem(column,
            $"「{column.Chinese}」的值「{CellText.ForMessage(value)}」不是有效日期：请写成 {ContractDate.AcceptedFormsZh}，且日期须真实存在。",
            $"{column.Alias} ({column.Chinese}) value \"{CellText.ForMessage(value)}\" is not a valid date: write it as "
            + $"{ContractDate.AcceptedFormsEn}, and it must be a real date.");
        return null;
    }

    public int? Integer(ExtractColumn column, bool required, int min, int max)
    {
        if (!(required ? Present(column) : !Text(column).IsEmpty)) return null;
        var value = Text(column);
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
            return number;
        var range = max == int.MaxValue ? $"≥ {min}" : $"{min}–{max}";
        Problem(column,
            $"「{column.Chinese}」的值「{CellText.ForMessage(value)}」应为 {range} 的整数。",
            $"{column.Alias} ({column.Chinese}) value \"{CellText.ForMessage(value)}\" must be a whole number {range}.");
        return null;
    }

    public double? Score(ExtractColumn column, bool required)
    {
        if (!(required ? Present(column) : !Text(column).IsEmpty)) return null;
        var value = Text(column);
        if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var score) && score is >= 0 and <= 100)
            return score;
        Problem(column,
            $"「{column.Chinese}」的值「{CellText.ForMessage(value)}」应为 0 到 100 之间的数。",
            $"{column.Alias} ({column.Chinese}) value \"{CellText.ForMessage(value)}\" must be a number from 0 to 100.");
        return null;
    }

    /// <summary>A statistical division code of one of the given lengths (format only); a new string.</summary>
    public string? Code(ExtractColumn column, IReadOnlyList<int> lengths) => CodeFormat(column, lengths) ? Text(column).ToString() : null;

    /// <summary>A code of one of the given lengths that the warehouse already knows, as the warehouse's own string.</summary>
    public string? KnownUnit(ExtractColumn column, IReadOnlyList<int> lengths, IKnownUnits units)
    {
        if (!CodeFormat(column, lengths)) return null;
        var code = Text(column);
        if (units.TryGet(code, out var known)) return known;
        Problem(column,
            $"「{column.Chinese}」{code} 不在区划名录中：请核对代码，或先导入包含该单位的区划名录。",
            $"{column.Alias} ({column.Chinese}) {code} is not in the organisation register: check the code, or load a register that contains it first.");
        return null;
    }

    public string? IdNumber(ExtractColumn column)
    {
        if (Extracts.IdNumber.TryNormaliseClean(Text(column), out var id18, out var problem)) return id18;
        problems.Add(problem! with { Column = column.Chinese });
        return null;
    }

    private bool CodeFormat(ExtractColumn column, IReadOnlyList<int> lengths)
    {
        if (!Present(column)) return false;
        var value = Text(column);
        if (CellText.IsAsciiDigits(value) && lengths.Contains(value.Length)) return true;
        var allowed = string.Join("/", lengths);
        Problem(column,
            $"「{column.Chinese}」的值「{CellText.ForMessage(value)}」应为 {allowed} 位数字的区划代码（请把该列设为文本格式，以免丢掉开头或末尾的数字）。",
            $"{column.Alias} ({column.Chinese}) value \"{CellText.ForMessage(value)}\" must be a division code of {allowed} digits "
            + "(format the column as text so no digits are lost).");
        return false;
    }
}
