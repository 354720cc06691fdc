using System.Security.Cryptography;
using Analytics.Warehouse.Storage;

namespace Analytics.Warehouse.People;

/// <summary>
/// Finds the person-hash key: configuration (Warehouse:PersonKey), else the ANALYTICS_PERSON_KEY environment
/// variable, else the key file; on first use of the embedded default the key file is generated.
/// </summary>
internal static class PersonKeySource
{
    public const string EnvironmentVariable = "ANALYTICS_PERSON_KEY";

    public static PersonKeyHasher Resolve(WarehouseOptions options)
    {
        var configured = options.PersonKey ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return new PersonKeyHasher(System.Text.Encoding.UTF8.GetBytes(configured.Trim()));

        var file = Path.GetFullPath(options.PersonKeyFile);
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) + "\n");
        }
        return new PersonKeyHasher(System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(file).Trim()));
    }
}
