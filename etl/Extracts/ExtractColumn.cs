namespace Analytics.Etl.Extracts;

/// <summary>
/// One column of an extract kind: its Chinese header name, its English alias, whether the header must contain it
/// (columns whose value is always required), and its position in the kind's column list.
/// </summary>
public sealed class ExtractColumn(string chinese, string alias, bool requiredInHeader, int ordinal)
{
    public string Chinese { get; } = chinese;
    public string Alias { get; } = alias;
    public bool RequiredInHeader { get; } = requiredInHeader;

    /// <summary>The position in the kind's columns (0-based): the header layout is indexed by it.</summary>
    public int Ordinal { get; } = ordinal;

    public string Describe() => $"{Chinese}({Alias})";

    public override string ToString() => Describe();
}

/// <summary>The columns of one kind, in contract order, built where the kind declares them.</summary>
public sealed class ExtractColumnList : IReadOnlyList<ExtractColumn>
{
    private readonly List<ExtractColumn> columns = [];

    /// <summary>A column the header must have (its value is always required).</summary>
    public ExtractColumn Required(string chinese, string alias) => Add(chinese, alias, true);

    /// <summary>A column the header may lack (its value is optional, or required only in some rows).</summary>
    public ExtractColumn Optional(string chinese, string alias) => Add(chinese, alias, false);

    public int Count => columns.Count;

    public ExtractColumn this[int index] => columns[index];

    public IEnumerator<ExtractColumn> GetEnumerator() => columns.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private ExtractColumn Add(string chinese, string alias, bool required)
    {
        var column = new ExtractColumn(chinese, alias, required, columns.Count);
        columns.Add(column);
        return column;
    }
}
