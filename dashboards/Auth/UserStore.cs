using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboards.Auth;

/// <summary>A user of the users file: the role and the ASP.NET Core password hash (never the password).</summary>
internal sealed record StoredUser(string UserName, string Role, string PasswordHash, DateTimeOffset CreatedAt);

/// <summary>The users file (JSON): sign-in checks, adding users and resetting passwords; writes replace the file whole.</summary>
internal sealed class UserStore(IOptions<AuthOptions> options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly PasswordHasher<StoredUser> hasher = new();
    private readonly Lock gate = new();

    public string FilePath { get; } = Path.GetFullPath(options.Value.UsersFile);

    public IReadOnlyList<StoredUser> List()
    {
        lock (gate) return Read();
    }

    public StoredUser? Find(string userName) =>
        List().FirstOrDefault(u => string.Equals(u.UserName, userName.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The user when the password is right, else null.</summary>
    public StoredUser? Verify(string userName, string password)
    {
        var user = Find(userName);
        if (user is null) return null;
        return hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user;
    }

    /// <summary>Adds a user; throws ArgumentException when the name is taken, the role unknown or the password too short.</summary>
    public StoredUser Add(string userName, string role, string password)
    {
        userName = userName.Trim();
        if (userName.Length is < 2 or > 64 || userName.Any(char.IsWhiteSpace))
            throw new ArgumentException("用户名须为 2–64 个字符且不含空格 / The user name must be 2–64 characters without spaces.");
        if (!Roles.IsRole(role)) throw new ArgumentException($"未知角色 Unknown role: {role}");
        CheckPassword(password);
        lock (gate)
        {
            var users = Read();
            if (users.Any(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase)))
                throw new ArgumentException($"用户 {userName} 已存在 / The user {userName} exists already.");
            var user = new StoredUser(userName, role, "", clock.GetUtcNow());
            user = user with { PasswordHash = hasher.HashPassword(user, password) };
            Write([.. users, user]);
            return user;
        }
    }

    public void ResetPassword(string userName, string password)
    {
        CheckPassword(password);
        lock (gate)
        {
            var users = Read();
            var index = users.FindIndex(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));
            if (index < 0) throw new ArgumentException($"没有用户 {userName} / No user {userName}.");
            users[index] = users[index] with { PasswordHash = hasher.HashPassword(users[index], password) };
            Write(users);
        }
    }

    /// <summary>A random password of 16 letters and digits (no look-alikes).</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Concat(Enumerable.Range(0, 16).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]));
    }

    private static void CheckPassword(string password)
    {
        if (password.Length < 8) throw new ArgumentException("密码至少 8 个字符 / The password must have at least 8 characters.");
    }

    private List<StoredUser> Read() =>
        File.Exists(FilePath) ? JsonSerializer.Deserialize<List<StoredUser>>(File.ReadAllText(FilePath), Json) ?? [] : [];

    private void Write(List<StoredUser> users)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var temp = FilePath + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(users, Json));
        File.Move(temp, FilePath, overwrite: true);
    }
}
