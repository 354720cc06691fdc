using System.Diagnostics;

namespace Analytics.Etl.Loading;

/// <summary>Turns per-file progress into whole-call progress: file k of n, share of all bytes, and an ETA.</summary>
internal sealed class LoadProgressTracker(IProgress<LoadProgress>? sink, IReadOnlyList<string> files)
{
    private readonly long totalBytes = Math.Max(1, files.Sum(SizeOf));
    private readonly long started = Stopwatch.GetTimestamp();
    private long bytesBefore;
    private long currentBytes;
    private int fileNumber;

    public void BeginFile(string path)
    {
        bytesBefore += currentBytes;
        currentBytes = SizeOf(path);
        fileNumber++;
    }

    public void Report(string fileName, int rows, double rowsPerSecond, double fileFraction)
    {
        if (sink is null) return;
        var overall = Math.Clamp((bytesBefore + fileFraction * currentBytes) / totalBytes, 0, 1);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var eta = overall > 0 ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - overall) / overall) : (TimeSpan?)null;
        sink.Report(new LoadProgress(fileName, rows, rowsPerSecond, fileFraction, fileNumber, files.Count, overall, eta));
    }

    private static long SizeOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
