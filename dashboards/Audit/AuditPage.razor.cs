using Analytics.Dashboards.Localization;
using Analytics.Dashboards.WarehouseReads;
using Analytics.Warehouse.Storage;
using Microsoft.AspNetCore.Components;

namespace Analytics.Dashboards.Audit;

/// <summary>审计日志: the latest audit events, filtered by user and kind, kinds and outcomes in the current language; CSV export.</summary>
public partial class AuditPage : IDisposable
{
    [Inject] internal AuditLog Audit { get; set; } = null!;
    [Inject] internal UiText T { get; set; } = null!;
    [Inject] internal WarehouseChangeNotifier Events { get; set; } = null!;

    private string? user;
    private string? kind;
    private IReadOnlyList<AuditEvent> events = [];

    private string ExportLink => $"{AuditExport.Path}?user={Uri.EscapeDataString(user ?? "")}&kind={Uri.EscapeDataString(kind ?? "")}";

    /// <summary>The kind's name in the current language (the stored code when it has none, e.g. from a newer version).</summary>
    private string KindText(string code) => Text("audit.kind." + code, code);

    private string OutcomeText(string code) => Text("audit.outcome." + code, code);

    private string Text(string key, string fallback) => UiStrings.All.ContainsKey(key) ? T[key] : fallback;

    protected override void OnInitialized()
    {
        Events.Changed += OnChanged;
        Load();
    }

    private void Load() => events = Audit.Events(new AuditFilter(user, kind));

    private void OnChanged() => _ = InvokeAsync(() => { Load(); StateHasChanged(); });

    public void Dispose() => Events.Changed -= OnChanged;
}
