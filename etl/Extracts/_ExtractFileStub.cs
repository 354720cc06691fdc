namespace Analytics.Etl.Extracts;
// TEMPORARY stub so the loader compiles before the readers land; deleted at merge.
internal sealed class ExtractFile : IDisposable
{
    public static ExtractFile Open(string path, IKnownUnits units, TimeProvider clock) => throw new NotSupportedException(path + units + clock);
    public string FilePath { get; } = ""; public string FileName { get; } = ""; public ExtractKind Kind { get; }
    public string EncodingName { get; } = ""; public IReadOnlyList<string> IgnoredColumns { get; } = [];
    public int RowsRead { get; } public double FractionRead { get; }
    public IEnumerable<RowOutcome<OrgUnitRow>> ReadOrgUnits() => [];
    public IEnumerable<RowOutcome<RosterRow>> ReadRoster() => [];
    public IEnumerable<RowOutcome<ExamResultRow>> ReadExamResults() => [];
    public IEnumerable<RowOutcome<AppraisalRow>> ReadAppraisals() => [];
    public IEnumerable<RowOutcome<PostQuotaRow>> ReadPostQuotas() => [];
    public IEnumerable<RowOutcome<DemoSiteRow>> ReadDemoSites() => [];
    public void Dispose() { }
}
internal static class IdNumber
{
    public static string GenderOf(string id18) => id18;
    public static DateOnly BirthDateOf(string id18) => DateOnly.Parse(id18, System.Globalization.CultureInfo.InvariantCulture);
}
