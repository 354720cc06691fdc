namespace Analytics.Etl.DemoData;

/// <summary>What to generate: where, how big ("city" or "province"), which seed, which years (inclusive).</summary>
public sealed record DemoDataOptions(string OutDir, string Scale = "city", int Seed = 20190101, int From = 2019, int To = 2026)
{
    public const string City = "city", Province = "province";

    /// <summary>The problems with these options, empty when they can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(OutDir)) problems.Add("--out is required");
        if (Scale is not (City or Province)) problems.Add($"--scale must be '{City}' or '{Province}', not '{Scale}'");
        if (From < 2016 || From > 2040) problems.Add("--from must be a year between 2016 and 2040");
        if (To < From || To > 2040) problems.Add("--to must be a year between --from and 2040");
        return problems;
    }
}

/// <summary>One file the generator wrote: its name, the extract kind, the encoding and the number of data rows.</summary>
public sealed record DemoFileSummary(string FileName, string Kind, string Encoding, int Rows);

/// <summary>A deliberately bad row: where it is (line 1 = the header) and why a loader must quarantine it.</summary>
public sealed record DemoBadRow(string FileName, int LineNumber, string? Column, string ReasonZh, string ReasonEn);

/// <summary>What one run wrote.</summary>
public sealed record DemoDataSummary(string OutDir, IReadOnlyList<DemoFileSummary> Files, IReadOnlyList<DemoBadRow> BadRows)
{
    public int TotalRows => Files.Sum(f => f.Rows);
}
