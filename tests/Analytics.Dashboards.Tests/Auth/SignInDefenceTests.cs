using System.Net;
using Analytics.Dashboards.Audit;
using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Tests.Browser;
using Analytics.Dashboards.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboards.Tests.Auth;

/// <summary>Password guessing: per-account lockout with back-off, the rate limiter, unknown names cost a hash, all audited.</summary>
public sealed class SignInDefenceTests
{
    private static readonly string[] NoLimiter = ["--Auth:SignInRateLimit:PerAddress=1000", "--Auth:SignInRateLimit:PerUserName=1000"];

    private static long Count(TestWarehouse warehouse, string kind, string outcome, string user) => warehouse.Scalar(
        "SELECT count(*) FROM audit_event WHERE kind = $kind AND outcome = $outcome AND user_name = $user",
        ("kind", kind), ("outcome", outcome), ("user", user));

    [Fact]
    public async Task Sixty_wrong_passwords_lock_the_account_so_the_right_one_is_refused_until_an_admin_resets_it()
    {
        using var warehouse = new TestWarehouse();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse, NoLimiter);
        var name = SignIn.UserOf(dashboard, Roles.Leadership);
        using var client = SignIn.Anonymous(dashboard);

        for (var i = 0; i < 60; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn.PostSignInAsync(client, name, $"wrong-password-{i}")).StatusCode);
        var right = await SignIn.PostSignInAsync(client, name, SignIn.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(1, Count(warehouse, "lockout", "locked", name));
        Assert.Equal(5, Count(warehouse, "sign_in_failed", "denied", name));
        Assert.Equal(56, Count(warehouse, "sign_in_failed", "locked_out", name));
        Assert.Equal(0, Count(warehouse, "sign_in", "ok", name));
        var locked = await dashboard.App.Services.GetRequiredService<UserAccounts>().FindAsync(name);
        Assert.True(locked!.LockedUntil > DateTimeOffset.UtcNow.AddMinutes(4), $"locked until {locked.LockedUntil}");

        // An admin's password reset lifts the lockout.
        await dashboard.App.Services.GetRequiredService<UserAccounts>().ResetPasswordAsync(name, "a-new-password-2");
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(client, name, "a-new-password-2")).StatusCode);
    }

    [Fact]
    public async Task Each_lockout_in_a_row_is_recorded_with_its_number_and_a_good_sign_in_starts_again()
    {
        using var warehouse = new TestWarehouse();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse,
            [.. NoLimiter, "--Auth:Lockout:MaxFailedAttempts=2", "--Auth:Lockout:Duration=00:00:01"]);
        var accounts = dashboard.App.Services.GetRequiredService<UserAccounts>();
        var name = SignIn.UserOf(dashboard, Roles.Planner);
        using var client = SignIn.Anonymous(dashboard);

        async Task LockAsync()
        {
            await SignIn.PostSignInAsync(client, name, "wrong-password-a");
            await SignIn.PostSignInAsync(client, name, "wrong-password-b");
            Assert.NotNull((await accounts.FindAsync(name))!.LockedUntil);
            // Wait out the lockout (the second one lasts twice as long as the first).
            for (var i = 0; i < 100 && (await accounts.FindAsync(name))!.LockedUntil > DateTimeOffset.UtcNow; i++) await Task.Delay(100);
        }

        await LockAsync();
        await LockAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostSignInAsync(client, name, SignIn.Password)).StatusCode);
        using var again = SignIn.Anonymous(dashboard);
        await SignIn.PostSignInAsync(again, name, "wrong-password-c");
        await SignIn.PostSignInAsync(again, name, "wrong-password-d");

        var lockouts = warehouse.Connections.Query(
            "SELECT detail FROM audit_event WHERE kind = 'lockout' AND user_name = $user ORDER BY event_id",
            r => r.GetString(0), new DuckDB.NET.Data.DuckDBParameter("user", name));
        Assert.Equal(["#1", "#2", "#1"], lockouts.Select(d => d.Split(' ')[0]));
    }

    [Fact]
    public void A_lockout_doubles_with_each_one_in_a_row_up_to_the_maximum()
    {
        var lockout = new LockoutSettings { Duration = TimeSpan.FromMinutes(5), MaxDuration = TimeSpan.FromHours(1) };

        Assert.Equal(TimeSpan.FromMinutes(5), lockout.For(1));
        Assert.Equal(TimeSpan.FromMinutes(10), lockout.For(2));
        Assert.Equal(TimeSpan.FromMinutes(40), lockout.For(4));
        Assert.Equal(TimeSpan.FromHours(1), lockout.For(5));
        Assert.Equal(TimeSpan.FromHours(1), lockout.For(500));
    }

    [Fact]
    public async Task The_rate_limiter_answers_429_past_its_limit_per_address_and_per_user_name()
    {
        using var warehouse = new TestWarehouse();
        await using (var dashboard = await RunningDashboard.StartAsync(warehouse, "--Auth:SignInRateLimit:PerAddress=3"))
        {
            using var client = SignIn.Anonymous(dashboard);
            for (var i = 0; i < 3; i++)
                Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn.PostSignInAsync(client, $"someone-{i}", "wrong-password")).StatusCode);
            var limited = await SignIn.PostSignInAsync(client, "someone-else", "wrong-password");
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.Contains("尝试过于频繁", await limited.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(AccountEndpoints.SignInPath)).StatusCode);
        }

        using var second = new TestWarehouse();
        await using (var dashboard = await RunningDashboard.StartAsync(second, "--Auth:SignInRateLimit:PerUserName=2"))
        {
            using var client = SignIn.Anonymous(dashboard);
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn.PostSignInAsync(client, "alpha", "wrong-password")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn.PostSignInAsync(client, "ALPHA ", "wrong-password")).StatusCode);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn.PostSignInAsync(client, "alpha", "wrong-password")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn.PostSignInAsync(client, "beta", "wrong-password")).StatusCode);
        }
    }

    /// <summary>The real hasher, counting how often a password is checked.</summary>
    private sealed class CountingHasher : IPasswordHasher<DashboardUser>
    {
        private readonly PasswordHasher<DashboardUser> inner = new();
        public int Verifications;

        public string HashPassword(DashboardUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(DashboardUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task Unknown_names_and_disabled_accounts_cost_a_password_check_like_a_wrong_password()
    {
        using var warehouse = new TestWarehouse();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse);
        var services = dashboard.App.Services;
        var name = SignIn.UserOf(dashboard, Roles.Leadership);
        var dummy = new CountingHasher();
        var unknown = new UnknownUserPassword(dummy);
        // Each attempt in its own scope, as each sign-in request has its own.
        async Task<bool> AttemptAsync(string user, string password)
        {
            await using var scope = services.CreateAsyncScope();
            var signIn = new PasswordSignIn(scope.ServiceProvider.GetRequiredService<SignInManager<DashboardUser>>(), unknown,
                services.GetRequiredService<AuditLog>(), TimeProvider.System, services.GetRequiredService<IOptions<AuthOptions>>());
            return await signIn.SignInAsync(user, password);
        }

        Assert.False(await AttemptAsync("no-such-user", "some-password"));
        Assert.Equal(1, dummy.Verifications);
        Assert.False(await AttemptAsync(name, "wrong-password")); // a real user: its own hash is checked, not the dummy
        Assert.Equal(1, dummy.Verifications);
        await services.GetRequiredService<UserAccounts>().SetDisabledAsync(name, true, actingUser: "admin");
        Assert.False(await AttemptAsync(name, SignIn.Password));
        Assert.Equal(2, dummy.Verifications);

        Assert.Equal(1, Count(warehouse, "sign_in_failed", "unknown_user", "no-such-user"));
        Assert.Equal(1, Count(warehouse, "sign_in_failed", "denied", name));
        Assert.Equal(1, Count(warehouse, "sign_in_failed", "disabled", name));
        // The dashboard's own unknown-name check uses the same hasher as real accounts (same cost).
        Assert.IsType<PasswordHasher<DashboardUser>>(services.GetRequiredService<IPasswordHasher<DashboardUser>>());
    }
}
