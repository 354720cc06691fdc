using System.Globalization;
using Analytics.Etl.Extracts.Kinds;

namespace Analytics.Etl.DemoData;

/// <summary>
/// The handful of deliberately bad rows, each of a kind real exports have, placed in files that exist for the chosen
/// years. All are extra rows for people outside the simulated workforce, except the duplicate: a real worker listed
/// twice in one snapshot (both rows are bad, so that worker is missing from that one snapshot once loaded).
/// </summary>
internal sealed class BadRowPlan
{
    private readonly Dictionary<string, List<PlannedBadRow>> _planned = new(StringComparer.Ordinal);

    public string DuplicateRosterFile { get; }

    public BadRowPlan(DemoDataOptions o, DemoOrgRegister org, IReadOnlyList<DateOnly> snapshots, PersonFactory outsiders)
    {
        DateOnly Snapshot(int year, int month) => snapshots.MinBy(s => Math.Abs(s.DayNumber - new DateOnly(year, month, 28).DayNumber));
        var towns = org.Towns.ToList();
        var town = towns[towns.Count / 3];
        var otherTown = towns[towns.Count * 2 / 3];
        var firstMember = org.Units[org.TownMembers[town.Index][0]];

        var s1 = Snapshot(2021, 12);
        Add(DemoDataGenerator.RosterFileName(s1), new PlannedBadRow(41, Roster(outsiders, s1, firstMember.Code, wrongCheck: true), RosterKind.IdNumber,
            "身份证号校验位错误", "ID number check character is wrong"));
        var s2 = Snapshot(2022, 6);
        var unknown = otherTown.Code + "198";
        Add(DemoDataGenerator.RosterFileName(s2), new PlannedBadRow(230, Roster(outsiders, s2, unknown), RosterKind.UnitCode,
            $"工作单位代码 {unknown} 不在区划名录中", $"unit code {unknown} is not in the org register"));
        var s3 = Snapshot(2023, 6);
        var impossible = Roster(outsiders, s3, firstMember.Code);
        impossible[8] = $"{s3.Year}-02-30";
        Add(DemoDataGenerator.RosterFileName(s3), new PlannedBadRow(777, impossible, RosterKind.Hired,
            $"入职日期 {s3.Year}-02-30 不是有效日期", $"hire date {s3.Year}-02-30 is not a real date"));
        DuplicateRosterFile = DemoDataGenerator.RosterFileName(Snapshot(2024, 12));

        var register = o.To >= 2020 ? DemoDataGenerator.RegisterAdjustmentFileName : DemoDataGenerator.RegisterFileName;
        var mismatch = town.Code + "199";
        Add(register, new PlannedBadRow(5, [mismatch, "东风村", "建制村", town.Code, "2020-09-01", ""], OrgUnitsKind.Kind,
            $"区划代码 {mismatch} 末三位 199 属于社区（001–199），与类型“建制村”不符",
            $"code {mismatch} ends in 199, a 社区 number (001–199), but its kind is 建制村"));

        var examYear = Math.Clamp(2021, ExamBook.FirstExamYear, o.To);
        var examPerson = outsiders.Create(new DateOnly(examYear, 6, 30), 22, 35, "本科", "社会工作");
        Add(DemoDataGenerator.ExamFileName(examYear), new PlannedBadRow(88,
            ["5.10104E+17", examPerson.Name, Int(examYear), Warehouse.Schema.CertificateLevels.OfRank(1), "pass", $"CDSGY{examYear}99001", $"{examYear}-06-01"], ExamResultsKind.IdNumber,
            "身份证号被 Excel 转成科学计数法（5.10104E+17），无法还原", "ID number was turned into a number by Excel (5.10104E+17) and cannot be recovered"));

        if (o.To > o.From)
        {
            var first = Math.Clamp(2021, o.From, o.To - 1);
            var second = Math.Clamp(2023, o.From, o.To - 1);
            var p1 = outsiders.Create(new DateOnly(first, 12, 31), 25, 45, "大专", null);
            Add(DemoDataGenerator.AppraisalFileName(first), new PlannedBadRow(150,
                [p1.IdNumber, p1.Name, Int(first), AppraisalBuilder.WorkerType, town.Code, "90.0"], null,
                "字段个数不对（6 个，应为 9 个）", "wrong number of fields (6, expected 9)"));
            var p2 = outsiders.Create(new DateOnly(second, 12, 31), 25, 45, "本科", null);
            Add(DemoDataGenerator.AppraisalFileName(second), new PlannedBadRow(300,
                [p2.IdNumber, p2.Name, Int(second), AppraisalBuilder.PostType, otherTown.Code, "92.0", "105", "88.5", "优秀"], AppraisalsKind.Performance,
                "服务绩效 105 超出 0–100", "performance score 105 is outside 0–100"));
        }
    }

    public IReadOnlyList<PlannedBadRow> For(string fileName) => _planned.TryGetValue(fileName, out var rows) ? rows : [];

    private void Add(string fileName, PlannedBadRow row)
    {
        if (!_planned.TryGetValue(fileName, out var rows)) _planned[fileName] = rows = [];
        rows.Add(row);
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string[] Roster(PersonFactory outsiders, DateOnly asOf, string unitCode, bool wrongCheck = false)
    {
        var p = outsiders.ForSource(PersonFactory.Volunteer, asOf.AddMonths(-2), socialWorkDegree: false);
        var id = wrongCheck ? ResidentIdFactory.WithWrongCheckChar(p.IdNumber) : p.IdNumber;
        var iso = (DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return [iso(asOf), id, p.Name, p.Male ? "男" : "女", unitCode, DemoPerson.CommunityWorker, "专职", "", iso(asOf.AddMonths(-2)), "",
            PersonFactory.Volunteer, p.Education, p.Major ?? "", "0"];
    }
}
