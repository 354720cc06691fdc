using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboards.Auth;

/// <summary>
/// The hash of a random password, checked whenever a sign-in ends without checking a real user's password (an unknown
/// user name, a locked or disabled account), so those answer as slowly as a wrong password of a real user.
/// </summary>
internal sealed class UnknownUserPassword
{
    private readonly IPasswordHasher<DashboardUser> hasher;
    private readonly DashboardUser nobody = new() { UserName = "" };
    private readonly string hash;

    /// <remarks>A singleton (the hash is made once), so it builds Identity's own hasher from the singleton hasher options
    /// rather than taking the scoped <see cref="IPasswordHasher{TUser}"/> (which scope validation rightly refuses).</remarks>
    public UnknownUserPassword(IOptions<PasswordHasherOptions> options) : this(new PasswordHasher<DashboardUser>(options)) { }

    /// <summary>With a given hasher (tests count its checks). Internal, so the container only sees the constructor above.</summary>
    internal UnknownUserPassword(IPasswordHasher<DashboardUser> hasher)
    {
        this.hasher = hasher;
        hash = hasher.HashPassword(nobody, UserAccounts.GeneratePassword());
    }

    public void Verify(string password) => hasher.VerifyHashedPassword(nobody, hash, password);
}

/// <summary>
/// Password sign-in through Identity's SignInManager, with the per-account lockout (growing with each lockout in a row),
/// the same work for unknown user names, and every outcome in the audit log: sign_in (ok), sign_in_failed (denied,
/// unknown_user, locked_out, disabled) and lockout (when an account gets locked, with until when).
/// </summary>
internal sealed class PasswordSignIn(SignInManager<DashboardUser> signIn, UnknownUserPassword unknown, AuditLog audit,
    TimeProvider clock, IOptions<AuthOptions> options)
{
    public const string Denied = "denied", UnknownUser = "unknown_user", LockedOut = "locked_out", Disabled = "disabled", Locked = "locked";

    /// <summary>Signs the user in (sets the cookie) and returns true, or records why not and returns false.</summary>
    public async Task<bool> SignInAsync(string userName, string password)
    {
        var users = signIn.UserManager;
        var user = userName.Trim() is { Length: > 0 } name ? await users.FindByNameAsync(name) : null;
        if (user is null)
        {
            unknown.Verify(password);
            audit.Record(userName, AuditLog.SignInFailed, UnknownUser);
            return false;
        }
        var wasLocked = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            if (user.Lockouts > 0)
            {
                user.Lockouts = 0;
                await users.UpdateAsync(user);
            }
            audit.Record(user.UserName, AuditLog.SignIn, "ok", user.DistrictCode is null ? $"role={user.Role}" : $"role={user.Role} district={user.DistrictCode}");
            return true;
        }
        if (result.IsLockedOut && !wasLocked)
        {
            // This wrong password locked the account: lock it for longer each time in a row.
            user.Lockouts++;
            var until = clock.GetUtcNow() + options.Value.Lockout.For(user.Lockouts);
            await users.SetLockoutEndDateAsync(user, until);
            audit.Record(user.UserName, AuditLog.Lockout, Locked, string.Create(CultureInfo.InvariantCulture,
                $"#{user.Lockouts} until {until.ToLocalTime():yyyy-MM-dd HH:mm:ss}"));
            audit.Record(user.UserName, AuditLog.SignInFailed, Denied);
            return false;
        }
        if (result.IsLockedOut || result.IsNotAllowed) unknown.Verify(password);
        audit.Record(user.UserName, AuditLog.SignInFailed, result.IsLockedOut ? LockedOut : result.IsNotAllowed ? Disabled : Denied);
        return false;
    }
}

/// <summary>A disabled user counts as an unconfirmed account, which Identity's SignInManager does not let in.</summary>
internal sealed class EnabledUserConfirmation : IUserConfirmation<DashboardUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<DashboardUser> manager, DashboardUser user) => Task.FromResult(!user.Disabled);
}
