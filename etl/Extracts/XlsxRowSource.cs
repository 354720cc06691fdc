using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Xml;

namespace Analytics.Etl.Extracts;

/// <summary>
/// The rows of an .xlsx extract, streamed from its first visible worksheet with XmlReader (one row in memory; the shared
/// strings, date styles and merged ranges are read first, see <see cref="XlsxWorkbook"/>). Line numbers are the
/// worksheet's row numbers, so a clerk finds the row in Excel. What only a workbook can get wrong becomes a row problem
/// (<see cref="RecordProblems"/>) or a refusal:
/// <list type="bullet">
/// <item>a number of 16 digits or more (an ID number typed into a Number cell): Excel kept 15 digits, the row is refused;</item>
/// <item>a date cell, or a serial number in a date column (统计日期, 入职日期, ...), becomes yyyy-MM-dd; dates typed as text
/// go through the contract's date rules like CSV;</item>
/// <item>a formula gives its cached value; an error value (#REF!, #N/A) is a row problem;</item>
/// <item>title rows above the header (one merged cell across the columns) are skipped; merged cells in the header refuse
/// the file; merged cells among the data refuse the rows they cover;</item>
/// <item>a 合计/总计/小计 row (a total at the bottom) is refused as "not a data row", so it never counts as people.</item>
/// </list>
/// MiniExcel's reader is not used here: it hides the cell types, style and row numbers the row errors above need.
/// </summary>
internal sealed class XlsxRowSource : IExtractRowSource
{
    private static readonly string[] TotalWords = ["合计", "总计", "小计"];
    private const double PreciseLimit = 1e15;

    private readonly FileStream stream;
    private readonly ZipArchive zip;
    private readonly XlsxWorkbook book;
    private readonly XmlReader rows;
    private readonly string sha256;
    private string?[] raw = new string?[32];
    private bool[] numeric = new bool[32];
    private string[] cells = [.. Enumerable.Repeat("", 32)];
    private readonly List<RowProblem> problems = [];
    private string[] headerNames = [];
    private bool[] dateColumns = [];
    private int headerWidth = -1;
    private int lastRow;

    private XlsxRowSource(string path)
    {
        FileName = Path.GetFileName(path);
        using (var bytes = File.OpenRead(path)) sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        stream = File.OpenRead(path);
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read);
            book = XlsxWorkbook.Read(zip, FileName);
            rows = XlsxWorkbook.Open(zip, book.SheetEntry, FileName);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException)
        {
            stream.Dispose();
            throw new ExtractRefusedException(FileName, "文件无法作为 .xlsx 工作簿读取（文件损坏或不是 Excel 文件）：请用 Excel 或 WPS 另存为「Excel 工作簿 (*.xlsx)」。",
                $"The file cannot be read as an .xlsx workbook (damaged, or not Excel): {e.Message}");
        }
    }

    public static XlsxRowSource Open(string path) => new(path);

    /// <summary>True when the file is an .xlsx (a zip package), whatever its name.</summary>
    public static bool IsWorkbook(string path) => XlsxWorkbook.IsPackage(path);

    public string FileName { get; }

    public string FormatName => "xlsx";

    public int LineNumber { get; private set; }

    public int FieldCount { get; private set; }

    public double FractionRead => stream.Length == 0 ? 1 : Math.Min(1.0, (double)stream.Position / stream.Length);

    public IReadOnlyList<RowProblem> RecordProblems => problems;

    /// <summary>The worksheet read (the first visible one) and the hidden ones skipped, for the load report.</summary>
    public string SheetName => book.SheetName;

    public ReadOnlySpan<char> Cell(int index) => cells[index];

    public string Sha256() => sha256;

    public void Dispose()
    {
        rows.Dispose();
        zip.Dispose();
        stream.Dispose();
    }

    public bool NextRecord()
    {
        try
        {
            while (ReadRow(out var width))
            {
                if (width == 0) continue;
                if (headerWidth < 0)
                {
                    if (IsTitleRow(width)) continue;
                    TakeHeader(width);
                    return true;
                }
                FieldCount = Math.Max(width, headerWidth);
                CheckRecord();
                return true;
            }
            return false;
        }
        catch (XmlException e)
        {
            throw new ExtractRefusedException(FileName, $"工作表在第 {lastRow} 行附近损坏，整个文件未导入：请用 Excel 另存后重新提交。",
                $"The worksheet is damaged around row {lastRow}, so nothing was loaded: {e.Message}");
        }
    }

    /// <summary>Reads the next &lt;row&gt;: its cells by column into raw/cells; width = the last non-empty column (0 = blank).</summary>
    private bool ReadRow(out int width)
    {
        width = 0;
        if (!rows.ReadToFollowing("row", XlsxWorkbook.Main)) return false;
        LineNumber = int.TryParse(rows.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : lastRow + 1;
        lastRow = LineNumber;
        Array.Clear(raw);
        Array.Clear(numeric);
        problems.Clear();
        if (rows.IsEmptyElement) return true;
        var depth = rows.Depth;
        var nextColumn = 1;
        while (rows.Read() && rows.Depth > depth)
        {
            if (rows.NodeType != XmlNodeType.Element || rows.LocalName != "c") continue;
            var reference = rows.GetAttribute("r");
            var column = reference is null ? nextColumn : XlsxWorkbook.Cell(reference).Column;
            nextColumn = column + 1;
            var (value, isNumber) = CellValue(column);
            if (string.IsNullOrWhiteSpace(value)) continue;
            Grow(column);
            raw[column - 1] = value;
            numeric[column - 1] = isNumber;
            width = Math.Max(width, column);
        }
        for (var i = 0; i < Math.Max(width, headerWidth); i++)
        {
            Grow(i + 1);
            cells[i] = raw[i] is { } text ? CellText.Normalise(text) : "";
        }
        return true;
    }

    /// <summary>The cell the reader is on: its text as shown (shared string, inline string, cached formula value, number,
    /// date), and whether it was stored as a number.</summary>
    private (string? Value, bool IsNumber) CellValue(int column)
    {
        var type = rows.GetAttribute("t");
        var style = int.TryParse(rows.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        if (rows.IsEmptyElement) return (null, false);
        var depth = rows.Depth;
        string? value = null, inline = null;
        rows.Read();
        while (!rows.EOF && !(rows.NodeType == XmlNodeType.EndElement && rows.Depth == depth))
        {
            if (rows.NodeType == XmlNodeType.Element && rows.LocalName == "v") value = rows.ReadElementContentAsString();
            else if (rows.NodeType == XmlNodeType.Element && rows.LocalName == "is")
            {
                inline = XlsxWorkbook.InlineText(rows);
                rows.Read();
            }
            else if (rows.NodeType == XmlNodeType.Element) rows.Skip(); // <f>: the cached <v> is the value
            else rows.Read();
        }
        switch (type)
        {
            case "s":
                return (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < book.SharedStrings.Count ? book.SharedStrings[i] : null, false);
            case "inlineStr":
                return (inline, false);
            case "str":
                return (value, false);
            case "b":
                return (value == "1" ? "TRUE" : "FALSE", false);
            case "e":
                problems.Add(new RowProblem(ColumnLabel(column), $"单元格 {XlsxWorkbook.ColumnName(column)}{LineNumber} 是错误值 {value}（公式出错）：请修正公式或直接填写数值。",
                    $"Cell {XlsxWorkbook.ColumnName(column)}{LineNumber} holds the error value {value} (a broken formula): fix the formula or type the value."));
                return (null, false);
            case "d":
                return (value is not null && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso) ? iso.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : value, false);
        }
        if (value is null || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return (value, false);
        var dateColumn = column - 1 < dateColumns.Length && dateColumns[column - 1];
        if ((book.DateStyles.Contains(style) || dateColumn) && book.DateOf(number) is { } date)
            return (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), false);
        if (Math.Abs(number) >= PreciseLimit) return (value, true);
        return (number == Math.Floor(number) ? ((long)number).ToString(CultureInfo.InvariantCulture) : number.ToString("G15", CultureInfo.InvariantCulture), false);
    }

    /// <summary>A row with a single value spanning merged columns above the header: a title (e.g. 2026年社区工作者花名册).</summary>
    private bool IsTitleRow(int width)
    {
        var filled = 0;
        for (var i = 0; i < width; i++) if (raw[i] is not null) filled++;
        return filled == 1 && book.Merges.Any(m => m.FirstRow <= LineNumber && LineNumber <= m.LastRow && m.LastColumn > m.FirstColumn);
    }

    private void TakeHeader(int width)
    {
        if (book.Merges.FirstOrDefault(m => m.FirstRow <= LineNumber && LineNumber <= m.LastRow) is { } merge)
            throw new ExtractRefusedException(FileName,
                $"表头（第 {LineNumber} 行）的 {merge.Reference} 是合并单元格：请取消合并，让每一列在表头行有自己的列名（表头只占一行）。",
                $"The header (row {LineNumber}) has merged cells {merge.Reference}: unmerge them so each column has its own name in one header row.");
        headerWidth = width;
        FieldCount = width;
        headerNames = [.. cells.Take(width)];
        var dateKeys = ExtractKinds.All.SelectMany(k => k.Columns).Where(c => c.Chinese.EndsWith("日期", StringComparison.Ordinal))
            .SelectMany(c => new[] { CellText.HeaderKey(c.Chinese), CellText.HeaderKey(c.Alias) }).ToHashSet(StringComparer.Ordinal);
        dateColumns = [.. headerNames.Select(n => dateKeys.Contains(CellText.HeaderKey(n)))];
    }

    /// <summary>The workbook-only problems of a data row: digits lost to a Number cell, merged cells, a total row.</summary>
    private void CheckRecord()
    {
        for (var i = 0; i < FieldCount; i++)
        {
            if (!numeric[i]) continue;
            cells[i] = ""; // the digits left are part of an ID number: never quoted back
            problems.Add(new RowProblem(ColumnLabel(i + 1),
                    $"「{ColumnLabel(i + 1)}」（单元格 {XlsxWorkbook.ColumnName(i + 1)}{LineNumber}）在 Excel 中以数字保存，超过 15 位的数字后几位已被改成 0（精度丢失），无法还原："
                    + "请把该列设为「文本」格式后重新输入（或在号码前加英文单引号 '）。",
                    $"{ColumnLabel(i + 1)} (cell {XlsxWorkbook.ColumnName(i + 1)}{LineNumber}) is stored as a number: Excel keeps 15 digits and replaced the rest with 0, "
                    + "which cannot be undone. Format the column as Text and type the numbers again (or start them with ')."));
        }
        if (book.Merges.FirstOrDefault(m => m.FirstRow <= LineNumber && LineNumber <= m.LastRow) is { } merge)
            problems.Add(new RowProblem(null,
                $"第 {LineNumber} 行在合并单元格 {merge.Reference} 中：合并后只有第一格有值，请取消合并并在每一行填写完整。",
                $"Row {LineNumber} lies in the merged cells {merge.Reference}: only the first cell of a merge has a value; unmerge and fill in every row."));
        var first = cells.Take(FieldCount).FirstOrDefault(c => c.Length > 0)?.Replace(" ", "", StringComparison.Ordinal) ?? "";
        if (TotalWords.Any(w => first.StartsWith(w, StringComparison.Ordinal)))
            problems.Add(new RowProblem(null,
                $"第 {LineNumber} 行是「{first}」行（汇总），不是数据行，未导入：报送的表格请只保留明细行，删除合计行。",
                $"Row {LineNumber} is a total row (\"{first}\"), not a data row, so it was not loaded: keep only the detail rows and delete the total."));
    }

    private string ColumnLabel(int column) => column - 1 < headerNames.Length && headerNames[column - 1].Length > 0
        ? headerNames[column - 1] : XlsxWorkbook.ColumnName(column);

    private void Grow(int columns)
    {
        if (columns <= raw.Length) return;
        var size = Math.Max(columns, raw.Length * 2);
        Array.Resize(ref raw, size);
        Array.Resize(ref numeric, size);
        var old = cells.Length;
        Array.Resize(ref cells, size);
        for (var i = old; i < size; i++) cells[i] = "";
    }
}
