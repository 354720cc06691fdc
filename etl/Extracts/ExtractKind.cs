using Analytics.Etl.Loading;

namespace Analytics.Etl.Extracts;

/// <summary>How rows sharing a natural key within one file are treated.</summary>
public enum DuplicatePolicy
{
    /// <summary>Every row of a repeated key is bad (a person twice in one roster, a code twice in a register).</summary>
    AllBad,

    /// <summary>Identical rows count once; rows that disagree are all bad (exam results and the like).</summary>
    IdenticalOnce,
}

/// <summary>
/// Where a kind's good rows go and how they settle: the target table, the natural key (rows of one file sharing it
/// are settled by <see cref="Policy"/>), what a new file replaces (rows of earlier loads with the same
/// <see cref="ReplaceBy"/> values), and the words for the key in the quarantine reasons.
/// </summary>
public sealed record KindTarget(
    string Table,
    string[] Key,
    string[] ReplaceBy,
    DuplicatePolicy Policy,
    string KeyLabelZh,
    string KeyLabelEn,
    string? KeyColumnZh = null,
    string? DistrictColumn = null);

/// <summary>
/// One kind of extract, the unit of change: its columns (Chinese names and aliases), rules, target table and
/// appender map, natural key and replacement policy, and any merge step of its own. Loading, header recognition,
/// the demo generator and docs/extracts.md are driven from the table of kinds (<see cref="ExtractKinds"/>).
/// </summary>
public abstract class ExtractKind(string code, string chineseName, ExtractColumnList columns, KindTarget target, int loadOrder = 1)
{
    /// <summary>The stable English name stored in load_run.kind (org_units, roster, ...).</summary>
    public string Code { get; } = code;

    public string ChineseName { get; } = chineseName;

    /// <summary>Load order within one call: the org register (0) first, so the others can check codes against it.</summary>
    public int LoadOrder { get; } = loadOrder;

    internal IReadOnlyList<ExtractColumn> Columns { get; } = columns;

    internal KindTarget Target { get; } = target;

    /// <summary>Whether the rows name people (an ID number and a name): the loader then records them in person.</summary>
    internal abstract bool NamesPeople { get; }

    /// <summary>The target table's columns as the appender map writes them (name and DuckDB type, in order).</summary>
    internal abstract IReadOnlyList<(string Name, string Type)> TargetShape { get; }

    /// <summary>Reads the file's rows with this kind's rules and hands them to the loader's sink (the generic bridge).</summary>
    internal abstract void AppendRows(ExtractFile file, IRowSink sink);

    /// <summary>A step of this kind's own before duplicates are settled (e.g. units whose parent is unknown).</summary>
    internal virtual void BeforeSettle(MergeContext merge)
    {
    }

    /// <summary>A step of this kind's own after its rows replaced the older ones (e.g. the roster snapshot list).</summary>
    internal virtual void AfterReplace(MergeContext merge)
    {
    }

    public override string ToString() => Code;
}

/// <summary>A kind whose validated rows are <typeparamref name="TRow"/>.</summary>
internal abstract class ExtractKind<TRow>(string code, string chineseName, ExtractColumnList columns, KindTarget target, int loadOrder = 1)
    : ExtractKind(code, chineseName, columns, target, loadOrder)
    where TRow : class
{
    internal override bool NamesPeople => typeof(IPersonRow).IsAssignableFrom(typeof(TRow));

    /// <summary>The row rules for one file (a fresh instance per file: some kinds remember things from row to row).</summary>
    public abstract IRowRules<TRow> Rules(ExtractContext context);

    /// <summary>The appender map: every column of the target table, in table order, and how a row fills it.</summary>
    public abstract IReadOnlyList<TargetColumn<TRow>> AppenderMap { get; }

    internal override IReadOnlyList<(string Name, string Type)> TargetShape => AppenderMap.Select(c => (c.Name, c.Type)).ToList();

    internal override void AppendRows(ExtractFile file, IRowSink sink) => sink.Append(this, file.Read(this));

    protected static TargetColumn<TRow> Text(string name, Func<TRow, string?> value) => new(name, "VARCHAR", (a, r, _) => a.AppendValue(value(r)));

    protected static TargetColumn<TRow> Date(string name, Func<TRow, DateOnly?> value) => new(name, "DATE", (a, r, _) => a.AppendValue(value(r)));

    protected static TargetColumn<TRow> Integer(string name, Func<TRow, int?> value) => new(name, "INTEGER", (a, r, _) => a.AppendValue(value(r)));

    protected static TargetColumn<TRow> TinyInt(string name, Func<TRow, sbyte> value) => new(name, "TINYINT", (a, r, _) => a.AppendValue((sbyte?)value(r)));

    protected static TargetColumn<TRow> Double(string name, Func<TRow, double?> value) => new(name, "DOUBLE", (a, r, _) => a.AppendValue(value(r)));

    protected static TargetColumn<TRow> Boolean(string name, Func<TRow, bool> value) => new(name, "BOOLEAN", (a, r, _) => a.AppendValue((bool?)value(r)));

    /// <summary>person_key: the keyed hash of the row's ID number, computed by the loader.</summary>
    protected static TargetColumn<TRow> PersonKey() => new("person_key", "VARCHAR", (a, _, c) => a.AppendValue(c.PersonKey));

    /// <summary>load_id: the file's load (load_run.load_id).</summary>
    protected static TargetColumn<TRow> LoadId() => new("load_id", "BIGINT", (a, _, c) => a.AppendValue(c.LoadId));

    /// <summary>line_number: where the row is in the file (1 = the header line).</summary>
    protected static TargetColumn<TRow> LineNumber() => new("line_number", "INTEGER", (a, _, c) => a.AppendValue(c.LineNumber));
}

/// <summary>Where a kind hands its validated rows (the loader's appenders).</summary>
internal interface IRowSink
{
    void Append<TRow>(ExtractKind<TRow> kind, IEnumerable<RowOutcome<TRow>> rows)
        where TRow : class;
}
