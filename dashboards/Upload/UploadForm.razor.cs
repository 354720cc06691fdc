using Analytics.Etl.Submissions;
using Analytics.Dashboards.Localization;
using Analytics.Dashboards.WarehouseReads;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboards.Upload;

/// <summary>数据报送 on the writing host: a clerk drops a file, sees the dry-run preview (kind, 统计日期, rows, districts, every problem row,
/// what a replacing roster changes), confirms, and the file goes into the inbox; their past submissions with outcomes.</summary>
public partial class UploadForm : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;
    [Inject] internal UiText T { get; set; } = null!;
    [Inject] internal SubmissionPreviewer Previewer { get; set; } = null!;
    [Inject] internal SubmissionInbox Inbox { get; set; } = null!;
    [Inject] internal SnapshotQueries Snapshots { get; set; } = null!;
    [Inject] internal AuditLog Audit { get; set; } = null!;
    [Inject] internal IOptions<UploadOptions> Options { get; set; } = null!;

    private string userName = "";
    private string? district, districtName;
    private string? staged;
    private SubmissionPreview? preview;
    private IReadOnlyList<PastSubmission> history = [];
    private string? message;
    private bool busy;

    protected override async Task OnInitializedAsync()
    {
        var user = (await Authentication).User;
        userName = user.Identity?.Name ?? "";
        district = DistrictScope.Of(user).Code;
        districtName = district is null ? null : Snapshots.Unit(district)?.Name;
        history = Inbox.History(userName);
        Inbox.RemoveStaleSidecars();
    }

    private async Task OnFileAsync(InputFileChangeEventArgs e)
    {
        Discard();
        message = null;
        var maxBytes = Options.Value.MaxMegabytes * 1024L * 1024L;
        if (e.File.Size > maxBytes)
        {
            message = T.Format("upload.too_large", Options.Value.MaxMegabytes);
            return;
        }
        busy = true;
        StateHasChanged();
        var path = Inbox.StagePath(e.File.Name);
        await using (var target = File.Create(path))
        await using (var source = e.File.OpenReadStream(maxBytes))
            await source.CopyToAsync(target);
        staged = path;
        var name = Path.GetFileName(path);
        preview = await Task.Run(() => Previewer.Preview(path, name, district));
        busy = false;
    }

    private void Confirm()
    {
        // Checked again here, on the server: the button's state is only a hint.
        if (staged is null || preview is not { MaySubmit: true }) return;
        var file = Inbox.Submit(staged, userName, district, preview);
        Audit.Record(userName, AuditLog.Submission, "ok", $"{file} kind={preview.KindCode} district={district ?? "city"}", rows: preview.Rows);
        message = T.Format("upload.submitted", file);
        (staged, preview) = (null, null);
        history = Inbox.History(userName);
    }

    private void Cancel()
    {
        Discard();
        message = null;
    }

    private void Discard()
    {
        if (staged is not null)
        {
            try { Directory.Delete(Path.GetDirectoryName(staged)!, recursive: true); } catch (IOException) { }
        }
        (staged, preview) = (null, null);
    }

    private string DistrictLabel(string code) => Snapshots.Unit(code)?.Name is { } name ? $"{name}（{code}）" : code;

    private string OutcomeText(PastSubmission s) => s.Outcome switch
    {
        null => T["upload.outcome.waiting"],
        "loaded" => T.Format("upload.outcome.loaded", s.RowsLoaded ?? 0, s.RowsQuarantined ?? 0),
        "refused" => T.Format("upload.outcome.refused", T.Pick(s.MessageZh ?? "", s.MessageEn ?? "")),
        _ => T["upload.outcome.failed"],
    };
}
