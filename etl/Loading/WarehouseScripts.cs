using System.Reflection;

namespace Analytics.Etl.Loading;

/// <summary>The ETL's own embedded .sql files.</summary>
internal static class WarehouseScripts
{
    public static string Staging { get; } = Read("Loading/Staging.sql");

    public static string Read(string name)
    {
        var assembly = Assembly.GetExecutingAssembly();
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded script {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
