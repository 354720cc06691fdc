using System.Reflection;

namespace Analytics.Etl.Loading;

/// <summary>The ETL's own embedded .sql files.</summary>
internal static class WarehouseScripts
{
    public static string Staging { get; } = Read("Loading/Staging.sql");

    /// <summary>DROP TABLE for every table Staging.sql creates.</summary>
    public static string StagingDrop { get; } = string.Concat(
        System.Text.RegularExpressions.Regex.Matches(Staging, @"CREATE OR REPLACE TABLE (main\.stage_\w+)")
            .Select(m => $"DROP TABLE {m.Groups[1].Value};"));

    public static string Read(string name)
    {
        var assembly = Assembly.GetExecutingAssembly();
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded script {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
