using Analytics.Etl.Extracts;

namespace Analytics.Etl.Loading;

public enum LoadOutcome { Loaded, AlreadyLoaded, Refused, Failed }

/// <summary>What happened to one file.</summary>
public sealed record FileLoadResult(
    string FilePath,
    string FileName,
    LoadOutcome Outcome,
    ExtractKind? Kind,
    int RowsRead,
    int RowsLoaded,
    int RowsQuarantined,
    string? MessageZh,
    string? MessageEn,
    IReadOnlyList<string> IgnoredColumns,
    double Seconds = 0,
    string? EncodingName = null)
{
    /// <summary>Rows read per second over the whole file's load (reading, checking, appending, merging, committing).</summary>
    public double RowsPerSecond => Seconds > 0 ? RowsRead / Seconds : 0;

    public static FileLoadResult Problem(string path, LoadOutcome outcome, ExtractKind? kind, string zh, string en) =>
        new(path, Path.GetFileName(path), outcome, kind, 0, 0, 0, zh, en, []);
}

/// <summary>Progress of a load call: the file being read, and the whole call (file k of n, share of all bytes, ETA).</summary>
public sealed record LoadProgress(
    string FileName, int RowsRead, double RowsPerSecond, double FractionDone,
    int FileNumber = 1, int FileCount = 1, double OverallFraction = 0, TimeSpan? Eta = null);

/// <summary>All files of one load call.</summary>
public sealed record LoadReport(IReadOnlyList<FileLoadResult> Files)
{
    public bool AnyFailed => Files.Any(f => f.Outcome == LoadOutcome.Failed);
    public bool AnyRefused => Files.Any(f => f.Outcome == LoadOutcome.Refused);
    public int RowsLoaded => Files.Sum(f => f.RowsLoaded);
    public int RowsQuarantined => Files.Sum(f => f.RowsQuarantined);
}
