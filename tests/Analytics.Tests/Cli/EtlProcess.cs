using System.Diagnostics;

namespace Analytics.Tests.Cli;

/// <summary>Runs the real built CLI (Analytics.Etl, copied beside the tests) as its own process.</summary>
internal static class EtlProcess
{
    private static string Executable => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "Analytics.Etl.exe" : "Analytics.Etl");

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["ANALYTICS_PERSON_KEY"] = "cli-test-secret";
        return info;
    }

    public static Task<(int ExitCode, string Out, string Err)> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(StartInfo(workingDirectory, args));

    /// <summary>Runs with the person key taken from the environment as given (null: no ANALYTICS_PERSON_KEY at all).</summary>
    public static Task<(int ExitCode, string Out, string Err)> RunWithKeyAsync(string? personKey, string workingDirectory, params string[] args)
    {
        var info = StartInfo(workingDirectory, args);
        if (personKey is null) info.Environment.Remove("ANALYTICS_PERSON_KEY");
        else info.Environment["ANALYTICS_PERSON_KEY"] = personKey;
        return RunAsync(info);
    }

    public static async Task<(int ExitCode, string Out, string Err)> RunAsync(ProcessStartInfo info)
    {
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Waits for a host's "Application started" line (probing the file would race with the host's own open).</summary>
    public static async Task WaitUntilStarted(Process host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await host.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            if (line.Contains("Application started", StringComparison.Ordinal))
            {
                _ = host.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return;
            }
        throw new InvalidOperationException("the schedule process ended before it started: " + await host.StandardError.ReadToEndAsync());
    }
}
