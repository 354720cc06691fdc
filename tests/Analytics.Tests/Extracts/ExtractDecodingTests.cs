using System.Text;
using Analytics.Etl.Extracts;

namespace Analytics.Tests.Extracts;

/// <summary>
/// One pass over the bytes: the encoding is decided from a bounded window at the first non-ASCII byte, the decode stays
/// strict to the end, records cross buffer boundaries, and the SHA-256 is the file's.
/// </summary>
public sealed class ExtractDecodingTests : IDisposable
{
    private const string SitesHeader = "名称,区划代码,认定年度,类别";
    private readonly ExtractTestFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static ExtractFile Open(string path) => ExtractFile.Open(path, TestUnits.Chengdu(), new FixedClock(2025));

    [Fact]
    public void An_invalid_byte_far_past_the_detection_window_refuses_the_whole_file_at_its_line()
    {
        var good = Encoding.UTF8.GetBytes(SitesHeader + "\n" + string.Concat(Enumerable.Repeat("锦江区示范点,510104,2022,示范点\n", 20_000)));
        Assert.True(good.Length > 4 * ExtractDecoder.DetectionWindow);
        var path = folder.WriteBytes("sites.csv", [.. good, .. "坏"u8.ToArray()[..2], .. ",510104,2022,示范点\n"u8.ToArray()]);

        using var file = Open(path);
        Assert.Equal("utf-8", file.EncodingName);
        var refused = Assert.Throws<ExtractRefusedException>(() => file.Read(ExtractKinds.DemoSites).Count());
        Assert.Contains("20002", refused.ReasonZh); // the header, 20,000 rows, then the broken line
        Assert.Contains("not utf-8", refused.ReasonEn);
    }

    [Fact]
    public void A_gb18030_file_that_is_ascii_for_its_first_window_is_recognised_at_its_first_chinese_byte()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = new StringBuilder("year,unit_code,requested,note\n");
        for (var i = 0; i < 10_000; i++) text.Append("2024,510104,").Append(i).Append(",\n");
        text.Append("2024,510105,7,备注：补报\n");
        var path = folder.Write("quota.csv", text.ToString(), Encoding.GetEncoding("GB18030"));
        Assert.True(new FileInfo(path).Length > 2 * ExtractDecoder.DetectionWindow);

        using var file = Open(path);
        var rows = file.Read(ExtractKinds.PostQuotas).ToList();
        Assert.Equal("gb18030", file.EncodingName);
        Assert.Equal(10_001, rows.Count(r => r.IsGood));
        Assert.Equal(["note"], file.IgnoredColumns);
    }

    [Fact]
    public void Records_and_quoted_line_breaks_across_buffer_boundaries_keep_their_physical_line_numbers()
    {
        var text = new StringBuilder(SitesHeader).Append("\r\n");
        var line = 2;
        var expected = new List<(int Line, string Name)>();
        for (var i = 0; i < 6_000; i++)
        {
            var multiline = i % 997 == 0;
            var name = multiline ? $"第{i}个\r\n\"多行\"\r\n示范点" : $"示范点{i}";
            text.Append(multiline ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : name).Append(",510104,2022,示范点\r\n");
            expected.Add((line, name));
            line += multiline ? 3 : 1;
        }

        using var file = Open(folder.Write("sites.csv", text.ToString()));
        var rows = file.Read(ExtractKinds.DemoSites).ToList();
        Assert.Equal(expected, rows.Select(r => (r.LineNumber, r.Row!.Name)).ToList());
    }

    [Fact]
    public void The_hash_taken_while_reading_is_the_files_sha256()
    {
        var path = folder.Write("sites.csv", SitesHeader + "\n锦江区示范点,510104,2022,示范点\n\n\n");
        using var file = Open(path);
        _ = file.Read(ExtractKinds.DemoSites).ToList();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), file.Sha256());
    }

    [Fact]
    public void The_hash_of_a_file_refused_halfway_still_covers_every_byte()
    {
        var path = folder.Write("r.csv", ExtractTestText.RosterHeader + "\n" + ExtractTestText.RosterLine(TestIds.Person(1)) + "\n"
            + ExtractTestText.RosterLine(TestIds.Person(2), new Dictionary<string, string> { ["统计日期"] = "2024-06-30" }) + "\n"
            + string.Concat(Enumerable.Repeat(ExtractTestText.RosterLine(TestIds.Person(3)) + "\n", 3000)));
        using var file = Open(path);
        Assert.Throws<ExtractRefusedException>(() => file.Read(ExtractKinds.Roster).ToList());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), file.Sha256());
    }

    [Fact]
    public void The_extract_writer_and_the_reader_agree_on_quotes_commas_line_breaks_and_encodings()
    {
        string[] values = ["a,b", "say \"hi\"", "two\r\nlines", " padded ", "普通"];
        foreach (var encoding in new[] { ExtractCsvWriter.Utf8, ExtractCsvWriter.Utf8Bom, ExtractCsvWriter.Gb18030 })
        {
            var path = Path.Combine(folder.Path, $"w-{encoding}.csv");
            using (var writer = new ExtractCsvWriter(path, encoding))
            {
                writer.WriteRecord(SitesHeader.Split(','));
                foreach (var v in values) writer.WriteRecord([v, "510104", "2022", "示范点"]);
            }

            using var file = Open(path);
            Assert.Equal(encoding, file.EncodingName);
            Assert.Equal(values.Select(v => v.Trim()), file.Read(ExtractKinds.DemoSites).Select(r => r.Row!.Name));
        }
    }
}
