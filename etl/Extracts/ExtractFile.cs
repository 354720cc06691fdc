namespace Analytics.Etl.Extracts;

/// <summary>
/// One extract file, open for streaming: its header recognised as one of the kinds, then its rows validated one by
/// one while they are enumerated (never all held in memory). The file's bytes are read once: decoded, parsed and
/// hashed in the same pass. Rows can be enumerated once, with the file's kind.
/// </summary>
internal sealed class ExtractFile : IDisposable
{
    /// <summary>Longer than any sane cell: a field this long means an unclosed quote swallowing the rest of the file.</summary>
    public const int MaxFieldLength = CsvRowSource.MaxFieldLength;

    private readonly IExtractRowSource source;
    private readonly ExtractHeader header;
    private readonly ExtractContext context;
    private bool rowsTaken;
    private readonly string? submittedDistrict;

    /// <summary>The 区(市)县 a clerk submitted this file for (its sidecar), or null for the city's own files.</summary>
    internal string? SubmittedDistrictCode => submittedDistrict;

    private ExtractFile(string path, IExtractRowSource source, IKnownUnits units, TimeProvider clock)
    {
        this.source = source;
        FilePath = path;
        FileName = source.FileName;
        context = new ExtractContext(FileName, units, clock.GetLocalNow().Year);
        submittedDistrict = SubmittedDistrict.Of(path);
        if (!source.NextRecord())
            throw new ExtractRefusedException(FileName, "文件没有表头：文件是空的或只有空行。", "The file has no header row: it is empty or has only blank lines.");
        var names = Enumerable.Range(0, source.FieldCount).Select(i => source.Cell(i).ToString()).ToList();
        header = ExtractHeader.Recognise(FileName, names);
        if (!source.NextRecord())
            throw new ExtractRefusedException(FileName, "文件只有表头，没有数据行。", "The file has a header row but no data rows.");
    }

    public string FilePath { get; }

    public string FileName { get; }

    public ExtractKind Kind => header.Kind;

    /// <summary>"utf-8", "utf-8-bom" or "gb18030".</summary>
    public string EncodingName => source.FormatName;

    /// <summary>Header names the contract does not know for this kind (their values are not read).</summary>
    public IReadOnlyList<string> IgnoredColumns => header.IgnoredColumns;

    /// <summary>Data records enumerated so far (not the header, not empty lines), including bad ones.</summary>
    public int RowsRead { get; private set; }

    /// <summary>How far through the file's bytes the reader is (0..1), for progress and ETA.</summary>
    public double FractionRead => source.FractionRead;

    /// <summary>Opens the file and recognises its kind; throws ExtractRefusedException if it cannot be used.</summary>
    public static ExtractFile Open(string path, IKnownUnits units, TimeProvider clock)
    {
        IExtractRowSource source = XlsxRowSource.IsWorkbook(path) ? XlsxRowSource.Open(path) : CsvRowSource.Open(path);
        try
        {
            return new ExtractFile(path, source, units, clock);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>The SHA-256 of the file's bytes (hex), hashed while the rows were read; reads the rest if they were not all read.</summary>
    public string Sha256() => source.Sha256();

    /// <summary>The rows, validated by <paramref name="kind"/>'s rules; the kind must be the file's own.</summary>
    public IEnumerable<RowOutcome<TRow>> Read<TRow>(ExtractKind<TRow> kind)
        where TRow : class
    {
        if (kind != Kind) throw new InvalidOperationException($"{FileName} is a {Kind.Code} extract, not {kind.Code}.");
        if (rowsTaken) throw new InvalidOperationException($"The rows of {FileName} have already been read; open the file again to re-read them.");
        rowsTaken = true;
        return Enumerate(kind.Rules(context));
    }

    public void Dispose() => source.Dispose();

    private IEnumerable<RowOutcome<TRow>> Enumerate<TRow>(IRowRules<TRow> rules)
        where TRow : class
    {
        var checks = new RowChecks(source, header.Layout);
        do
        {
            RowsRead++;
            if (source.FieldCount != header.FieldCount)
            {
                yield return Ragged<TRow>(source.LineNumber, source.FieldCount, header.FieldCount);
                continue;
            }

            if (submittedDistrict is not null && SubmittedDistrict.UnitColumn(Kind) is { } unitColumn && header.Layout[unitColumn.Ordinal] is var at and >= 0
                && SubmittedDistrict.Check(submittedDistrict, unitColumn, source.Cell(at)) is { } outside)
            {
                yield return new RowOutcome<TRow>(source.LineNumber, null, [outside], []);
                continue;
            }

            if (source.RecordProblems is { Count: > 0 } format)
            {
                yield return new RowOutcome<TRow>(source.LineNumber, null, [.. format], []);
                continue;
            }

            checks.Reset();
            yield return rules.Check(checks, source.LineNumber);
        }
        while (source.NextRecord());
    }

    private static RowOutcome<TRow> Ragged<TRow>(int line, int n, int m)
        where TRow : class => new(line, null,
        [
            new RowProblem(null,
                $"本行有 {n} 列，表头有 {m} 列：请检查是否有内容含逗号却没有加引号，或多出/缺少了单元格。",
                $"This row has {n} fields, the header has {m}: look for a value with a comma but no quotes, or an extra or missing cell."),
        ], []);
}
