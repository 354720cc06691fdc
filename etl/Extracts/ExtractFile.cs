using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Analytics.Etl.Extracts;

/// <summary>
/// One extract file, open for streaming: its encoding is detected, its header recognised as one of the six kinds,
/// then the rows of that kind are validated one by one while they are enumerated (never all held in memory).
/// Rows can be enumerated once, with the Read method of the file's kind.
/// </summary>
internal sealed class ExtractFile : IDisposable
{
    /// <summary>Longer than any sane cell: a field this long means an unclosed quote swallowing the rest of the file.</summary>
    public const int MaxFieldLength = 100_000;

    private readonly CsvParser parser;
    private readonly Stream stream;
    private readonly ExtractHeader header;
    private readonly IKnownUnits units;
    private readonly int currentYear;
    private DataRecord? pending;
    private int lastRecordEndLine;
    private bool rowsTaken;

    private ExtractFile(string path, DetectedEncoding encoding, Stream stream, CsvParser parser, IKnownUnits units, TimeProvider clock)
    {
        this.stream = stream;
        FilePath = path;
        FileName = Path.GetFileName(path);
        EncodingName = encoding.Name;
        this.parser = parser;
        this.units = units;
        currentYear = clock.GetLocalNow().Year;

        var headerRecord = NextRecord()
            ?? throw new ExtractRefusedException(FileName, "文件没有表头：文件是空的或只有空行。", "The file has no header row: it is empty or has only blank lines.");
        header = ExtractHeader.Recognise(FileName, headerRecord.Cells);
        pending = NextRecord()
            ?? throw new ExtractRefusedException(FileName, "文件只有表头，没有数据行。", "The file has a header row but no data rows.");
    }

    public string FilePath { get; }
    public string FileName { get; }
    public ExtractKind Kind => header.Kind;

    /// <summary>"utf-8", "utf-8-bom" or "gb18030".</summary>
    public string EncodingName { get; }

    /// <summary>Header names the contract does not know for this kind (their values are not read).</summary>
    public IReadOnlyList<string> IgnoredColumns => header.IgnoredColumns;

    /// <summary>Data records enumerated so far (not the header, not empty lines), including bad ones.</summary>
    public int RowsRead { get; private set; }

    /// <summary>How far through the file's bytes the reader is (0..1), for progress and ETA.</summary>
    public double FractionRead => stream.Length == 0 ? 1 : Math.Min(1.0, (double)stream.Position / stream.Length);

    /// <summary>Opens the file, detects its encoding and recognises its kind; throws ExtractRefusedException if it cannot be used.</summary>
    public static ExtractFile Open(string path, IKnownUnits units, TimeProvider clock)
    {
        var encoding = ExtractEncodingDetector.Detect(path, Path.GetFileName(path));
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        CsvParser? parser = null;
        try
        {
            stream.Position = encoding.PreambleLength;
            var reader = new StreamReader(stream, encoding.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
            parser = new CsvParser(reader, ParserConfiguration, leaveOpen: false);
            return new ExtractFile(path, encoding, stream, parser, units, clock);
        }
        catch
        {
            parser?.Dispose();
            stream.Dispose();
            throw;
        }
    }

    public IEnumerable<RowOutcome<OrgUnitRow>> ReadOrgUnits() => Read(ExtractKind.OrgUnits, OrgUnitRules.Check);

    public IEnumerable<RowOutcome<RosterRow>> ReadRoster() => Read(ExtractKind.Roster, new RosterRules(FileName, units).Check);

    public IEnumerable<RowOutcome<ExamResultRow>> ReadExamResults() =>
        Read(ExtractKind.ExamResults, (row, line) => ExamResultRules.Check(row, line, currentYear));

    public IEnumerable<RowOutcome<AppraisalRow>> ReadAppraisals() =>
        Read(ExtractKind.Appraisals, (row, line) => AppraisalRules.Check(row, line, units, currentYear));

    public IEnumerable<RowOutcome<PostQuotaRow>> ReadPostQuotas() =>
        Read(ExtractKind.PostQuotas, (row, line) => PostQuotaRules.Check(row, line, units, currentYear));

    public IEnumerable<RowOutcome<DemoSiteRow>> ReadDemoSites() =>
        Read(ExtractKind.DemoSites, (row, line) => DemoSiteRules.Check(row, line, units, currentYear));

    public void Dispose() => parser.Dispose();

    private IEnumerable<RowOutcome<TRow>> Read<TRow>(ExtractKind kind, Func<RowChecks, int, RowOutcome<TRow>> check)
        where TRow : class
    {
        if (kind != Kind)
        {
            throw new InvalidOperationException($"{FileName} is a {Kind.Code()} extract, not {kind.Code()}.");
        }

        if (rowsTaken)
        {
            throw new InvalidOperationException($"The rows of {FileName} have already been read; open the file again to re-read them.");
        }

        rowsTaken = true;
        return Enumerate(check);
    }

    private IEnumerable<RowOutcome<TRow>> Enumerate<TRow>(Func<RowChecks, int, RowOutcome<TRow>> check)
        where TRow : class
    {
        for (var record = TakePending() ?? NextRecord(); record is not null; record = NextRecord())
        {
            RowsRead++;
            if (record.Cells.Length != header.FieldCount)
            {
                var n = record.Cells.Length;
                var m = header.FieldCount;
                IReadOnlyList<RowProblem> problems =
                [
                    new RowProblem(null,
                        $"本行有 {n} 列，表头有 {m} 列：请检查是否有内容含逗号却没有加引号，或多出/缺少了单元格。",
                        $"This row has {n} fields, the header has {m}: look for a value with a comma but no quotes, or an extra or missing cell."),
                ];
                yield return new RowOutcome<TRow>(record.StartLine, null, problems, []);
                continue;
            }

            yield return check(new RowChecks(record.Cells, header.Layout), record.StartLine);
        }
    }

    private DataRecord? TakePending()
    {
        var record = pending;
        pending = null;
        return record;
    }

    /// <summary>The next record that is not an empty line (a line whose cells are all blank counts as empty).</summary>
    private DataRecord? NextRecord()
    {
        while (true)
        {
            var startLine = lastRecordEndLine + 1;
            try
            {
                if (!parser.Read())
                {
                    return null;
                }
            }
            catch (MaxFieldSizeException)
            {
                throw new ExtractRefusedException(FileName,
                    $"从第 {startLine} 行起有一个超过 {MaxFieldLength} 个字符的单元格，多半是引号没有成对（缺少结尾的引号）：请修正后重新导入。",
                    $"From line {startLine} on, a cell is longer than {MaxFieldLength} characters, most likely an unclosed quote: fix it and load again.");
            }

            lastRecordEndLine = parser.RawRow;
            var cells = new string[parser.Count];
            var blank = true;
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = CellText.Normalise(parser[i]);
                blank &= cells[i].Length == 0;
            }

            if (!blank)
            {
                return new DataRecord(startLine, cells);
            }
        }
    }

    private static readonly CsvConfiguration ParserConfiguration = new(CultureInfo.InvariantCulture)
    {
        Delimiter = ",",
        DetectDelimiter = false,
        Mode = CsvMode.RFC4180,
        IgnoreBlankLines = false,
        TrimOptions = TrimOptions.None,
        BadDataFound = null,
        MaxFieldSize = MaxFieldLength,
    };

    private sealed record DataRecord(int StartLine, string[] Cells);
}
