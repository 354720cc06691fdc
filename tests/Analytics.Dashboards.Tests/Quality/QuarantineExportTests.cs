using System.Text;
using Analytics.Dashboards.Quality;
using Analytics.Dashboards.Tests.Support;

namespace Analytics.Dashboards.Tests.Quality;

public sealed class QuarantineExportTests
{
    [Fact]
    public void Csv_is_utf8_with_bom_quotes_commas_and_keeps_the_filter()
    {
        using var warehouse = new TestWarehouse();
        warehouse.Execute("""
            INSERT INTO load_run (load_id, file_name, sha256, kind, started_at, outcome) VALUES (7, '花名册.csv', 'x', 'roster', '2023-07-01', 'loaded');
            INSERT INTO load_message (load_id, file_name, line_number, column_name, reason_zh, reason_en) VALUES
              (7, '花名册.csv', 4, '学历', '学历"硕士"无效，应为: 本科, 硕士研究生', 'education "硕士" invalid, expected: 本科, 硕士研究生'),
              (7, 'other.csv', 2, NULL, '字段数错误', 'wrong field count');
            """);
        var rows = new QualityQueries(warehouse.Connections).Quarantine(new QuarantineFilter("花名册.csv", null));

        var bytes = QuarantineExport.Write(rows);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("文件 file_name,行号 line_number", lines[0]);
        Assert.Equal("花名册.csv,4,学历,\"学历\"\"硕士\"\"无效，应为: 本科, 硕士研究生\",\"education \"\"硕士\"\" invalid, expected: 本科, 硕士研究生\",roster,7", lines[1]);
    }
}
