using System.Buffers;

namespace Analytics.Etl.Extracts;

/// <summary>
/// RFC 4180 records straight from the decoded characters of an extract (<see cref="ExtractDecoder"/>): fields are
/// ranges of one character buffer, unquoted and cleaned in place, so a record costs no allocation. Quoted fields may
/// hold commas, doubled quotes and line breaks; a quote inside an unquoted field is kept as text. Line numbers are
/// physical lines (CRLF, LF or CR), counting line breaks inside quoted cells and blank lines.
/// </summary>
internal sealed class CsvRowSource : IExtractRowSource
{
    /// <summary>Longer than any sane cell: a field this long means an unclosed quote swallowing the rest of the file.</summary>
    public const int MaxFieldLength = 100_000;

    /// <summary>The longest record the source holds in memory (characters).</summary>
    public const int MaxRecordLength = 1_000_000;

    private static readonly SearchValues<char> FieldEnd = SearchValues.Create(",\r\n");

    private readonly ExtractDecoder decoder;
    private char[] buffer = new char[64 * 1024];
    private int pos, end;
    private bool decodedAll;
    private int nextLine = 1;
    private int[] starts = new int[32], lengths = new int[32];
    private bool[] quoted = new bool[32];

    private CsvRowSource(ExtractDecoder decoder, string fileName)
    {
        this.decoder = decoder;
        FileName = fileName;
    }

    public string FileName { get; }

    public string FormatName => decoder.EncodingName;

    public int LineNumber { get; private set; }

    public int FieldCount { get; private set; }

    public double FractionRead => decoder.Length == 0 ? 1 : Math.Min(1.0, (double)decoder.Position / decoder.Length);

    public static CsvRowSource Open(string path) => new(ExtractDecoder.Open(path), Path.GetFileName(path));

    public ReadOnlySpan<char> Cell(int index) => buffer.AsSpan(starts[index], lengths[index]);

    public string Sha256() => decoder.Sha256();

    public void Dispose() => decoder.Dispose();

    public bool NextRecord()
    {
        while (ReadRecord())
        {
            Clean();
            for (var i = 0; i < FieldCount; i++)
                if (lengths[i] > 0) return true;
        }

        return false;
    }

    /// <summary>Finds the fields of the next record; when it runs past the decoded characters, reads more and starts the record again.</summary>
    private bool ReadRecord()
    {
        while (true)
        {
            if (pos == end && decodedAll) return false;
            if (TryParse(out var after, out var lines))
            {
                LineNumber = nextLine;
                nextLine += lines;
                pos = after;
                return true;
            }

            ReadMore();
        }
    }

    /// <summary>Parses the record at <see cref="pos"/>; false when its end is not yet decoded.</summary>
    private bool TryParse(out int after, out int lines)
    {
        after = pos;
        lines = 0;
        FieldCount = 0;
        var p = pos;
        while (true)
        {
            int fieldEnd;
            var isQuoted = p < end && buffer[p] == '"';
            if (isQuoted)
            {
                var q = p + 1;
                while (true)
                {
                    var quote = buffer.AsSpan(q, end - q).IndexOf('"');
                    if (quote < 0 && !decodedAll) return FieldTooLong(p, end);
                    if (quote < 0)
                    {
                        // A quote never closed: the field runs to the end of the file (unless that is too long).
                        lines += LineBreaks(buffer.AsSpan(q, end - q));
                        FieldTooLong(p, end);
                        AddField(p, end - p, isQuoted);
                        after = end;
                        return true;
                    }

                    lines += LineBreaks(buffer.AsSpan(q, quote));
                    q += quote + 1;
                    if (q == end && !decodedAll) return FieldTooLong(p, end);
                    if (q < end && buffer[q] == '"')
                    {
                        q++;
                        continue;
                    }

                    break;
                }

                var rest = buffer.AsSpan(q, end - q).IndexOfAny(FieldEnd);
                if (rest < 0 && !decodedAll) return FieldTooLong(p, end);
                fieldEnd = rest < 0 ? end : q + rest;
            }
            else
            {
                var next = buffer.AsSpan(p, end - p).IndexOfAny(FieldEnd);
                if (next < 0 && !decodedAll) return FieldTooLong(p, end);
                fieldEnd = next < 0 ? end : p + next;
            }

            FieldTooLong(p, fieldEnd);
            AddField(p, fieldEnd - p, isQuoted);
            if (fieldEnd == end)
            {
                after = end;
                return true;
            }

            var c = buffer[fieldEnd];
            if (c == ',')
            {
                p = fieldEnd + 1;
                continue;
            }

            if (c == '\r' && fieldEnd + 1 == end && !decodedAll) return false;
            after = c == '\r' && fieldEnd + 1 < end && buffer[fieldEnd + 1] == '\n' ? fieldEnd + 2 : fieldEnd + 1;
            lines++;
            return true;
        }
    }

    /// <summary>Refuses the file when a field grows past <see cref="MaxFieldLength"/>; else false ("need more characters").</summary>
    private bool FieldTooLong(int fieldStart, int fieldEnd)
    {
        if (fieldEnd - fieldStart <= MaxFieldLength) return false;
        var line = nextLine + LineBreaks(buffer.AsSpan(pos, fieldStart - pos));
        throw new ExtractRefusedException(FileName,
            $"从第 {line} 行起有一个超过 {MaxFieldLength} 个字符的单元格，多半是引号没有成对（缺少结尾的引号）：请修正后重新导入。",
            $"From line {line} on, a cell is longer than {MaxFieldLength} characters, most likely an unclosed quote: fix it and load again.");
    }

    private void AddField(int start, int length, bool isQuoted)
    {
        if (FieldCount == starts.Length)
        {
            Array.Resize(ref starts, starts.Length * 2);
            Array.Resize(ref lengths, lengths.Length * 2);
            Array.Resize(ref quoted, quoted.Length * 2);
        }

        starts[FieldCount] = start;
        lengths[FieldCount] = length;
        quoted[FieldCount] = isQuoted;
        FieldCount++;
    }

    /// <summary>Unquotes and cleans every field of the (complete) current record in place.</summary>
    private void Clean()
    {
        for (var i = 0; i < FieldCount; i++)
        {
            var field = buffer.AsSpan(starts[i], lengths[i]);
            if (quoted[i]) field = field[..Unquote(field)];
            var clean = CellText.CleanInPlace(field);
            field.Overlaps(clean, out var offset);
            starts[i] += offset;
            lengths[i] = clean.Length;
        }
    }

    /// <summary>"a""b"c → a"bc, written over the field; returns the new length.</summary>
    private static int Unquote(Span<char> field)
    {
        var w = 0;
        var r = 1;
        while (r < field.Length)
        {
            var c = field[r];
            if (c != '"')
            {
                field[w++] = c;
                r++;
            }
            else if (r + 1 < field.Length && field[r + 1] == '"')
            {
                field[w++] = '"';
                r += 2;
            }
            else
            {
                r++;
                while (r < field.Length) field[w++] = field[r++];
            }
        }

        return w;
    }

    /// <summary>Moves the current record to the front of the buffer (growing it if the record fills it) and decodes more.</summary>
    private void ReadMore()
    {
        if (pos > 0)
        {
            buffer.AsSpan(pos, end - pos).CopyTo(buffer);
            end -= pos;
            pos = 0;
        }
        else if (end == buffer.Length)
        {
            if (buffer.Length >= MaxRecordLength)
                throw new ExtractRefusedException(FileName,
                    $"从第 {nextLine} 行起的一行超过 {MaxRecordLength} 个字符：请检查引号是否成对、文件是否为 CSV。",
                    $"From line {nextLine} on, a row is longer than {MaxRecordLength} characters: check the quotes and that the file is CSV.");
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        int read;
        try
        {
            read = decoder.Read(buffer.AsSpan(end));
        }
        catch (UndecodableBytesException e)
        {
            var line = nextLine + LineBreaks(buffer.AsSpan(pos, end - pos)) + e.LineBreaksBefore;
            throw ExtractDecoder.Refusal(FileName,
                $"第 {line} 行附近有不是 {decoder.EncodingName} 编码的字节（文件损坏或混用了两种编码），整个文件未导入",
                $"around line {line} there are bytes that are not {decoder.EncodingName} (a damaged file, or two encodings mixed), so nothing of it was loaded");
        }

        if (read == 0) decodedAll = true;
        end += read;
    }

    /// <summary>Line breaks in a run of characters: LF, CRLF (once) or a lone CR.</summary>
    private static int LineBreaks(ReadOnlySpan<char> text)
    {
        var count = text.Count('\n');
        if (!text.Contains('\r')) return count;
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')) count++;
        return count;
    }
}
