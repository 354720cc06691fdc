using System.Text;
using Analytics.Etl.Extracts;
using Analytics.Etl.Extracts.Kinds;

namespace Analytics.Tests.Extracts;

/// <summary>A temp folder of its own for each test, to write extract files into.</summary>
internal sealed class ExtractTestFolder : IDisposable
{
    public ExtractTestFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "extract-tests-" + Guid.NewGuid().ToString("N"));

    public string Write(string fileName, string text, Encoding? encoding = null)
    {
        var path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    public string WriteBytes(string fileName, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>Codes the tests pretend the warehouse knows.</summary>
internal sealed class TestUnits(params string[] codes) : IKnownUnits
{
    private readonly HashSet<string> codes = [.. codes];

    public bool TryGet(ReadOnlySpan<char> code, out string known)
    {
        known = code.ToString();
        return codes.Contains(known);
    }

    public static TestUnits Chengdu() => new("510104", "510104001", "510104002", "510104001001", "510104001201", "510105");
}

/// <summary>A clock fixed at a given instant (Beijing time), so "the current year" is known to the tests.</summary>
internal sealed class FixedClock(int year, int month = 6, int day = 15) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(year, month, day, 4, 0, 0, TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

internal static class ExtractTestText
{
    public const string RosterHeader =
        "统计日期,身份证号,姓名,性别,工作单位代码,岗位类别,用工方式,兼职起始日期,入职日期,离职日期,人才来源,学历,所学专业,基本工资增发";

    /// <summary>A good roster line; override cells by header name.</summary>
    public static string RosterLine(string id, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var cells = new Dictionary<string, string>
        {
            ["统计日期"] = "2024-12-31", ["身份证号"] = id, ["姓名"] = "张三", ["性别"] = "", ["工作单位代码"] = "510104001001",
            ["岗位类别"] = "社区专职工作者", ["用工方式"] = "专职", ["兼职起始日期"] = "", ["入职日期"] = "2020-03-01",
            ["离职日期"] = "", ["人才来源"] = "存量转岗", ["学历"] = "本科", ["所学专业"] = "社会工作", ["基本工资增发"] = "",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            cells[key] = value;
        }

        return string.Join(",", RosterHeader.Split(',').Select(h => cells[h]));
    }
}
