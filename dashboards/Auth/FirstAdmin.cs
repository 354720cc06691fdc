using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboards.Auth;

/// <summary>
/// At start: creates the user database if missing (EnsureCreated; PRAGMA user_version holds its schema version), imports
/// the users file of earlier versions (data/users.json) into an empty database in one transaction and renames it
/// *.imported, and when there is still no user creates "admin" with a generated password, printed once on the console and
/// saved in the (git-ignored) admin password file.
/// </summary>
internal sealed class FirstAdmin(IServiceScopeFactory scopes, UserAccounts accounts, IOptions<AuthOptions> options, ILogger<FirstAdmin> log)
    : IHostedService
{
    public const string UserName = "admin";

    /// <summary>A user of the users file of earlier versions (ASP.NET Core password hash, same format as Identity's).</summary>
    private sealed record LegacyUser(string UserName, string Role, string PasswordHash, DateTimeOffset CreatedAt);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        Directory.CreateDirectory(Path.GetDirectoryName(settings.UsersDatabasePath)!);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UsersDbContext>();
            var created = await db.Database.EnsureCreatedAsync(cancellationToken);
            var version = await db.Database.SqlQueryRaw<long>("SELECT user_version AS Value FROM pragma_user_version").SingleAsync(cancellationToken);
            if (created) await db.Database.ExecuteSqlRawAsync(UsersDbContext.SetSchemaVersion, cancellationToken);
            else if (version > UsersDbContext.DatabaseVersion)
                throw new InvalidOperationException($"用户数据库 {settings.UsersDatabasePath} 来自更新的版本（架构 {version}），请使用相应版本的程序。/ " +
                    $"The user database {settings.UsersDatabasePath} comes from a newer version (schema {version}); run that version.");
            if (!await db.Users.AnyAsync(cancellationToken)) await ImportAsync(scope.ServiceProvider, db, Path.GetFullPath(settings.UsersFile), cancellationToken);
        }
        if ((await accounts.ListAsync()).Count > 0) return;

        var password = UserAccounts.GeneratePassword();
        await accounts.AddAsync(UserName, Roles.Admin, password);
        var file = Path.GetFullPath(settings.AdminPasswordFile);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, password + "\n", cancellationToken);
        Console.WriteLine($"首次启动：已创建管理员 admin，密码 {password}（已保存到 {file}，请登录后修改）/ " +
            $"First start: created the user admin with password {password} (saved in {file}; change it after signing in).");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Imports every user of the old users file with its password hash, role and creation time, all or none.</summary>
    private async Task ImportAsync(IServiceProvider services, UsersDbContext db, string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file)) return;
        List<LegacyUser> legacy;
        try
        {
            legacy = JsonSerializer.Deserialize<List<LegacyUser>>(await File.ReadAllTextAsync(file, cancellationToken)) ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"无法导入用户文件 {file}（第 {e.LineNumber + 1} 行）：{e.Message}；请修复或移走该文件后重启。/ " +
                $"The users file {file} cannot be imported (line {e.LineNumber + 1}): {e.Message}; fix or move it away, then restart.", e);
        }
        var users = services.GetRequiredService<UserManager<DashboardUser>>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var old in legacy)
        {
            var role = Roles.IsRole(old.Role) ? old.Role : Roles.Leadership;
            var result = await users.CreateAsync(new DashboardUser { UserName = old.UserName, Role = role, PasswordHash = old.PasswordHash, CreatedAt = old.CreatedAt });
            if (!result.Succeeded)
                throw new InvalidOperationException($"无法导入用户 {old.UserName}（{file}）/ The user {old.UserName} of {file} cannot be imported: " +
                    string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        await transaction.CommitAsync(cancellationToken);
        File.Move(file, file + ".imported", overwrite: true);
        log.LogInformation("Imported {Count} users from {File} into {Database}; the file is renamed {Renamed}", legacy.Count, file, options.Value.UsersDatabasePath, file + ".imported");
    }
}
