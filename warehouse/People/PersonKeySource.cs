using System.Security.Cryptography;
using System.Text;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.People;

/// <summary>
/// Finds the person-hash key of a warehouse and checks it against the fingerprint the warehouse keeps. The key is
/// configuration (Warehouse:PersonKey), else the ANALYTICS_PERSON_KEY environment variable, else the key file beside
/// the warehouse (Warehouse:PersonKeyFile, relative to the warehouse's folder; default person-key.txt there) — never
/// a path resolved against the working directory. A new key is generated only for a warehouse that holds no people;
/// a different key, or a missing key file, on a warehouse with people is refused (<see cref="PersonKeyRefusedException"/>).
/// </summary>
internal static class PersonKeySource
{
    public const string EnvironmentVariable = "ANALYTICS_PERSON_KEY";
    public const string DefaultFileName = "person-key.txt";

    /// <summary>The key file of this warehouse (used when no key is configured).</summary>
    public static string KeyFilePath(WarehouseOptions options) => string.IsNullOrWhiteSpace(options.PersonKeyFile)
        ? Path.Combine(options.DataFolder, DefaultFileName)
        : Path.GetFullPath(options.PersonKeyFile, options.DataFolder);

    /// <summary>The checked key of the warehouse (opening it: a warehouse held by another process is reported as such).</summary>
    /// <exception cref="PersonKeyRefusedException">The key is not the one the warehouse's people were keyed with.</exception>
    public static PersonKeyHasher Resolve(WarehouseOptions options, WarehouseDatabase database)
    {
        var (key, source) = Find(options);
        using var connection = database.OpenWritableOrReadOnly(out var readOnly);
        var (stored, people) = Binding(connection);
        if (key is null)
        {
            if (people > 0)
                throw PersonKeyRefusedException.Missing(database.FullPath, KeyFilePath(options), stored, people);
            key = Generate(KeyFilePath(options));
            source = KeyFilePath(options);
        }
        var hasher = new PersonKeyHasher(key);
        if (stored == hasher.Fingerprint) return hasher;
        if (stored is not null && people > 0)
            throw PersonKeyRefusedException.Different(database.FullPath, source, stored, hasher.Fingerprint, people);
        // No fingerprint yet (a new warehouse, or one made before fingerprints), or no people keyed yet: this key is its key.
        if (!readOnly)
            connection.Execute("UPDATE warehouse_identity SET person_key_fingerprint = $fingerprint",
                new DuckDBParameter("fingerprint", hasher.Fingerprint));
        return hasher;
    }

    private static (byte[]? Key, string Source) Find(WarehouseOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.PersonKey)) return (Encoding.UTF8.GetBytes(options.PersonKey.Trim()), "Warehouse:PersonKey");
        var environment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(environment)) return (Encoding.UTF8.GetBytes(environment.Trim()), EnvironmentVariable);
        var file = KeyFilePath(options);
        if (!File.Exists(file)) return (null, file);
        var text = File.ReadAllText(file).Trim();
        return (text.Length == 0 ? null : Encoding.UTF8.GetBytes(text), file);
    }

    private static (string? Fingerprint, long People) Binding(DuckDBConnection connection) =>
        (WarehouseIdentity.KeyFingerprint(connection),
         Convert.ToInt64(connection.Scalar("SELECT count(*) FROM person"), System.Globalization.CultureInfo.InvariantCulture));

    private static byte[] Generate(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        try
        {
            using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new StreamWriter(stream)) writer.WriteLine(key);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        catch (IOException) when (File.Exists(file))
        {
            return Encoding.UTF8.GetBytes(File.ReadAllText(file).Trim()); // another process made it a moment ago: use that one
        }
        return Encoding.UTF8.GetBytes(key);
    }
}

/// <summary>The person key found is not the one the warehouse's people were keyed with (or it is missing).</summary>
public sealed class PersonKeyRefusedException(string message) : Exception(message)
{
    public static PersonKeyRefusedException Missing(string warehouse, string keyFile, string? stored, long people) => new(
        $"找不到人员密钥：仓库 {warehouse} 已有 {people:N0} 名人员（用指纹为 {stored ?? "未记录"} 的密钥编码），但密钥文件 {keyFile} 不存在，" +
        $"也没有配置 Warehouse:PersonKey 或环境变量 {PersonKeySource.EnvironmentVariable}。为免用新密钥把同一个人编成另一个人，不会自动生成新密钥。" +
        $"请把原来的密钥文件放回 {keyFile}（或从备份取回），或配置原来的密钥。 / " +
        $"Person key not found: the warehouse {warehouse} holds {people:N0} people keyed with the key of fingerprint {stored ?? "(not recorded)"}, " +
        $"but the key file {keyFile} does not exist and neither Warehouse:PersonKey nor {PersonKeySource.EnvironmentVariable} is set. " +
        $"A new key is not generated, since it would turn the same person into another. Put the original key file back at {keyFile} " +
        "(or take it from a backup), or configure the original key.");

    public static PersonKeyRefusedException Different(string warehouse, string source, string stored, string found, long people) => new(
        $"人员密钥与仓库不符：仓库 {warehouse} 中的 {people:N0} 名人员是用另一把密钥（指纹 {stored}）编码的，而现在的密钥（来自 {source}，指纹 {found}）不是它。" +
        "用错密钥，同一个人会对不上（例如持证人数变成 0），所以拒绝运行。请使用原来的密钥（放回原密钥文件，或配置 Warehouse:PersonKey / " +
        $"{PersonKeySource.EnvironmentVariable}）。 / The person key does not match the warehouse: its {people:N0} people in {warehouse} were keyed " +
        $"with another key (fingerprint {stored}), and the key now found (from {source}, fingerprint {found}) is not it. With a wrong key the same " +
        "person no longer matches (e.g. certified becomes 0), so this is refused. Use the original key (put the original key file back, " +
        $"or set Warehouse:PersonKey / {PersonKeySource.EnvironmentVariable}).");
}
