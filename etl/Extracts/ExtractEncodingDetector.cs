using System.Text;

namespace Analytics.Etl.Extracts;

/// <summary>The text encoding of an extract file, found without asking the user.</summary>
internal sealed record DetectedEncoding(string Name, Encoding Encoding, int PreambleLength);

/// <summary>
/// UTF-8 (with or without BOM) when the whole file decodes as strict UTF-8, else GB18030 (what Chinese Excel saves)
/// when it decodes strictly as that; otherwise the file is refused. Reads the file in fixed-size chunks, so memory
/// does not grow with the file.
/// </summary>
internal static class ExtractEncodingDetector
{
    public const string Utf8 = "utf-8";
    public const string Utf8Bom = "utf-8-bom";
    public const string Gb18030 = "gb18030";

    private static readonly byte[] Utf8Preamble = [0xEF, 0xBB, 0xBF];

    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding StrictGb18030 { get; } = CreateStrictGb18030();

    public static DetectedEncoding Detect(string path, string fileName)
    {
        var start = new byte[4];
        int startLength;
        using (var probe = File.OpenRead(path))
        {
            startLength = probe.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        }

        if (startLength == 0)
        {
            throw new ExtractRefusedException(fileName, "文件是空的（0 字节）。", "The file is empty (0 bytes).");
        }

        if (startLength >= 2 && ((start[0] == 0xFF && start[1] == 0xFE) || (start[0] == 0xFE && start[1] == 0xFF)))
        {
            throw Undecodable(fileName, "文件是 UTF-16（Unicode 文本）编码", "the file is UTF-16 (Unicode text)");
        }

        if (startLength >= 2 && start[0] == (byte)'P' && start[1] == (byte)'K')
        {
            throw Undecodable(fileName, "这看起来是 Excel 工作簿（.xlsx）而不是 CSV", "this looks like an Excel workbook (.xlsx), not a CSV file");
        }

        var hasBom = startLength >= 3 && start.AsSpan(0, 3).SequenceEqual(Utf8Preamble);
        if (DecodesCompletely(path, hasBom ? 3 : 0, StrictUtf8))
        {
            return hasBom ? new DetectedEncoding(Utf8Bom, StrictUtf8, 3) : new DetectedEncoding(Utf8, StrictUtf8, 0);
        }

        if (hasBom)
        {
            throw Undecodable(fileName, "文件以 UTF-8 标记开头，但其中有不是 UTF-8 的字节", "the file starts with a UTF-8 BOM but contains bytes that are not UTF-8");
        }

        if (DecodesCompletely(path, 0, StrictGb18030))
        {
            return new DetectedEncoding(Gb18030, StrictGb18030, 0);
        }

        throw Undecodable(fileName, "文件既不是 UTF-8 也不是 GB18030/GBK 编码的文本", "the file is neither UTF-8 nor GB18030/GBK text");
    }

    private static bool DecodesCompletely(string path, int skip, Encoding encoding)
    {
        var decoder = encoding.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[encoding.GetMaxCharCount(bytes.Length)];
        using var stream = File.OpenRead(path);
        stream.Position = skip;
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static Encoding CreateStrictGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private static ExtractRefusedException Undecodable(string fileName, string whyZh, string whyEn) => new(fileName,
        $"无法读取文件内容：{whyZh}。请在 Excel 中“另存为”CSV（逗号分隔）或 CSV UTF-8 后重新导入。",
        $"The file cannot be read: {whyEn}. In Excel use \"Save As\" CSV (comma delimited) or CSV UTF-8 and load it again.");
}
