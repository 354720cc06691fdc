using Microsoft.Extensions.Options;

namespace Analytics.Dashboards.Auth;

/// <summary>Where users live and how sign-in is defended. Bound from the "Auth" section, validated at start-up.</summary>
internal sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The user database (SQLite, ASP.NET Core Identity). Empty: <c>users.db</c> in the folder of <see cref="UsersFile"/>.</summary>
    public string? UsersDatabase { get; set; }

    /// <summary>The users file of earlier versions (JSON): imported once into an empty user database, then renamed *.imported.</summary>
    public string UsersFile { get; set; } = Path.Combine("data", "users.json");

    /// <summary>Where the first start saves the generated admin password (printed once on the console too).</summary>
    public string AdminPasswordFile { get; set; } = Path.Combine("data", "admin-password.txt");

    /// <summary>How long a sign-in lasts without activity.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How often an open session (cookie and Blazor circuit) is checked against the user database, so a
    /// password reset, a role change or disabling a user ends that user's sessions within this interval.</summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    public LockoutSettings Lockout { get; set; } = new();

    public SignInRateLimitSettings SignInRateLimit { get; set; } = new();

    /// <summary>The user database's full path.</summary>
    public string UsersDatabasePath => Path.GetFullPath(string.IsNullOrWhiteSpace(UsersDatabase)
        ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(UsersFile))!, "users.db")
        : UsersDatabase);
}

/// <summary>Per-account lockout: after <see cref="MaxFailedAttempts"/> wrong passwords the account is locked for
/// <see cref="Duration"/>, doubling with each further lockout up to <see cref="MaxDuration"/> (reset by a good sign-in).</summary>
internal sealed class LockoutSettings
{
    public int MaxFailedAttempts { get; set; } = 5;
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long the account is locked at its <paramref name="lockouts"/>-th lockout in a row (1, 2, ...).</summary>
    public TimeSpan For(int lockouts)
    {
        var factor = Math.Pow(2, Math.Clamp(lockouts - 1, 0, 30));
        var ticks = Math.Min(Duration.Ticks * factor, MaxDuration.Ticks);
        return TimeSpan.FromTicks((long)Math.Max(ticks, Duration.Ticks));
    }
}

/// <summary>The ASP.NET rate limiter on the sign-in and password forms: a fixed window per client address and per user name.</summary>
internal sealed class SignInRateLimitSettings
{
    public int PerAddress { get; set; } = 30;
    public int PerUserName { get; set; } = 10;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.UsersFile)) errors.Add("Auth:UsersFile must name a file (the users.json of earlier versions, imported once).");
        if (string.IsNullOrWhiteSpace(o.AdminPasswordFile)) errors.Add("Auth:AdminPasswordFile must name a file.");
        if (o.UsersDatabase is { } db && db.Length > 0 && Directory.Exists(db)) errors.Add($"Auth:UsersDatabase is a folder, not a file: {db}");
        if (o.SessionLifetime <= TimeSpan.Zero) errors.Add("Auth:SessionLifetime must be positive.");
        if (o.SessionCheckInterval <= TimeSpan.Zero || o.SessionCheckInterval > o.SessionLifetime)
            errors.Add("Auth:SessionCheckInterval must be positive and not longer than Auth:SessionLifetime.");
        if (o.Lockout.MaxFailedAttempts < 1) errors.Add("Auth:Lockout:MaxFailedAttempts must be at least 1.");
        if (o.Lockout.Duration <= TimeSpan.Zero || o.Lockout.MaxDuration < o.Lockout.Duration)
            errors.Add("Auth:Lockout:Duration must be positive and Auth:Lockout:MaxDuration not shorter.");
        if (o.SignInRateLimit.PerAddress < 1 || o.SignInRateLimit.PerUserName < 1 || o.SignInRateLimit.Window <= TimeSpan.Zero)
            errors.Add("Auth:SignInRateLimit:PerAddress and PerUserName must be at least 1, Window positive.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
