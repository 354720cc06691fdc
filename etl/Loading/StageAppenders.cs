using Analytics.Etl.Extracts;
using Analytics.Warehouse.People;
using DuckDB.NET.Data;

namespace Analytics.Etl.Loading;

/// <summary>
/// The appender map: writes each validated extract row into its staging table, column for column in the order of
/// the extract contract (Staging.sql mirrors it). ID numbers become person keys and masks here and go no further.
/// Notices go straight into load_notice under the file's load id: they arrive in line order and need no settling.
/// </summary>
internal sealed class StageAppenders(DuckDBConnection connection, PersonKeyHasher hasher, long loadId, string fileName) : IDisposable
{
    /// <summary>
    /// Rows an appender takes before it is closed and replaced. DuckDB's appender buffers rows outside its buffer
    /// pool until its own flush threshold (about 200,000 rows), which made a load's memory grow with the file;
    /// closing it flushes the rows into the (transaction-local) table, whose storage the buffer pool manages.
    /// </summary>
    internal const int FlushEvery = 10_000;

    private readonly Dictionary<string, (DuckDBAppender Appender, int Rows)> appenders = [];

    private IDuckDBAppenderRow Row(string table)
    {
        if (appenders.TryGetValue(table, out var open) && open.Rows >= FlushEvery)
        {
            open.Appender.Dispose();
            appenders.Remove(table);
        }
        if (!appenders.TryGetValue(table, out open)) open = (connection.CreateAppender("main", table), 0);
        appenders[table] = (open.Appender, open.Rows + 1);
        return open.Appender.CreateRow();
    }

    public void Problem(int line, RowProblem p) => Message("stage_problem", line, p);

    public void Notice(int line, RowProblem p) =>
        Row("load_notice").AppendValue(loadId).AppendValue(fileName).AppendValue(line).AppendValue(p.Column)
            .AppendValue(p.ReasonZh).AppendValue(p.ReasonEn).EndRow();

    private void Message(string table, int line, RowProblem p) =>
        Row(table).AppendValue(line).AppendValue(p.Column).AppendValue(p.ReasonZh).AppendValue(p.ReasonEn).EndRow();

    public void Add(int line, OrgUnitRow r) =>
        Row("stage_org_unit").AppendValue(r.Code).AppendValue(r.Name).AppendValue(r.Kind)
            .AppendValue(LevelName(r.Level)).AppendValue(r.ParentCode).AppendValue(r.Code[..6])
            .AppendValue(r.Established).AppendValue(r.Abolished).AppendValue(line).EndRow();

    public void Add(int line, RosterRow r) =>
        Person(Row("stage_roster").AppendValue(r.AsOf), r.IdNumber, r.Name)
            .AppendValue(r.UnitCode).AppendValue(r.PostCategory).AppendValue(r.Employment).AppendValue(r.PartTimeSince)
            .AppendValue(r.Hired).AppendValue(r.Left).AppendValue(r.TalentSource).AppendValue(r.Education)
            .AppendValue(r.Major).AppendValue(r.SalarySupplement).AppendValue(line).EndRow();

    public void Add(int line, ExamResultRow r) =>
        Person(Row("stage_exam_result"), r.IdNumber, r.Name)
            .AppendValue(r.ExamYear).AppendValue(r.Level).AppendValue((sbyte)LevelRank(r.Level)).AppendValue(r.Passed)
            .AppendValue(r.CertificateNo).AppendValue(r.Issued).AppendValue(line).EndRow();

    public void Add(int line, AppraisalRow r) =>
        Person(Row("stage_appraisal"), r.IdNumber, r.Name)
            .AppendValue(r.Year).AppendValue(r.AppraisalType).AppendValue(r.AssessorCode).AppendValue(r.EthicsScore)
            .AppendValue(r.PerformanceScore).AppendValue(r.SatisfactionScore).AppendValue(r.Grade).AppendValue(line).EndRow();

    public void Add(int line, PostQuotaRow r) =>
        Row("stage_post_quota").AppendValue(r.Year).AppendValue(r.UnitCode).AppendValue(r.Requested)
            .AppendValue(r.Approved).AppendValue(line).EndRow();

    public void Add(int line, DemoSiteRow r) =>
        Row("stage_demo_site").AppendValue(r.Name).AppendValue(r.UnitCode).AppendValue(r.Year)
            .AppendValue(r.Category).AppendValue(line).EndRow();

    private IDuckDBAppenderRow Person(IDuckDBAppenderRow row, string id18, string name) =>
        row.AppendValue(hasher.KeyOf(id18)).AppendValue(PersonKeyHasher.Mask(id18)).AppendValue(name)
            .AppendValue(PersonKeyHasher.MaskName(name)).AppendValue(IdNumber.GenderOf(id18)).AppendValue(IdNumber.BirthDateOf(id18));

    internal static int LevelRank(string level) => level switch
    {
        "社工员" => 1,
        "助理社会工作师" => 2,
        "社会工作师" => 3,
        "高级社会工作师" => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "unknown certificate level"),
    };

    private static string LevelName(UnitLevel level) => level switch
    {
        UnitLevel.District => "district",
        UnitLevel.Town => "town",
        _ => "community",
    };

    /// <summary>Flushes every appender: call before the merge SQL reads the staging tables.</summary>
    public void Dispose()
    {
        foreach (var (appender, _) in appenders.Values) appender.Dispose();
        appenders.Clear();
    }
}
