using System.Buffers;
using System.Text;

namespace Analytics.Etl.Extracts;

/// <summary>
/// Writes extract files (inputs for the loader: demo data, the bench's scaled rosters) as Excel saves CSV: RFC 4180
/// with CRLF line ends, a field quoted when it holds a comma, quote or line break or starts or ends with a space,
/// inner quotes doubled; UTF-8 with or without BOM, or GB18030. The one CSV writer for extracts (exports of the
/// product have their own, injection-safe writer).
/// </summary>
internal sealed class ExtractCsvWriter : IDisposable
{
    public const string Utf8 = ExtractDecoder.Utf8, Utf8Bom = ExtractDecoder.Utf8Bom, Gb18030 = ExtractDecoder.Gb18030;

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private readonly StreamWriter writer;

    /// <param name="encoding">"utf-8", "utf-8-bom" or "gb18030" (the names the loader reports).</param>
    public ExtractCsvWriter(string path, string encoding) =>
        writer = new StreamWriter(path, append: false, EncodingOf(encoding), bufferSize: 1 << 16);

    /// <summary>Records written so far, the header included (the next record starts on line <c>Records + 1</c> when no field holds a line break).</summary>
    public int Records { get; private set; }

    public static Encoding EncodingOf(string name) => name switch
    {
        Utf8 => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Utf8Bom => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        Gb18030 => ExtractDecoder.StrictGb18030,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "utf-8, utf-8-bom or gb18030"),
    };

    public void WriteRecord(IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first) writer.Write(',');
            first = false;
            if (field.AsSpan().IndexOfAny(NeedsQuotes) >= 0 || (field.Length > 0 && (field[0] == ' ' || field[^1] == ' ')))
                writer.Write("\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
            else
                writer.Write(field);
        }

        writer.Write("\r\n");
        Records++;
    }

    public void Flush() => writer.Flush();

    public void Dispose() => writer.Dispose();
}
