using System.Globalization;

namespace Analytics.Etl.Extracts;

/// <summary>
/// The cleaned cells of one data record and the problems and warnings found while reading them.
/// Each check returns the value (or null) and records a problem in Chinese and English naming the column.
/// </summary>
internal sealed class RowChecks(IReadOnlyList<string> cells, IReadOnlyDictionary<ExtractColumn, int> layout)
{
    private readonly List<RowProblem> problems = [];
    private readonly List<RowProblem> warnings = [];

    public bool HasProblems => problems.Count > 0;

    /// <summary>The cleaned text of the column, or "" when the column is not in the header.</summary>
    public string Text(ExtractColumn column) => layout.TryGetValue(column, out var i) ? cells[i] : string.Empty;

    public void Problem(ExtractColumn? column, string zh, string en) => problems.Add(new RowProblem(column?.Chinese, zh, en));

    public void Warning(ExtractColumn? column, string zh, string en) => warnings.Add(new RowProblem(column?.Chinese, zh, en));

    public RowOutcome<TRow> Outcome<TRow>(int lineNumber, Func<TRow> build)
        where TRow : class => new(lineNumber, problems.Count == 0 ? build() : null, problems, warnings);

    public string? Required(ExtractColumn column)
    {
        var value = Text(column);
        if (value.Length > 0)
        {
            return value;
        }

        Problem(column, $"「{column.Chinese}」为空：必须填写。", $"{column.Alias} ({column.Chinese}) is empty: it is required.");
        return null;
    }

    public string? Optional(ExtractColumn column) => Text(column) is { Length: > 0 } value ? value : null;

    public string? OneOf(ExtractColumn column, IReadOnlyList<string> allowed)
    {
        var value = Required(column);
        if (value is null || allowed.Contains(value))
        {
            return value;
        }

        Problem(column,
            $"「{column.Chinese}」的值「{CellText.ForMessage(value)}」不在允许范围内，应为：{string.Join("、", allowed)}。",
            $"{column.Alias} ({column.Chinese}) value \"{CellText.ForMessage(value)}\" is not allowed; use one of: {string.Join(", ", allowed)}.");
        return null;
    }

    public DateOnly? Date(ExtractColumn column, bool required)
    {
        var value = required ? Required(column) : Optional(column);
        if (value is null)
        {
            return null;
        }

        if (ContractDate.TryParse(value, out var date))
        {
            return date;
        }

        Problem(column,
            $"「{column.Chinese}」的值「{CellText.ForMessage(value)}」不是有效日期：请写成 {ContractDate.AcceptedFormsZh}，且日期须真实存在。",
            $"{column.Alias} ({column.Chinese}) value \"{CellText.ForMessage(value)}\" is not a valid date: write it as "
            + $"{ContractDate.AcceptedFormsEn}, and it must be a real date.");
        return null;
    }

    public int? Integer(ExtractColumn column, bool required, int min, int max)
    {
        var value = required ? Required(column) : Optional(column);
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        var range = max == int.MaxValue ? $"≥ {min}" : $"{min}–{max}";
        Problem(column,
            $"「{column.Chinese}」的值「{CellText.ForMessage(value)}」应为 {range} 的整数。",
            $"{column.Alias} ({column.Chinese}) value \"{CellText.ForMessage(value)}\" must be a whole number {range}.");
        return null;
    }

    public double? Score(ExtractColumn column, bool required)
    {
        var value = required ? Required(column) : Optional(column);
        if (value is null)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var score) && score is >= 0 and <= 100)
        {
            return score;
        }

        Problem(column,
            $"「{column.Chinese}」的值「{CellText.ForMessage(value)}」应为 0 到 100 之间的数。",
            $"{column.Alias} ({column.Chinese}) value \"{CellText.ForMessage(value)}\" must be a number from 0 to 100.");
        return null;
    }

    /// <summary>A statistical division code of one of the given lengths (format only).</summary>
    public string? Code(ExtractColumn column, IReadOnlyList<int> lengths)
    {
        var value = Required(column);
        if (value is null || (CellText.IsAsciiDigits(value) && lengths.Contains(value.Length)))
        {
            return value;
        }

        var allowed = string.Join("/", lengths);
        Problem(column,
            $"「{column.Chinese}」的值「{CellText.ForMessage(value)}」应为 {allowed} 位数字的区划代码（请把该列设为文本格式，以免丢掉开头或末尾的数字）。",
            $"{column.Alias} ({column.Chinese}) value \"{CellText.ForMessage(value)}\" must be a division code of {allowed} digits "
            + "(format the column as text so no digits are lost).");
        return null;
    }

    /// <summary>A code of one of the given lengths that the warehouse already knows from the register.</summary>
    public string? KnownUnit(ExtractColumn column, IReadOnlyList<int> lengths, IKnownUnits units)
    {
        var code = Code(column, lengths);
        if (code is null || units.Contains(code))
        {
            return code;
        }

        Problem(column,
            $"「{column.Chinese}」{code} 不在区划名录中：请核对代码，或先导入包含该单位的区划名录。",
            $"{column.Alias} ({column.Chinese}) {code} is not in the organisation register: check the code, or load a register that contains it first.");
        return null;
    }

    public string? IdNumber(ExtractColumn column)
    {
        if (Extracts.IdNumber.TryNormalise(Text(column), out var id18, out var problem))
        {
            return id18;
        }

        problems.Add(problem! with { Column = column.Chinese });
        return null;
    }
}
