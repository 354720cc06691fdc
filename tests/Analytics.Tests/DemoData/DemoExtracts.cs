using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Analytics.Tests.DemoData;

/// <summary>One CSV file read back independently of the generator: decoded (UTF-8 or GB18030), header mapped to Chinese names.</summary>
internal sealed class ExtractTable
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["code"] = "区划代码", ["name"] = "名称", ["kind"] = "类型", ["parent_code"] = "上级代码", ["established"] = "设立日期",
        ["abolished"] = "撤销日期", ["as_of"] = "统计日期", ["id_number"] = "身份证号", ["gender"] = "性别", ["unit_code"] = "工作单位代码",
        ["post_category"] = "岗位类别", ["employment"] = "用工方式", ["part_time_since"] = "兼职起始日期", ["hired"] = "入职日期",
        ["left"] = "离职日期", ["talent_source"] = "人才来源", ["education"] = "学历", ["major"] = "所学专业",
        ["salary_supplement"] = "基本工资增发", ["exam_year"] = "考试年度", ["level"] = "资格级别", ["result"] = "考试结果",
        ["certificate_no"] = "证书编号", ["issued"] = "发证日期", ["year"] = "年度", ["appraisal_type"] = "考评类型",
        ["assessor_code"] = "考评单位代码", ["ethics_score"] = "职业操守", ["performance_score"] = "服务绩效",
        ["satisfaction_score"] = "群众满意度", ["grade"] = "考评等次", ["requested"] = "申报数", ["approved"] = "审定数",
        ["category"] = "类别", ["professional_title"] = "职称",
    };

    public required string FileName { get; init; }
    public required string Encoding { get; init; }
    public required IReadOnlyList<string> Header { get; init; }
    /// <summary>Data rows with their line number (line 1 = the header).</summary>
    public required IReadOnlyList<(int Line, string[] Fields)> Rows { get; init; }

    public bool Has(string column) => Header.Contains(column);

    public string Get(string[] fields, string column)
    {
        var i = ((List<string>)Header).IndexOf(column);
        return i < 0 || i >= fields.Length ? "" : fields[i];
    }

    public static ExtractTable Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        string text, encoding;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            (text, encoding) = (new UTF8Encoding(false, true).GetString(bytes, 3, bytes.Length - 3), "UTF-8 BOM");
        else
        {
            try { (text, encoding) = (new UTF8Encoding(false, true).GetString(bytes), "UTF-8"); }
            catch (DecoderFallbackException)
            {
                System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                (text, encoding) = (System.Text.Encoding.GetEncoding("GB18030").GetString(bytes), "GB18030");
            }
        }
        using var parser = new CsvParser(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture));
        var records = new List<string[]>();
        while (parser.Read()) records.Add(parser.Record!);
        var header = records[0].Select(h => Aliases.GetValueOrDefault(h.Trim(), h.Trim())).ToList();
        return new ExtractTable
        {
            FileName = Path.GetFileName(path), Encoding = encoding, Header = header,
            Rows = records.Skip(1).Select((r, i) => (i + 2, r)).ToList(),
        };
    }
}

/// <summary>The checks the tests apply to values, written here from the contract (not taken from the generator).</summary>
internal static class ContractChecks
{
    public static bool ValidId(string id)
    {
        if (id.Length != 18 || !id[..17].All(char.IsAsciiDigit)) return false;
        int[] w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (id[i] - '0') * w[i];
        if ("10X98765432"[sum % 11] != char.ToUpperInvariant(id[17])) return false;
        return DateOnly.TryParseExact(id.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];

    public static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static bool ValidOrEmptyDate(string text) => text.Trim().Length == 0 || Date(text) is not null;
}
