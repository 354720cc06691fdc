using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Analytics.Etl.Extracts;

/// <summary>A rectangle of merged cells (1-based rows and columns), as the sheet's &lt;mergeCells&gt; lists them.</summary>
internal sealed record XlsxMerge(int FirstRow, int FirstColumn, int LastRow, int LastColumn, string Reference);

/// <summary>
/// The parts of an .xlsx package an extract needs, besides the worksheet's rows: which worksheet is read (the first
/// visible one: hidden and very hidden sheets are skipped), the shared strings, which cell styles are dates, the date
/// system (1900, or 1904 as older Mac Excel saves it: the same serial number is then 1,462 days later) and the sheet's
/// merged ranges. Read with XmlReader from the zip entries; the rows themselves are streamed by XlsxRowSource.
/// </summary>
internal sealed class XlsxWorkbook
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private XlsxWorkbook(string sheetEntry, string sheetName, IReadOnlyList<string> hiddenSheets, List<string> strings, HashSet<int> dateStyles, List<XlsxMerge> merges,
        bool date1904)
    {
        Date1904 = date1904;
        SheetEntry = sheetEntry;
        SheetName = sheetName;
        HiddenSheets = hiddenSheets;
        SharedStrings = strings;
        DateStyles = dateStyles;
        Merges = merges;
    }

    public string SheetEntry { get; }
    public string SheetName { get; }
    public IReadOnlyList<string> HiddenSheets { get; }
    public IReadOnlyList<string> SharedStrings { get; }
    public IReadOnlySet<int> DateStyles { get; }
    public IReadOnlyList<XlsxMerge> Merges { get; }

    /// <summary>True when the workbook counts dates from 1904-01-01 (&lt;workbookPr date1904="1"/&gt;).</summary>
    public bool Date1904 { get; }

    /// <summary>
    /// The day a date serial number stands for in this workbook's date system, or null when it is out of range: 1900
    /// system 1 = 1900-01-01 (Excel's OLE-automation days, with its leap-day quirk before March 1900), 1904 system
    /// 0 = 1904-01-01; the time of day is dropped.
    /// </summary>
    public DateOnly? DateOf(double serial)
    {
        var days = Math.Floor(serial);
        if (Date1904)
            return days is >= 0 and < 2957004 ? new DateOnly(1904, 1, 1).AddDays((int)days) : null;
        return days is >= 1 and < 2958466 ? DateOnly.FromDateTime(DateTime.FromOADate(days)) : null;
    }

    /// <summary>True when the file is a zip package (an .xlsx, whatever its name says).</summary>
    public static bool IsPackage(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[4];
        return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("PK\u0003\u0004"u8);
    }

    public static XlsxWorkbook Read(ZipArchive zip, string fileName)
    {
        var rels = Relationships(zip, "xl/_rels/workbook.xml.rels");
        string? entry = null, name = null;
        var hidden = new List<string>();
        var date1904 = false;
        using (var reader = Open(zip, "xl/workbook.xml", fileName))
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != Main) continue;
                if (reader.LocalName == "workbookPr") date1904 = reader.GetAttribute("date1904") is "1" or "true";
                if (reader.LocalName != "sheet") continue;
                var state = reader.GetAttribute("state");
                var sheetName = reader.GetAttribute("name") ?? "";
                if (state is "hidden" or "veryHidden") { hidden.Add(sheetName); continue; }
                if (entry is not null) continue;
                var id = reader.GetAttribute("id", RelNs);
                if (id is not null && rels.TryGetValue(id, out var target)) (entry, name) = (PartPath(target), sheetName);
            }
        if (entry is null || zip.GetEntry(entry) is null)
            throw new ExtractRefusedException(fileName, "工作簿中没有可见的工作表：请把花名册放在第一个可见的工作表中。",
                "The workbook has no visible worksheet: put the extract on its first visible sheet.");
        return new XlsxWorkbook(entry, name!, hidden, Strings(zip), DateStyleIndexes(zip), MergesOf(zip, entry), date1904);
    }

    public static XmlReader Open(ZipArchive zip, string entry, string fileName)
    {
        var part = zip.GetEntry(entry) ?? throw new ExtractRefusedException(fileName,
            $"文件不是有效的 .xlsx 工作簿（缺少 {entry}）：请用 Excel 或 WPS 另存为「Excel 工作簿 (*.xlsx)」。",
            $"The file is not a valid .xlsx workbook ({entry} is missing): save it again as \"Excel Workbook (*.xlsx)\".");
        return XmlReader.Create(part.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = false, CloseInput = true });
    }

    /// <summary>"A1" → (row 1, column 1); column letters only when the reference has no digits.</summary>
    public static (int Row, int Column) Cell(ReadOnlySpan<char> reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++) column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        var row = int.TryParse(reference[i..], NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0;
        return (row, column);
    }

    /// <summary>1 → "A", 27 → "AA".</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }

    private static string PartPath(string target) =>
        target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target.Replace("\\", "/", StringComparison.Ordinal);

    private static Dictionary<string, string> Relationships(ZipArchive zip, string entry)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (zip.GetEntry(entry) is not { } part) return map;
        using var reader = XmlReader.Create(part.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (reader.ReadToFollowing("Relationship"))
            if (reader.GetAttribute("Id") is { } id && reader.GetAttribute("Target") is { } target) map[id] = target;
        return map;
    }

    /// <summary>The shared strings: each &lt;si&gt;'s text runs joined (phonetic guides left out).</summary>
    private static List<string> Strings(ZipArchive zip)
    {
        var strings = new List<string>();
        if (zip.GetEntry("xl/sharedStrings.xml") is not { } part) return strings;
        using var reader = XmlReader.Create(part.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (reader.ReadToFollowing("si", Main)) strings.Add(InlineText(reader));
        return strings;
    }

    /// <summary>The text of the element the reader is on (an &lt;si&gt; or &lt;is&gt;): its &lt;t&gt; runs, not those of &lt;rPh&gt;.</summary>
    public static string InlineText(XmlReader reader)
    {
        if (reader.IsEmptyElement) return "";
        var depth = reader.Depth;
        var text = new System.Text.StringBuilder();
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh") reader.Skip();
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t") text.Append(reader.ReadElementContentAsString());
            else reader.Read();
        }
        return text.ToString();
    }

    /// <summary>The cellXfs indexes whose number format shows a date (built-in 14–22, 27–36, 45–47, 50–58, or a custom
    /// format with y/m/d outside quotes and brackets).</summary>
    private static HashSet<int> DateStyleIndexes(ZipArchive zip)
    {
        var dates = new HashSet<int>();
        if (zip.GetEntry("xl/styles.xml") is not { } part) return dates;
        var custom = new Dictionary<int, string>();
        using var reader = XmlReader.Create(part.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var index = -1;
        var inXfs = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "numFmt"
                && int.TryParse(reader.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id))
                custom[id] = reader.GetAttribute("formatCode") ?? "";
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "cellXfs") inXfs = !reader.IsEmptyElement;
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs") inXfs = false;
            else if (inXfs && reader.NodeType == XmlNodeType.Element && reader.LocalName == "xf")
            {
                index++;
                if (int.TryParse(reader.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var fmt) && IsDateFormat(fmt, custom))
                    dates.Add(index);
            }
        }
        return dates;
    }

    private static bool IsDateFormat(int id, Dictionary<int, string> custom)
    {
        if (id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58) return true;
        if (!custom.TryGetValue(id, out var code)) return false;
        var quoted = false;
        var bracket = false;
        foreach (var c in code)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '[') bracket = true;
            else if (!quoted && c == ']') bracket = false;
            else if (!quoted && !bracket && c is 'y' or 'Y' or 'd' or 'D' or 'm' or 'M' or '年' or '月' or '日') return true;
        }
        return false;
    }

    /// <summary>The sheet's merged ranges (&lt;mergeCells&gt; follows the rows: one streaming pass over the sheet).</summary>
    private static List<XlsxMerge> MergesOf(ZipArchive zip, string entry)
    {
        var merges = new List<XlsxMerge>();
        using var reader = XmlReader.Create(zip.GetEntry(entry)!.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (reader.ReadToFollowing("mergeCell", Main))
        {
            var reference = reader.GetAttribute("ref") ?? "";
            var parts = reference.Split(':');
            var first = Cell(parts[0]);
            var last = parts.Length > 1 ? Cell(parts[1]) : first;
            merges.Add(new XlsxMerge(first.Row, first.Column, last.Row, last.Column, reference));
        }
        return merges;
    }
}
