using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Dashboards.Auth;

/// <summary>A user as the admin page lists it (never the password hash).</summary>
internal sealed record UserSummary(string UserName, string Role, string? DistrictCode, bool Disabled, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);

/// <summary>A refused user change; <see cref="Key"/> is the UI string (UiStrings.Auth.cs) saying why, with <see cref="Args"/>.</summary>
internal sealed class UserAccountException(string key, params object?[] args) : Exception(key)
{
    public string Key { get; } = key;
    public object?[] Args { get; } = args;
}

/// <summary>
/// The user database for the admin page, the first start and the tests: each call works in its own scope (its own
/// UserManager and DbContext), so a Blazor circuit never holds a stale one. Every change that affects what a user may do
/// (password reset, role, district, disabling) renews the user's security stamp, which ends their open sessions.
/// </summary>
internal sealed partial class UserAccounts(IServiceScopeFactory scopes, TimeProvider clock)
{
    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex DistrictCodeShape();

    public Task<IReadOnlyList<UserSummary>> ListAsync() => WithUsersAsync<IReadOnlyList<UserSummary>>(async users =>
        (await users.Users.AsNoTracking().ToListAsync()).OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase).Select(Summary).ToList());

    public Task<UserSummary?> FindAsync(string userName) => WithUsersAsync(async users =>
        await users.FindByNameAsync(userName.Trim()) is { } user ? Summary(user) : null);

    /// <summary>Adds a user; throws <see cref="UserAccountException"/> when the name is taken or invalid, the role unknown,
    /// the district not a 6-digit code (or given for a city role) or the password too weak.</summary>
    public Task AddAsync(string userName, string role, string password, string? districtCode = null) => WithUsersAsync(async users =>
    {
        userName = userName.Trim();
        if (userName.Length is < 2 or > 64 || userName.Any(char.IsWhiteSpace)) throw new UserAccountException("users.error.name");
        CheckRole(role);
        districtCode = CheckDistrict(role, districtCode);
        if (PasswordRules.Problem(password) is { } problem) throw new UserAccountException(problem, PasswordRules.MinLength);
        if (await users.FindByNameAsync(userName) is not null) throw new UserAccountException("users.error.exists", userName);
        var user = new DashboardUser { UserName = userName, Role = role, DistrictCode = districtCode, CreatedAt = clock.GetUtcNow() };
        Check(await users.CreateAsync(user, password));
        return true;
    });

    /// <summary>Sets a new password, lifts any lockout and ends the user's open sessions.</summary>
    public Task ResetPasswordAsync(string userName, string password) => ChangeAsync(userName, async (users, user) =>
    {
        if (PasswordRules.Problem(password) is { } problem) throw new UserAccountException(problem, PasswordRules.MinLength);
        foreach (var validator in users.PasswordValidators) Check(await validator.ValidateAsync(users, user, password));
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        (user.LockoutEnd, user.AccessFailedCount, user.Lockouts) = (null, 0, 0);
    });

    /// <summary>Changes the role (a city role drops the district binding) and ends the user's open sessions.</summary>
    public Task ChangeRoleAsync(string userName, string role) => ChangeAsync(userName, async (users, user) =>
    {
        CheckRole(role);
        if (user.Role == Roles.Admin && role != Roles.Admin && !user.Disabled) await KeepAnAdminAsync(users);
        user.Role = role;
        if (!Roles.MayHaveDistrict(role)) user.DistrictCode = null;
    });

    /// <summary>Binds the user to one 区(市)县 (6-digit code) or, with null/empty, to the whole city; ends open sessions.</summary>
    public Task SetDistrictAsync(string userName, string? districtCode) => ChangeAsync(userName, (_, user) =>
    {
        user.DistrictCode = CheckDistrict(user.Role, districtCode);
        return Task.CompletedTask;
    });

    /// <summary>Disables (ending open sessions) or enables a user; nobody disables themselves or the last admin.</summary>
    public Task SetDisabledAsync(string userName, bool disabled, string? actingUser) => ChangeAsync(userName, async (users, user) =>
    {
        if (disabled && string.Equals(user.UserName, actingUser, StringComparison.OrdinalIgnoreCase))
            throw new UserAccountException("users.error.self_disable");
        if (disabled && user.Role == Roles.Admin && !user.Disabled) await KeepAnAdminAsync(users);
        user.Disabled = disabled;
    });

    /// <summary>A random password of 16 letters and digits (no look-alikes).</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Concat(Enumerable.Range(0, 16).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]));
    }

    private static UserSummary Summary(DashboardUser u) =>
        new(u.UserName ?? "", u.Role, u.DistrictCode, u.Disabled, u.LockoutEnd, u.CreatedAt);

    private static void CheckRole(string role)
    {
        if (!Roles.IsRole(role)) throw new UserAccountException("users.error.role", role);
    }

    private static string? CheckDistrict(string role, string? districtCode)
    {
        districtCode = string.IsNullOrWhiteSpace(districtCode) ? null : districtCode.Trim();
        if (districtCode is null) return null;
        if (!DistrictCodeShape().IsMatch(districtCode)) throw new UserAccountException("users.error.district", districtCode);
        if (!Roles.MayHaveDistrict(role)) throw new UserAccountException("users.error.district_role");
        return districtCode;
    }

    private static async Task KeepAnAdminAsync(UserManager<DashboardUser> users)
    {
        if (await users.Users.CountAsync(u => u.Role == Roles.Admin && !u.Disabled) <= 1) throw new UserAccountException("users.error.last_admin");
    }

    private static void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        var error = result.Errors.First();
        throw error.Code switch
        {
            nameof(IdentityErrorDescriber.DuplicateUserName) => new UserAccountException("users.error.exists", ""),
            nameof(IdentityErrorDescriber.InvalidUserName) => new UserAccountException("users.error.name"),
            _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => new UserAccountException("password.too_weak", PasswordRules.MinLength),
            _ => new UserAccountException("users.error.store", error.Description),
        };
    }

    /// <summary>Finds the user, applies the change, renews the security stamp (ending open sessions) and saves.</summary>
    private Task ChangeAsync(string userName, Func<UserManager<DashboardUser>, DashboardUser, Task> change) => WithUsersAsync(async users =>
    {
        var user = await users.FindByNameAsync(userName.Trim()) ?? throw new UserAccountException("users.error.no_user", userName);
        await change(users, user);
        Check(await users.UpdateSecurityStampAsync(user));
        return true;
    });

    private async Task<T> WithUsersAsync<T>(Func<UserManager<DashboardUser>, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>());
    }
}

/// <summary>The password rule (also given to Identity's validator): at least 8 characters, at least 4 different ones.</summary>
internal static class PasswordRules
{
    public const int MinLength = 8, MinDistinct = 4;

    /// <summary>The UI string key of what is wrong with the password (formatted with <see cref="MinLength"/>), or null.</summary>
    public static string? Problem(string password) =>
        password.Length < MinLength || password.Distinct().Count() < MinDistinct ? "password.too_weak" : null;
}
