using System.Globalization;
using Analytics.Etl.Extracts;

namespace Analytics.Etl.DemoData;

/// <summary>A deliberately bad row to slip into a file after a number of good rows (values in the generator's column order).</summary>
internal sealed record PlannedBadRow(int AfterGoodRows, IReadOnlyList<string> Values, ExtractColumn? Column, string ReasonZh, string ReasonEn);

/// <summary>How a file's sending system writes dates (all accepted by the contract).</summary>
internal enum DemoDateStyle { Iso, Slash, Compact }

/// <summary>How a file's header and bytes look: encoding, Chinese or English header, omitted optional columns, date style.</summary>
internal sealed record DemoFileStyle(string EncodingName, bool EnglishHeader = false, DemoDateStyle Dates = DemoDateStyle.Iso, IReadOnlySet<ExtractColumn>? Omit = null)
{
    public static readonly DemoFileStyle Utf8Bom = new("UTF-8 BOM");
    public static readonly DemoFileStyle Utf8 = new("UTF-8");
    public static readonly DemoFileStyle Gb18030 = new("GB18030");

    /// <summary>The encoding's name as the extract writer (and the loader) call it.</summary>
    public string WriterEncoding => EncodingName switch
    {
        "UTF-8 BOM" => ExtractCsvWriter.Utf8Bom,
        "UTF-8" => ExtractCsvWriter.Utf8,
        _ => ExtractCsvWriter.Gb18030,
    };
}

/// <summary>
/// Streams one extract to disk through the extract CSV writer, with the header names of its kind's columns (Chinese
/// or English aliases), slipping in the planned bad rows and recording their line numbers (line 1 = the header).
/// </summary>
internal sealed class DemoCsvWriter : IDisposable
{
    private readonly ExtractCsvWriter _writer;
    private readonly DemoFileStyle _style;
    private readonly int[] _written;
    private readonly IReadOnlyList<ExtractColumn> _columns;
    private readonly Queue<PlannedBadRow> _bad;
    private readonly List<DemoBadRow> _badRows;
    private readonly string _fileName;
    private readonly ExtractKind _kind;
    private int _goodRows;

    /// <param name="columns">The kind's columns the generator fills, in the order of its value lists.</param>
    public DemoCsvWriter(string directory, string fileName, ExtractKind kind, IReadOnlyList<ExtractColumn> columns, DemoFileStyle style,
        IEnumerable<PlannedBadRow> badRows, List<DemoBadRow> badRowLog)
    {
        if (columns.Any(c => !kind.Columns.Contains(c))) throw new ArgumentException($"a column is not one of {kind.Code}'s", nameof(columns));
        _fileName = fileName;
        _kind = kind;
        _style = style;
        _columns = columns;
        _written = Enumerable.Range(0, columns.Count).Where(i => style.Omit is null || !style.Omit.Contains(columns[i])).ToArray();
        _bad = new Queue<PlannedBadRow>(badRows.OrderBy(b => b.AfterGoodRows));
        _badRows = badRowLog;
        _writer = new ExtractCsvWriter(Path.Combine(directory, fileName), style.WriterEncoding);
        _writer.WriteRecord(_written.Select(i => HeaderOf(columns[i])));
    }

    public string Date(DateOnly? date) => date is not { } d ? "" : _style.Dates switch
    {
        DemoDateStyle.Slash => $"{d.Year}/{d.Month}/{d.Day}",
        DemoDateStyle.Compact => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        _ => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>One good row, values in the generator's column order.</summary>
    public void Row(IReadOnlyList<string> values)
    {
        InjectDue();
        _writer.WriteRecord(_written.Select(i => values[i]));
        _goodRows++;
    }

    /// <summary>A row written as it is and logged as bad (e.g. both copies of a person listed twice).</summary>
    public void BadRow(IReadOnlyList<string> values, ExtractColumn? column, string reasonZh, string reasonEn)
    {
        InjectDue();
        _writer.WriteRecord(_written.Select(i => values[i]));
        _badRows.Add(new DemoBadRow(_fileName, _writer.Records, column is null ? null : HeaderOf(column), reasonZh, reasonEn));
    }

    public DemoFileSummary Finish()
    {
        InjectDue(all: true);
        _writer.Flush();
        return new DemoFileSummary(_fileName, _kind.Code, _style.EncodingName, _writer.Records - 1);
    }

    public void Dispose() => _writer.Dispose();

    private string HeaderOf(ExtractColumn column) => _style.EnglishHeader ? column.Alias : column.Chinese;

    private void InjectDue(bool all = false)
    {
        while (_bad.Count > 0 && (all || _bad.Peek().AfterGoodRows <= _goodRows))
        {
            var bad = _bad.Dequeue();
            // A short row (wrong field count) is written as given; the others follow the file's column selection.
            _writer.WriteRecord(bad.Values.Count < _columns.Count ? bad.Values : _written.Select(i => bad.Values[i]));
            _badRows.Add(new DemoBadRow(_fileName, _writer.Records, bad.Column is null ? null : HeaderOf(bad.Column), bad.ReasonZh, bad.ReasonEn));
        }
    }
}
