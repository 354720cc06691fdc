namespace Analytics.Dashboards.Auth;

/// <summary>Where users live. Bound from the "Auth" section.</summary>
internal sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The users file (JSON, hashed passwords). Git-ignored under data/ by default.</summary>
    public string UsersFile { get; set; } = Path.Combine("data", "users.json");

    /// <summary>Where the first start saves the generated admin password (printed once on the console too).</summary>
    public string AdminPasswordFile { get; set; } = Path.Combine("data", "admin-password.txt");

    /// <summary>How long a sign-in lasts without activity.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
