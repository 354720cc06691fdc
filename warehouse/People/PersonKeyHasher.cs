using System.Security.Cryptography;
using System.Text;

namespace Analytics.Warehouse.People;

/// <summary>Keys a person by HMAC-SHA256 of the normalised 18-digit ID number under the deployment's secret.</summary>
public sealed class PersonKeyHasher(byte[] key)
{
    /// <summary>What the warehouse stores to recognise its key: an HMAC of a fixed text under the key (not the key).</summary>
    public string Fingerprint { get; } = FingerprintOf(key);

    public string KeyOf(string normalisedId18) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(normalisedId18)))[..32];

    public static string FingerprintOf(byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, "analytics/person-key-fingerprint/v1"u8))[..16];

    /// <summary>The same keys as <see cref="KeyOf"/>, for a whole load (see <see cref="PersonKeyBatch"/>).</summary>
    public PersonKeyBatch StartBatch() => new(key);

    /// <summary>510104********123X: the region code and the last four characters.</summary>
    public static string Mask(string id18) => string.Concat(id18.AsSpan(0, 6), new string('*', id18.Length - 10), id18.AsSpan(id18.Length - 4));

    /// <summary>张三 → 张*, 欧阳娜娜 → 欧***.</summary>
    public static string MaskName(string name) =>
        name.Length <= 1 ? name : string.Concat(name.AsSpan(0, 1), new string('*', name.Length - 1));
}

/// <summary>
/// <see cref="PersonKeyHasher.KeyOf"/> for many people in a row: the HMAC key is set up once, not once per person
/// (a load keys millions of rows). One thread at a time.
/// </summary>
public sealed class PersonKeyBatch(byte[] key) : IDisposable
{
    private readonly IncrementalHash hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);

    public string KeyOf(string normalisedId18)
    {
        Span<byte> id = stackalloc byte[normalisedId18.Length];
        Span<byte> mac = stackalloc byte[32];
        Encoding.ASCII.GetBytes(normalisedId18, id);
        hmac.AppendData(id);
        hmac.GetHashAndReset(mac);
        return Convert.ToHexStringLower(mac[..16]);
    }

    public void Dispose() => hmac.Dispose();
}
