using Analytics.Dashboards.Audit;
using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Localization;
using Analytics.Dashboards.WarehouseReads;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Analytics.Dashboards.Admin;

/// <summary>
/// 用户: the admin adds users (a generated first password, shown once), resets passwords, changes roles, binds leadership
/// and clerks to one 区(市)县, disables and enables users. Every change is audited; the ones that change what a user may
/// do end that user's open sessions (UserAccounts renews the security stamp).
/// </summary>
public partial class UsersPage
{
    [Inject] internal UserAccounts Accounts { get; set; } = null!;
    [Inject] internal AuditLog Audit { get; set; } = null!;
    [Inject] internal UiText T { get; set; } = null!;
    [Inject] internal SnapshotQueries Snapshots { get; set; } = null!;
    [Inject] internal TimeProvider Clock { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    private IReadOnlyList<UserSummary> users = [];
    private IReadOnlyList<DistrictChoice> districts = [];
    private readonly Dictionary<string, string?> districtEdits = new(StringComparer.OrdinalIgnoreCase);
    private string newUser = "";
    private string newRole = Roles.Leadership;
    private string? newDistrict;
    private string? message;
    private bool failed;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            districts = Snapshots.Districts(DateOnly.FromDateTime(Clock.GetLocalNow().DateTime));
        }
        catch (DuckDB.NET.Data.DuckDBException)
        {
            districts = []; // an unreadable warehouse must not keep the admin from managing users
        }
        await ReloadAsync();
    }

    private async Task ReloadAsync() => users = await Accounts.ListAsync();

    private async Task<string?> MeAsync() => (await AuthenticationState).User.Identity?.Name;

    private string DistrictName(string? code) => code is null ? T["users.city"]
        : districts.FirstOrDefault(d => d.Code == code) is { } d ? $"{d.Name} {d.Code}" : code;

    private string Status(UserSummary u) =>
        u.Disabled ? T["users.status.disabled"]
        : u.LockedUntil is { } until && until > Clock.GetUtcNow() ? T.Format("users.status.locked", T.DateTime(until.ToLocalTime().DateTime))
        : T["users.status.active"];

    /// <summary>The generated password is shown once here, for the admin to hand over; it is stored only as a hash.</summary>
    private Task AddAsync() => ActAsync(async me =>
    {
        var password = UserAccounts.GeneratePassword();
        var name = newUser.Trim();
        await Accounts.AddAsync(name, newRole, password, newDistrict);
        Audit.Record(me, AuditLog.UserAdded, "ok", $"{name} role={newRole}" + (string.IsNullOrWhiteSpace(newDistrict) ? "" : $" district={newDistrict.Trim()}"));
        (newUser, newDistrict) = ("", null);
        return T.Format("users.added", name, password);
    });

    private Task ResetAsync(string userName) => ActAsync(async me =>
    {
        var password = UserAccounts.GeneratePassword();
        await Accounts.ResetPasswordAsync(userName, password);
        Audit.Record(me, AuditLog.PasswordReset, "ok", userName);
        return T.Format("users.new_password", userName, password);
    });

    private Task ChangeRoleAsync(string userName, string? role) => ActAsync(async me =>
    {
        await Accounts.ChangeRoleAsync(userName, role ?? "");
        Audit.Record(me, AuditLog.UserChanged, "ok", $"{userName} role={role}");
        return T.Format("users.role_changed", userName, T[Roles.TextKey(role ?? "")]);
    });

    private Task SaveDistrictAsync(string userName) => ActAsync(async me =>
    {
        var code = districtEdits.GetValueOrDefault(userName);
        await Accounts.SetDistrictAsync(userName, code);
        code = string.IsNullOrWhiteSpace(code) ? null : code.Trim();
        Audit.Record(me, AuditLog.UserChanged, "ok", $"{userName} district={code ?? "city"}");
        return T.Format("users.district_changed", userName, DistrictName(code));
    });

    private Task SetDisabledAsync(string userName, bool disabled) => ActAsync(async me =>
    {
        await Accounts.SetDisabledAsync(userName, disabled, me);
        Audit.Record(me, AuditLog.UserChanged, "ok", $"{userName} {(disabled ? "disabled" : "enabled")}");
        return T.Format(disabled ? "users.disabled" : "users.enabled", userName);
    });

    /// <summary>Runs a change as the signed-in admin; a refusal is shown (in the current language) instead of the result.</summary>
    private async Task ActAsync(Func<string?, Task<string>> change)
    {
        try
        {
            (message, failed) = (await change(await MeAsync()), false);
        }
        catch (UserAccountException e)
        {
            (message, failed) = (T.Format(e.Key, e.Args), true);
        }
        districtEdits.Clear();
        await ReloadAsync();
    }
}
