using System.Diagnostics;
using System.Globalization;

namespace Analytics.Warehouse.Research;

/// <summary>Resident memory of a process: /proc/PID/status on Linux (VmRSS, VmHWM), the working set elsewhere.</summary>
internal static class ProcessMemory
{
    /// <summary>The process's resident memory now, in bytes (0 when it has gone).</summary>
    public static long ResidentBytes(Process process) => Read(process.Id, "VmRSS:") ?? Fallback(process, peak: false);

    /// <summary>The process's highest resident memory so far, in bytes (0 when it has gone).</summary>
    public static long PeakBytes(Process process) => Read(process.Id, "VmHWM:") ?? Fallback(process, peak: true);

    /// <summary>This process's own highest resident memory so far.</summary>
    public static long OwnPeakBytes()
    {
        using var self = Process.GetCurrentProcess();
        return PeakBytes(self);
    }

    private static long? Read(int pid, string field)
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith(field, StringComparison.Ordinal))
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0; // the process has ended
        }
    }

    private static long Fallback(Process process, bool peak)
    {
        try
        {
            process.Refresh();
            return peak ? process.PeakWorkingSet64 : process.WorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }
}
