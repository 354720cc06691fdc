using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Dashboards.Auth;

/// <summary>A dashboard user (ASP.NET Core Identity): one role, optionally bound to one 区(市)县, possibly disabled.</summary>
internal sealed class DashboardUser : IdentityUser
{
    /// <summary>One of <see cref="Roles.All"/>.</summary>
    public string Role { get; set; } = Roles.Leadership;

    /// <summary>The 6-digit code of the 区(市)县 the user is bound to (leadership and clerks only); null: the whole city.</summary>
    public string? DistrictCode { get; set; }

    /// <summary>A disabled user cannot sign in and loses open sessions.</summary>
    public bool Disabled { get; set; }

    /// <summary>Lockouts in a row (each one longer than the last); a good sign-in resets it.</summary>
    public int Lockouts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The user database (SQLite). Created with EnsureCreated; PRAGMA user_version records its version (DatabaseVersion).</summary>
internal sealed class UsersDbContext(DbContextOptions<UsersDbContext> options) : IdentityUserContext<DashboardUser>(options)
{
    public const int DatabaseVersion = 1;
    public const string SetSchemaVersion = "PRAGMA user_version = 1";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<DashboardUser>(user =>
        {
            user.Property(u => u.Role).HasMaxLength(32).IsRequired();
            user.Property(u => u.DistrictCode).HasMaxLength(6);
        });
    }
}
