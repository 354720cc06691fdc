using System.Diagnostics;
using Analytics.Warehouse.Research;

namespace Analytics.Etl.Reliability;

/// <summary>What one CLI child process did.</summary>
internal sealed record ChildRun(int ExitCode, string Out, string Err, TimeSpan Elapsed, bool Killed);

/// <summary>
/// Runs this CLI (Analytics.Etl beside the running application) as a child process, as an operator would: the
/// harness knows the commands and the warehouse's tables, never the loader's code.
/// </summary>
internal sealed class EtlChild(string workingDirectory, string personKey)
{
    public ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var info = ResearchWorkerProcess.StartInfo(null);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.WorkingDirectory = workingDirectory;
        info.Environment["ANALYTICS_PERSON_KEY"] = personKey;
        return info;
    }

    /// <summary>Runs to the end, or kills the process (SIGKILL) after killAfter when given.</summary>
    public ChildRun Run(IEnumerable<string> args, TimeSpan? killAfter = null, TimeSpan? limit = null)
    {
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(StartInfo(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var killed = false;
        if (killAfter is { } delay && !process.WaitForExit(delay))
        {
            process.Kill(entireProcessTree: true);
            killed = true;
        }
        if (!process.WaitForExit(limit ?? TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ChildRun(-1, stdout.Result, "timed out: " + stderr.Result, watch.Elapsed, true);
        }
        process.WaitForExit();
        return new ChildRun(process.ExitCode, stdout.Result, stderr.Result, watch.Elapsed, killed);
    }

    /// <summary>Signs of a crash rather than a handled refusal: a .NET stack trace or an unhandled exception.</summary>
    public static bool LooksLikeACrash(ChildRun run) =>
        run.Err.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase) || run.Out.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase)
        || run.Err.Contains("   at ", StringComparison.Ordinal) || run.Out.Contains("   at Analytics.", StringComparison.Ordinal);
}
