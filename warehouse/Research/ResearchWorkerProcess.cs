using System.Diagnostics;
using System.Text.Json;

namespace Analytics.Warehouse.Research;

/// <summary>Starts and stops the query process: Analytics.Etl research-worker, found beside this application.</summary>
public static class ResearchWorkerProcess
{
    /// <summary>Secrets the query process must not inherit (it reads only the de-identified research file).</summary>
    private static readonly string[] Withheld = ["ANALYTICS_PERSON_KEY", "Warehouse__PersonKey"];

    public static Process Start(ResearchOptions options)
    {
        var info = StartInfo(options.WorkerPath);
        info.ArgumentList.Add(ResearchQueryWorker.Verb);
        info.RedirectStandardInput = true;
        foreach (var name in Withheld) info.Environment.Remove(name);
        // The .NET heap of the query process stays small (the rows stream through it); DuckDB has its own memory_limit.
        info.Environment["DOTNET_GCHeapHardLimit"] = "0x10000000";
        info.Environment["DOTNET_gcServer"] = "0";
        return Process.Start(info) ?? throw new QueryFailedException("查询进程无法启动 / The query process could not be started.");
    }

    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { }
        catch (System.ComponentModel.Win32Exception) { }
    }

    /// <summary>
    /// The apphost Analytics.Etl beside this application (or the configured program), else Analytics.Etl.dll through the
    /// dotnet host; its standard output and error redirected, in UTF-8.
    /// </summary>
    public static ProcessStartInfo StartInfo(string? configured)
    {
        var info = Program(configured);
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.StandardOutputEncoding = System.Text.Encoding.UTF8;
        info.StandardErrorEncoding = System.Text.Encoding.UTF8;
        return info;
    }

    private static ProcessStartInfo Program(string? configured)
    {
        var folder = AppContext.BaseDirectory;
        var path = configured ?? Path.Combine(folder, OperatingSystem.IsWindows() ? "Analytics.Etl.exe" : "Analytics.Etl");
        if (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            return DotnetHost(path);
        if (File.Exists(path)) return new ProcessStartInfo(path);
        var dll = Path.Combine(folder, "Analytics.Etl.dll");
        if (configured is null && File.Exists(dll)) return DotnetHost(dll);
        throw new QueryFailedException($"找不到查询进程程序 {path} / The query process program {path} was not found (Research:WorkerPath).");
    }

    private static ProcessStartInfo DotnetHost(string dll)
    {
        var host = Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
        var info = new ProcessStartInfo(host);
        info.ArgumentList.Add(dll);
        return info;
    }
}

/// <summary>What the query process sent back, read line by line; rows beyond the cap are never kept.</summary>
internal sealed class ResearchWorkerAnswer
{
    private Type[] types = [];

    public List<ResearchColumn>? Columns { get; private set; }
    public List<object?[]> Rows { get; } = [];
    public bool Aggregate { get; private set; }
    public bool Truncated { get; private set; }
    public bool Ended { get; private set; }
    public long Peak { get; private set; }
    public (string Kind, string Zh, string En)? Error { get; private set; }
    public string StandardError { get; set; } = "";

    private int cap = int.MaxValue;

    public void Read(JsonElement line, int maxRows)
    {
        cap = maxRows;
        switch (line.GetProperty("t").GetString())
        {
            case "columns":
                Aggregate = line.GetProperty("aggregate").GetBoolean();
                Columns = line.GetProperty("columns").EnumerateArray().Select(c => new ResearchColumn(
                    c.GetProperty("name").GetString() ?? "", c.GetProperty("type").GetString() ?? "",
                    ResearchWire.TypeNamed(c.GetProperty("clr").GetString() ?? ""))).ToList();
                types = Columns.Select(c => c.ClrType).ToArray();
                break;
            case "end":
                Truncated |= line.GetProperty("truncated").GetBoolean();
                Peak = line.GetProperty("peak").GetInt64();
                Ended = true;
                break;
            case "error":
                Error = (line.GetProperty("kind").GetString() ?? "failed", line.GetProperty("zh").GetString() ?? "", line.GetProperty("en").GetString() ?? "");
                break;
        }
    }

    public void AddRow(JsonElement row)
    {
        if (Rows.Count >= cap) { Truncated = true; return; }
        var values = new object?[types.Length];
        var i = 0;
        foreach (var value in row.EnumerateArray())
        {
            if (i < values.Length) values[i] = ResearchWire.ReadValue(value, types[i]);
            i++;
        }
        Rows.Add(values);
    }
}
