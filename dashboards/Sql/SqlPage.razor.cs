using Analytics.Dashboards.Localization;
using Analytics.Dashboards.WarehouseReads;
using Analytics.Warehouse.Storage;
using Analytics.Etl.Querying;
using Analytics.Warehouse.Research;
using BlazorMonaco.Editor;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Analytics.Dashboards.Sql;

/// <summary>
/// 查询 SQL: an editor with SQL highlighting, Run / Cancel (the query runs off the circuit, so Cancel is heard), the
/// first 1,000 rows, exports by the application, the user's saved queries and history, and the schema browser.
/// </summary>
public sealed partial class SqlPage : ComponentBase, IDisposable
{
    private const string FirstQuery = "SELECT * FROM district_progress(current_date) ORDER BY district_code";

    [Inject] internal ResearchConsole Console { get; set; } = null!;
    [Inject] internal ResearchExports Exports { get; set; } = null!;
    [Inject] internal SavedQueries Queries { get; set; } = null!;
    [Inject] internal UiText T { get; set; } = null!;
    [Inject] internal WarehouseChangeNotifier Events { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    private StandaloneCodeEditor? editor;
    private CancellationTokenSource? cancel;
    private bool running;
    private bool failed;
    private string? status;
    private string saveName = "";
    private string? exportToken;
    private string user = "";
    private ResearchResult? result;
    private IReadOnlyList<SavedQuery> saved = [];
    private IReadOnlyList<Audit.AuditEvent> history = [];

    private string StatusClass => failed ? "error" : "notice";

    private static StandaloneEditorConstructionOptions EditorOptions(StandaloneCodeEditor _) => new()
    {
        Language = "sql",
        Value = FirstQuery,
        AutomaticLayout = true,
        Minimap = new EditorMinimapOptions { Enabled = false },
        AutoClosingBrackets = "never",
        AutoClosingQuotes = "never",
    };

    protected override async Task OnInitializedAsync()
    {
        user = (await AuthenticationState).User.Identity?.Name ?? "";
        Events.Changed += OnWarehouseChanged;
        LoadLists();
    }

    private void LoadLists()
    {
        saved = Queries.Saved(user);
        history = Queries.History(user);
    }

    private async Task RunAsync()
    {
        var sql = editor is null ? FirstQuery : await editor.GetValue();
        running = true;
        failed = false;
        status = T["sql.running"];
        exportToken = null;
        cancel = new CancellationTokenSource();
        StateHasChanged();
        var outcome = await Task.Run(() => Console.Run(user, sql, Console.Options.DisplayRows, cancel.Token));
        running = false;
        result = outcome.Result;
        if (outcome.Result is { } r)
        {
            exportToken = Exports.Register(user, sql);
            status = T.Format("sql.result", r.Rows.Count, r.Elapsed.TotalMilliseconds)
                + (r.Truncated ? T.Format("sql.truncated", Console.Options.DisplayRows, Console.Options.ExportRows) : "");
        }
        else
        {
            failed = true;
            status = T.Pick(outcome.MessageZh ?? "", outcome.MessageEn ?? "");
        }
        LoadLists();
    }

    private void Cancel() => cancel?.Cancel();

    private async Task SaveAsync()
    {
        if (string.IsNullOrWhiteSpace(saveName) || editor is null) return;
        Queries.Save(user, saveName, await editor.GetValue());
        saveName = "";
        LoadLists();
    }

    private void Delete(string name)
    {
        Queries.Delete(user, name);
        LoadLists();
    }

    private async Task LoadAsync(string sql)
    {
        if (editor is not null) await editor.SetValue(sql);
    }

    private string KindText(ResearchObjectKind kind) => kind switch
    {
        ResearchObjectKind.Table => T["sql.kind.table"],
        ResearchObjectKind.View => T["sql.kind.view"],
        _ => T["sql.kind.macro"],
    };

    private static string Cell(object? value) => value is null ? "NULL" : QueryResultWriter.Text(value);

    private static string Short(string? sql) => sql is null ? "" : sql.Length <= 80 ? sql : sql[..80] + "…";

    private void OnWarehouseChanged() => _ = InvokeAsync(() => { LoadLists(); StateHasChanged(); });

    public void Dispose()
    {
        Events.Changed -= OnWarehouseChanged;
        cancel?.Cancel();
        cancel?.Dispose();
    }
}
