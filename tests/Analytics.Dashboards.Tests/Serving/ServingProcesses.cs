using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Analytics.Dashboards.Tests.Serving;

/// <summary>The built CLI and dashboard (copied beside the tests) run as their own OS processes: DuckDB locks per process.</summary>
internal static class ServingProcesses
{
    private static string Apphost(string name) => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? name + ".exe" : name);

    private static ProcessStartInfo StartInfo(string name, string workingDirectory, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(Apphost(name))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["ANALYTICS_PERSON_KEY"] = "serving-test-secret";
        return info;
    }

    /// <summary>Runs `Analytics.Etl args...` to its end (at most 5 minutes).</summary>
    public static async Task<(int ExitCode, string Out, string Err)> EtlAsync(string workingDirectory, params string[] args)
    {
        using var process = Process.Start(StartInfo("Analytics.Etl", workingDirectory, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A dashboard process serving a published copy read-only, on its own port, with its own users and local file.</summary>
    public static ReplicaProcess StartReplica(string copy, string folder)
    {
        Directory.CreateDirectory(folder);
        var url = $"http://127.0.0.1:{FreePort()}";
        var process = Process.Start(StartInfo("Analytics.Dashboards", folder,
        [
            "--read-only", copy, $"--Urls={url}", "--ReadOnly:PollInterval=00:00:00.500",
            $"--ReadOnly:LocalPath={Path.Combine(folder, "replica-local.duckdb")}",
            $"--Dashboard:TargetsPath={Support.TestPaths.ShippedTargets}", $"--contentRoot={AppContext.BaseDirectory}",
            $"--Auth:UsersDatabase={Path.Combine(folder, "users.db")}", $"--Auth:UsersFile={Path.Combine(folder, "users.json")}",
            $"--Auth:AdminPasswordFile={Path.Combine(folder, "admin-password.txt")}",
        ]))!;
        var replica = new ReplicaProcess(process, url, folder);
        process.OutputDataReceived += (_, e) => replica.Log(e.Data);
        process.ErrorDataReceived += (_, e) => replica.Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return replica;
    }
}

/// <summary>One running read-only dashboard process: its URL, its output (for failure messages), a signed-in client.</summary>
internal sealed class ReplicaProcess(Process process, string url, string folder) : IDisposable
{
    private readonly StringBuilder output = new();
    private readonly CookieContainer cookies = new();
    private HttpClient? client;

    public string Url { get; } = url;

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public int ProcessId => process.Id;

    public void Log(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    /// <summary>Waits for the process to answer, then signs in as the first admin it created.</summary>
    public async Task<HttpClient> SignedInAsync()
    {
        if (client is not null) return client;
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        var password = Path.Combine(folder, "admin-password.txt");
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"replica exited ({process.ExitCode}):\n{Output}");
            try
            {
                using var probe = await http.GetAsync(Analytics.Dashboards.Auth.AccountEndpoints.SignInPath);
                if (probe.IsSuccessStatusCode && File.Exists(password)) break;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"replica never answered:\n{Output}");
            await Task.Delay(250);
        }
        await Analytics.Dashboards.Auth.SignInClient.SignInAsync(http, Analytics.Dashboards.Auth.FirstAdmin.UserName, (await File.ReadAllTextAsync(password)).Trim());
        return client = http;
    }

    public void Dispose()
    {
        client?.Dispose();
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
        process.Dispose();
    }
}
