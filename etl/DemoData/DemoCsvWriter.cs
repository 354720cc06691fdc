using System.Globalization;
using System.Text;

namespace Analytics.Etl.DemoData;

/// <summary>A column of an extract kind: its Chinese name and English alias (EXTRACTS.md).</summary>
internal sealed record DemoColumn(string Chinese, string English);

/// <summary>A deliberately bad row to slip into a file after a number of good rows (values in the kind's column order).</summary>
internal sealed record PlannedBadRow(int AfterGoodRows, IReadOnlyList<string> Values, string? Column, string ReasonZh, string ReasonEn);

/// <summary>How a file's sending system writes dates (all accepted by the contract).</summary>
internal enum DemoDateStyle { Iso, Slash, Compact }

/// <summary>How a file's header and bytes look: encoding, Chinese or English header, omitted optional columns, date style.</summary>
internal sealed record DemoFileStyle(string EncodingName, bool EnglishHeader = false, DemoDateStyle Dates = DemoDateStyle.Iso, IReadOnlySet<string>? Omit = null)
{
    public static readonly DemoFileStyle Utf8Bom = new("UTF-8 BOM");
    public static readonly DemoFileStyle Utf8 = new("UTF-8");
    public static readonly DemoFileStyle Gb18030 = new("GB18030");

    public Encoding Encoding() => EncodingName switch
    {
        "UTF-8 BOM" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        "UTF-8" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        _ => GbEncoding.Value,
    };

    private static readonly Lazy<Encoding> GbEncoding = new(() =>
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return System.Text.Encoding.GetEncoding("GB18030");
    });
}

/// <summary>
/// Streams one extract to disk (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break),
/// slipping in the planned bad rows and recording their line numbers (line 1 = the header).
/// </summary>
internal sealed class DemoCsvWriter : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly DemoFileStyle _style;
    private readonly int[] _columns;
    private readonly IReadOnlyList<string> _header;
    private readonly IReadOnlyList<DemoColumn> _definitions;
    private readonly Queue<PlannedBadRow> _bad;
    private readonly List<DemoBadRow> _badRows;
    private readonly string _fileName, _kind;
    private int _line = 1, _goodRows, _rows;

    public DemoCsvWriter(string directory, string fileName, string kind, IReadOnlyList<DemoColumn> columns, DemoFileStyle style,
        IEnumerable<PlannedBadRow> badRows, List<DemoBadRow> badRowLog)
    {
        _fileName = fileName;
        _kind = kind;
        _style = style;
        _columns = Enumerable.Range(0, columns.Count).Where(i => style.Omit is null || !style.Omit.Contains(columns[i].Chinese)).ToArray();
        _definitions = columns;
        _header = columns.Select(c => style.EnglishHeader ? c.English : c.Chinese).ToList();
        _bad = new Queue<PlannedBadRow>(badRows.OrderBy(b => b.AfterGoodRows));
        _badRows = badRowLog;
        _writer = new StreamWriter(Path.Combine(directory, fileName), append: false, style.Encoding(), bufferSize: 1 << 16);
        WriteFields(_columns.Select(i => _header[i]));
    }

    public string Date(DateOnly? date) => date is not { } d ? "" : _style.Dates switch
    {
        DemoDateStyle.Slash => $"{d.Year}/{d.Month}/{d.Day}",
        DemoDateStyle.Compact => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        _ => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>One good row, values in the kind's column order.</summary>
    public void Row(IReadOnlyList<string> values)
    {
        InjectDue();
        WriteFields(_columns.Select(i => values[i]));
        _goodRows++;
    }

    /// <summary>A row written as it is and logged as bad (e.g. both copies of a person listed twice).</summary>
    public void BadRow(IReadOnlyList<string> values, string? column, string reasonZh, string reasonEn)
    {
        InjectDue();
        WriteFields(_columns.Select(i => values[i]));
        _badRows.Add(new DemoBadRow(_fileName, _line - 1, column is null ? null : HeaderOf(column), reasonZh, reasonEn));
    }

    private string HeaderOf(string chinese) => _header[_definitions.Select(c => c.Chinese).ToList().IndexOf(chinese)];

    public DemoFileSummary Finish()
    {
        InjectDue(all: true);
        _writer.Flush();
        return new DemoFileSummary(_fileName, _kind, _style.EncodingName, _rows);
    }

    public void Dispose() => _writer.Dispose();

    private void InjectDue(bool all = false)
    {
        while (_bad.Count > 0 && (all || _bad.Peek().AfterGoodRows <= _goodRows))
        {
            var bad = _bad.Dequeue();
            // A short row (wrong field count) is written as given; the others follow the file's column selection.
            WriteFields(bad.Values.Count < _header.Count ? bad.Values : _columns.Select(i => bad.Values[i]));
            _badRows.Add(new DemoBadRow(_fileName, _line - 1, bad.Column is null ? null : HeaderOf(bad.Column), bad.ReasonZh, bad.ReasonEn));
        }
    }

    private void WriteFields(IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first) _writer.Write(',');
            first = false;
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (field.Length > 0 && (field[0] == ' ' || field[^1] == ' ')))
                _writer.Write("\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
            else
                _writer.Write(field);
        }
        _writer.Write("\r\n");
        _line++;
        if (_line > 2) _rows++;
    }
}
