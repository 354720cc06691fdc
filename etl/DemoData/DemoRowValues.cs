using System.Globalization;

namespace Analytics.Etl.DemoData;

/// <summary>Turns the model into the cell values of each extract kind, in DemoExtractColumns order.</summary>
internal static class DemoRowValues
{
    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string[] OrgUnit(DemoCsvWriter w, string code, string name, string kind, string parent, DateOnly? established, DateOnly? abolished) =>
        [code, name, kind, parent, w.Date(established), w.Date(abolished)];

    public static string[] Roster(DemoCsvWriter w, DateOnly asOf, DemoPerson p, string unitCode) =>
    [
        w.Date(asOf), p.IdNumber, p.Name, p.Male ? "男" : "女", unitCode, p.PostCategory, p.PartTimeSince is null ? "专职" : "兼职",
        w.Date(p.PartTimeSince), w.Date(p.Hired), p.Left is { } left && left <= asOf ? w.Date(left) : "", p.TalentSource,
        p.Education, p.Major ?? "", Int(p.SupplementAt(asOf)),
    ];

    public static string[] Exam(DemoCsvWriter w, DemoExamAttempt a, DemoPerson p, bool chineseResults) =>
    [
        p.IdNumber, p.Name, Int(a.Year), DemoPerson.Levels[a.LevelRank],
        a.Passed ? (chineseResults ? "合格" : "pass") : (chineseResults ? "不合格" : "fail"), a.CertificateNo ?? "", w.Date(a.Issued),
    ];

    public static string[] Appraisal(DemoAppraisal a) =>
    [
        a.Person.IdNumber, a.Person.Name, Int(a.Year), a.Type, a.AssessorCode, Number(a.Ethics), Number(a.Performance),
        a.Satisfaction is { } s ? Number(s) : "", a.Grade,
    ];

    public static string[] Quota(DemoQuota q) => [Int(q.Year), q.UnitCode, Int(q.Requested), q.Approved is { } a ? Int(a) : ""];

    public static string[] Site(DemoSite s) => [s.Name, s.UnitCode, Int(s.Year), s.Category];
}
