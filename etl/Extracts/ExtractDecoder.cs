using System.Security.Cryptography;
using System.Text;

namespace Analytics.Etl.Extracts;

/// <summary>
/// The bytes of one extract file, read once: hashed (SHA-256) as they are read, decoded strictly into characters.
/// The encoding is found without asking anyone: a UTF-8 BOM says UTF-8; otherwise ASCII is passed through until the
/// first non-ASCII byte, and a bounded window from there (<see cref="DetectionWindow"/> bytes) decides: strict UTF-8
/// if it decodes as such, else GB18030 (what Chinese Excel saves) if it decodes strictly as that, else the file is
/// refused. The decode stays strict to the end, so an invalid byte anywhere refuses the whole file.
/// Memory is two fixed buffers, whatever the file size.
/// </summary>
internal sealed class ExtractDecoder : IDisposable
{
    public const string Utf8 = "utf-8", Utf8Bom = "utf-8-bom", Gb18030 = "gb18030";

    /// <summary>How many bytes from the first non-ASCII byte decide the encoding.</summary>
    public const int DetectionWindow = 64 * 1024;

    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding StrictGb18030 { get; } = CreateStrictGb18030();

    private readonly Stream stream;
    private readonly string fileName;
    private readonly IncrementalHash sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] bytes = new byte[2 * DetectionWindow];
    private int start, end;
    private bool endOfStream, flushed;
    private Decoder? decoder;
    private string? sha256;

    private ExtractDecoder(Stream stream, string fileName)
    {
        this.stream = stream;
        this.fileName = fileName;
        Length = stream.Length;
    }

    /// <summary>"utf-8" (also for a file that is all ASCII), "utf-8-bom" or "gb18030".</summary>
    public string EncodingName { get; private set; } = Utf8;

    /// <summary>Bytes read from the file so far.</summary>
    public long Position { get; private set; }

    public long Length { get; }

    public static ExtractDecoder Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        try
        {
            var reader = new ExtractDecoder(stream, Path.GetFileName(path));
            reader.Start();
            return reader;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Decodes the next characters into <paramref name="destination"/>; 0 at the end of the file.</summary>
    /// <exception cref="UndecodableBytesException">The bytes are not valid in the file's encoding.</exception>
    public int Read(Span<char> destination)
    {
        while (true)
        {
            if (start == end)
            {
                if (!endOfStream)
                {
                    Fill();
                    continue;
                }

                if (decoder is null || flushed) return 0;
                flushed = true;
                decoder.Convert([], destination, flush: true, out _, out var last, out _);
                return last;
            }

            if (decoder is null)
            {
                var pending = bytes.AsSpan(start, end - start);
                var ascii = pending.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                if (ascii != 0)
                {
                    var n = Math.Min(ascii < 0 ? pending.Length : ascii, destination.Length);
                    System.Text.Ascii.ToUtf16(pending[..n], destination, out var written);
                    start += n;
                    return written;
                }

                Decide();
            }

            int used, chars;
            try
            {
                decoder!.Convert(bytes.AsSpan(start, end - start), destination, flush: false, out used, out chars, out _);
            }
            catch (DecoderFallbackException e)
            {
                // '\n' (0x0A) is never part of a multi-byte character in UTF-8 or GB18030: count the lines before the bad byte.
                var before = bytes.AsSpan(start, Math.Clamp(e.Index, 0, end - start));
                throw new UndecodableBytesException(before.Count((byte)'\n'), e);
            }

            start += used;
            if (chars > 0) return chars;
        }
    }

    /// <summary>The SHA-256 of the whole file (hex, lower case); reads (without decoding) whatever was not read yet.</summary>
    public string Sha256()
    {
        if (sha256 is not null) return sha256;
        while (!endOfStream)
        {
            start = end = 0;
            Fill();
        }

        sha256 = Convert.ToHexStringLower(sha.GetHashAndReset());
        return sha256;
    }

    public void Dispose()
    {
        stream.Dispose();
        sha.Dispose();
    }

    private void Start()
    {
        Fill();
        var head = bytes.AsSpan(start, end - start);
        if (head.IsEmpty) throw new ExtractRefusedException(fileName, "文件是空的（0 字节）。", "The file is empty (0 bytes).");
        if (head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
            throw Undecodable("文件是 UTF-16（Unicode 文本）编码", "the file is UTF-16 (Unicode text)");
        if (head.Length >= 2 && head[0] == (byte)'P' && head[1] == (byte)'K')
            throw Undecodable("这看起来是 Excel 工作簿（.xlsx）而不是 CSV", "this looks like an Excel workbook (.xlsx), not a CSV file");
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (head.StartsWith(bom))
        {
            start += 3;
            EncodingName = Utf8Bom;
            decoder = StrictUtf8.GetDecoder();
        }
    }

    /// <summary>At the first non-ASCII byte: decide the encoding from the window of bytes that starts there.</summary>
    private void Decide()
    {
        while (!endOfStream && end - start < DetectionWindow) Fill();
        var window = bytes.AsSpan(start, end - start);
        if (DecodesStrictly(StrictUtf8, window))
        {
            decoder = StrictUtf8.GetDecoder();
            return;
        }

        if (DecodesStrictly(StrictGb18030, window))
        {
            EncodingName = Gb18030;
            decoder = StrictGb18030.GetDecoder();
            return;
        }

        throw Undecodable("文件既不是 UTF-8 也不是 GB18030/GBK 编码的文本", "the file is neither UTF-8 nor GB18030/GBK text");
    }

    private bool DecodesStrictly(Encoding encoding, ReadOnlySpan<byte> window)
    {
        try
        {
            encoding.GetDecoder().GetCharCount(window, flush: endOfStream);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Moves the unread bytes to the front and reads more behind them; hashes what was read.</summary>
    private void Fill()
    {
        if (start > 0)
        {
            bytes.AsSpan(start, end - start).CopyTo(bytes);
            end -= start;
            start = 0;
        }

        var read = stream.Read(bytes, end, bytes.Length - end);
        if (read == 0)
        {
            endOfStream = true;
            return;
        }

        sha.AppendData(bytes, end, read);
        end += read;
        Position += read;
    }

    private static Encoding CreateStrictGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private ExtractRefusedException Undecodable(string whyZh, string whyEn) => Refusal(fileName, whyZh, whyEn);

    /// <summary>The refusal for bytes that cannot be read as text.</summary>
    public static ExtractRefusedException Refusal(string fileName, string whyZh, string whyEn) => new(fileName,
        $"无法读取文件内容：{whyZh}。请在 Excel 中“另存为”CSV（逗号分隔）或 CSV UTF-8 后重新导入。",
        $"The file cannot be read: {whyEn}. In Excel use \"Save As\" CSV (comma delimited) or CSV UTF-8 and load it again.");
}

/// <summary>Bytes that are not valid in the file's encoding, after some more line breaks than the characters returned so far.</summary>
internal sealed class UndecodableBytesException(int lineBreaksBefore, Exception inner) : Exception("undecodable bytes", inner)
{
    /// <summary>Line breaks between the last character returned and the bad byte.</summary>
    public int LineBreaksBefore { get; } = lineBreaksBefore;
}
