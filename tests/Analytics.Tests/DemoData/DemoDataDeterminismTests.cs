using System.CommandLine;
using System.Security.Cryptography;
using Analytics.Etl.Cli;
using Analytics.Etl.DemoData;

namespace Analytics.Tests.DemoData;

[Collection(DemoDataCollection.Name)]
public sealed class DemoDataDeterminismTests(DemoDataFixture fixture) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "demodata-det-" + Guid.NewGuid().ToString("N"));

    private static SortedDictionary<string, string> Hashes(string folder) => new(
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);

    [Fact]
    public void SameSeedWritesIdenticalBytes()
    {
        var again = Path.Combine(_root, "again");
        var summary = DemoDataGenerator.Write(new DemoDataOptions(again));

        var first = Hashes(fixture.Folder);
        var second = Hashes(again);
        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, kv => Assert.Equal(kv.Value, second[kv.Key]));
        Assert.Equal(fixture.Summary.BadRows, summary.BadRows);
    }

    [Fact]
    public void DifferentSeedWritesDifferentContent()
    {
        var a = DemoDataGenerator.Write(new DemoDataOptions(Path.Combine(_root, "a"), Seed: 7, From: 2019, To: 2020));
        var b = DemoDataGenerator.Write(new DemoDataOptions(Path.Combine(_root, "b"), Seed: 8, From: 2019, To: 2020));

        var ha = Hashes(a.OutDir);
        var hb = Hashes(b.OutDir);
        Assert.Equal(ha.Keys, hb.Keys);
        // Every file with people or synthetic units differs (the district rows alone are the same real ones).
        Assert.All(ha.Keys, name => Assert.NotEqual(ha[name], hb[name]));
        // ...but the 20 real districts are the same in both.
        var da = ExtractTable.Read(Path.Combine(a.OutDir, "区划名录.csv")).Rows.Where(r => r.Fields[0].Length == 6).Select(r => string.Join(",", r.Fields));
        var db = ExtractTable.Read(Path.Combine(b.OutDir, "区划名录.csv")).Rows.Where(r => r.Fields[0].Length == 6).Select(r => string.Join(",", r.Fields));
        Assert.Equal(da, db);
    }

    [Fact]
    public void CommandWritesTheFilesForTheChosenYears()
    {
        var root = new RootCommand { CliCommands.DemoData() };
        var output = Path.Combine(_root, "cli");

        var exit = root.Parse(["demo-data", "--out", output, "--seed", "3", "--from", "2024", "--to", "2025"]).Invoke();

        Assert.Equal(0, exit);
        var names = Directory.GetFiles(output).Select(Path.GetFileName).ToHashSet();
        Assert.Contains("2024年06月社区工作者花名册.csv", names);
        Assert.Contains("2024年12月社区工作者花名册.csv", names);
        Assert.Contains("2025年06月社区工作者花名册.csv", names);
        Assert.DoesNotContain("2025年12月社区工作者花名册.csv", names);
        Assert.Contains("exam_2025.csv", names);
        Assert.Contains("2024年绩效考评结果.csv", names);
        Assert.DoesNotContain("2025年绩效考评结果.csv", names);
        Assert.Equal(3, names.Count(n => n!.EndsWith("花名册.csv", StringComparison.Ordinal)));
    }

    [Fact]
    public void CommandRefusesAnUnknownScale()
    {
        var root = new RootCommand { CliCommands.DemoData() };
        var output = Path.Combine(_root, "refused");

        var exit = root.Parse(["demo-data", "--out", output, "--scale", "country"]).Invoke();

        Assert.NotEqual(0, exit);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void ProvinceScaleHasAboutTenTimesTheUnits()
    {
        var summary = DemoDataGenerator.Write(new DemoDataOptions(Path.Combine(_root, "province"), Scale: "province", From: 2026, To: 2026));
        var register = ExtractTable.Read(Path.Combine(summary.OutDir, "区划名录.csv"));
        var city = fixture.Table("区划名录.csv");

        double Units(ExtractTable t) => t.Rows.Count(r => r.Fields[0].Length == 12);
        var ratio = Units(register) / Units(city);
        Assert.InRange(ratio, 7.5, 13);
        Assert.Equal(200, register.Rows.Count(r => r.Fields[0].Length == 6));
        Assert.All(register.Rows.Where(r => r.Fields[0].Length == 6).Skip(20), r => Assert.StartsWith("演示", r.Fields[1]));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
