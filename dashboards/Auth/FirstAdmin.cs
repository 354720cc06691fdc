using Microsoft.Extensions.Options;

namespace Analytics.Dashboards.Auth;

/// <summary>
/// On the first start (no users file, or no users in it) creates the user "admin" with a generated password, prints
/// it once on the console and saves it in the (git-ignored) admin password file.
/// </summary>
internal sealed class FirstAdmin(UserStore users, IOptions<AuthOptions> options) : IHostedService
{
    public const string UserName = "admin";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (users.List().Count > 0) return Task.CompletedTask;
        var password = UserStore.GeneratePassword();
        users.Add(UserName, Roles.Admin, password);
        var file = Path.GetFullPath(options.Value.AdminPasswordFile);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, password + "\n");
        Console.WriteLine($"首次启动：已创建管理员 admin，密码 {password}（已保存到 {file}，请登录后修改）/ " +
            $"First start: created the user admin with password {password} (saved in {file}; change it after signing in).");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
