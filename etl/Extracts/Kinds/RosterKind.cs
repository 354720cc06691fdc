using Analytics.Etl.Loading;

namespace Analytics.Etl.Extracts.Kinds;

/// <summary>A roster row; the ID number is the normalised 18 characters (upper-case X) and lives only in memory.</summary>
internal sealed record RosterRow(
    DateOnly AsOf, string IdNumber, string Name, string? Gender, string UnitCode, string PostCategory, string Employment,
    DateOnly? PartTimeSince, DateOnly Hired, DateOnly? Left, string TalentSource, string Education, string? Major,
    int? SalarySupplement, string? ProfessionalTitle = null) : IPersonRow;

/// <summary>
/// 社区工作者花名册 (HR roster): a full snapshot of the community workforce on one 统计日期. Every snapshot is kept; a
/// corrected roster replaces the snapshot of the same date. A person listed twice in one snapshot: both rows are bad.
/// A roster with two 统计日期 is refused whole.
/// </summary>
internal sealed class RosterKind() : ExtractKind<RosterRow>("roster", "社区工作者花名册", List,
    new KindTarget("roster_entry", ["person_key"], ["as_of"], DuplicatePolicy.AllBad, "人员（身份证号）", "person (ID number)", KeyColumnZh: "身份证号",
        DistrictColumn: "unit_code"))
{
    private static readonly ExtractColumnList List = new();
    public static readonly ExtractColumn AsOf = List.Required("统计日期", "as_of");
    public static readonly ExtractColumn IdNumber = List.Required("身份证号", "id_number");
    public static readonly ExtractColumn Name = List.Required("姓名", "name");
    public static readonly ExtractColumn Gender = List.Optional("性别", "gender");
    public static readonly ExtractColumn UnitCode = List.Required("工作单位代码", "unit_code");
    public static readonly ExtractColumn PostCategory = List.Required("岗位类别", "post_category");
    public static readonly ExtractColumn Employment = List.Required("用工方式", "employment");
    public static readonly ExtractColumn PartTimeSince = List.Optional("兼职起始日期", "part_time_since");
    public static readonly ExtractColumn Hired = List.Required("入职日期", "hired");
    public static readonly ExtractColumn Left = List.Optional("离职日期", "left");
    public static readonly ExtractColumn TalentSource = List.Required("人才来源", "talent_source");
    public static readonly ExtractColumn Education = List.Required("学历", "education");
    public static readonly ExtractColumn Major = List.Optional("所学专业", "major");
    public static readonly ExtractColumn SalarySupplement = List.Optional("基本工资增发", "salary_supplement");
    public static readonly ExtractColumn ProfessionalTitle = List.Optional("职称", "professional_title");

    public const string PartTime = "兼职";
    public static readonly IReadOnlyList<string> PostCategories = ["社会工作专业岗位", "社区专职工作者", "其他"];
    public static readonly IReadOnlyList<string> Employments = ["专职", PartTime];
    public static readonly IReadOnlyList<string> TalentSources = ["存量转岗", "高校社工专业毕业生", "一村一名大学生", "志愿者转化", "社工机构派驻", "其他"];
    public static readonly IReadOnlyList<string> Educations = ["高中及以下", "中专", "大专", "本科", "硕士研究生", "博士研究生"];

    public override IReadOnlyList<TargetColumn<RosterRow>> AppenderMap { get; } =
    [
        Date("as_of", r => r.AsOf), PersonKey(), Text("unit_code", r => r.UnitCode), Text("post_category", r => r.PostCategory),
        Text("employment", r => r.Employment), Date("part_time_since", r => r.PartTimeSince), Date("hired", r => r.Hired),
        Date("left_on", r => r.Left), Text("talent_source", r => r.TalentSource), Text("education", r => r.Education),
        Text("major", r => r.Major), Integer("salary_supplement", r => r.SalarySupplement), LoadId(), LineNumber(),
        Text("professional_title", r => r.ProfessionalTitle),
    ];

    public override IRowRules<RosterRow> Rules(ExtractContext context) => new RosterRules(context);

    /// <summary>The list of snapshots: one row per 统计日期 with the latest file and the snapshot's row count (all
    /// districts: a district clerk's file replaces only its district's part of the snapshot).</summary>
    internal override void AfterReplace(MergeContext merge)
    {
        merge.Execute("CREATE OR REPLACE TEMP TABLE load_roster_dates AS SELECT DISTINCT as_of FROM roster_entry WHERE load_id = $load");
        merge.Execute("DELETE FROM roster_snapshot WHERE as_of IN (SELECT as_of FROM load_roster_dates)");
        merge.Execute("""
            INSERT INTO roster_snapshot
            SELECT e.as_of, $load, $file, count(*)::INTEGER FROM roster_entry e SEMI JOIN load_roster_dates d ON d.as_of = e.as_of GROUP BY e.as_of
            """);
        merge.Execute("DROP TABLE load_roster_dates");
    }

    /// <summary>The rules of one roster file: it remembers the file's 统计日期 and refuses the file at a different one.</summary>
    private sealed class RosterRules(ExtractContext context) : IRowRules<RosterRow>
    {
        private static readonly int[] UnitCodeLengths = [9, 12];
        private DateOnly? fileAsOf;
        private int fileAsOfLine;

        public RowOutcome<RosterRow> Check(RowChecks row, int lineNumber)
        {
            var asOf = row.Date(AsOf, required: true);
            if (asOf is { } date) RequireSameAsOf(date, lineNumber);
            var id = row.IdNumber(IdNumber);
            row.Present(Name);
            var gender = CheckGender(row, id);
            var unit = row.KnownUnit(UnitCode, UnitCodeLengths, context.Units);
            var category = row.OneOf(PostCategory, PostCategories);
            var employment = row.OneOf(Employment, Employments);
            var partTimeSince = CheckPartTimeSince(row, employment);
            var hired = row.Date(Hired, required: true);
            var left = row.Date(Left, required: false);
            var source = row.OneOf(TalentSource, TalentSources);
            var education = row.OneOf(Education, Educations);
            var supplement = CheckSalarySupplement(row);
            if (hired is { } h && asOf is { } a && h > a)
                row.Problem(Hired,
                    $"入职日期 {h:yyyy-MM-dd} 晚于统计日期 {a:yyyy-MM-dd}：尚未入职的人员不应列入花名册。",
                    $"hired (入职日期) {h:yyyy-MM-dd} is after as_of (统计日期) {a:yyyy-MM-dd}: people not yet hired do not belong in the snapshot.");
            if (hired is { } hiredOn && left is { } l && l < hiredOn)
                row.Problem(Left,
                    $"离职日期 {l:yyyy-MM-dd} 早于入职日期 {hiredOn:yyyy-MM-dd}：请核对。",
                    $"left (离职日期) {l:yyyy-MM-dd} is before hired (入职日期) {hiredOn:yyyy-MM-dd}: please check.");
            if (row.HasProblems) return row.Bad<RosterRow>(lineNumber);
            return row.Good(lineNumber, new RosterRow(asOf!.Value, id!, row.Text(Name).ToString(), gender, unit!, category!, employment!,
                partTimeSince, hired!.Value, left, source!, education!, row.Optional(Major), supplement, row.Optional(ProfessionalTitle)));
        }

        private void RequireSameAsOf(DateOnly date, int lineNumber)
        {
            if (fileAsOf is null)
            {
                fileAsOf = date;
                fileAsOfLine = lineNumber;
                return;
            }

            if (fileAsOf.Value == date) return;
            throw new ExtractRefusedException(context.FileName,
                $"统计日期不一致：第 {fileAsOfLine} 行为 {fileAsOf.Value:yyyy-MM-dd}，第 {lineNumber} 行为 {date:yyyy-MM-dd}。"
                + "一份花名册是某一天的全员快照，所有行的统计日期必须相同；整个文件未导入。",
                $"as_of (统计日期) differs: line {fileAsOfLine} has {fileAsOf.Value:yyyy-MM-dd}, line {lineNumber} has {date:yyyy-MM-dd}. "
                + "A roster is a snapshot of one day, so every row must have the same as_of; the whole file was not loaded.");
        }

        /// <summary>The ID number wins: the row's gender is the ID's; a different or unreadable 性别 is only a warning.</summary>
        private static string? CheckGender(RowChecks row, string? id)
        {
            var given = row.Text(Gender);
            var fromId = id is null ? null : Extracts.IdNumber.GenderOf(id);
            if (given.IsEmpty) return fromId;
            if (given is not ("男" or "女"))
                row.Warning(Gender,
                    $"性别「{CellText.ForMessage(given)}」无法识别（应为 男 或 女），以身份证号为准。",
                    $"gender (性别) \"{CellText.ForMessage(given)}\" is not 男 or 女; the ID number's gender is used.");
            else if (fromId is not null && !given.SequenceEqual(fromId))
                row.Warning(Gender,
                    $"性别填为「{given}」，但身份证号显示为「{fromId}」：以身份证号为准，请更正人事系统中的记录。",
                    $"gender (性别) is \"{given}\" but the ID number says \"{fromId}\": the ID number wins; please correct the HR record.");
            return fromId ?? given.ToString();
        }

        private static DateOnly? CheckPartTimeSince(RowChecks row, string? employment)
        {
            if (employment == PartTime) return row.Date(PartTimeSince, required: true);
            if (employment is not null && !row.Text(PartTimeSince).IsEmpty)
                row.Problem(PartTimeSince,
                    $"用工方式为「{employment}」，兼职起始日期应为空（只有兼职人员填写）。",
                    $"employment (用工方式) is \"{employment}\", so part_time_since (兼职起始日期) must be empty (only for part-time staff).");
            return null;
        }

        private static int? CheckSalarySupplement(RowChecks row)
        {
            var value = row.Integer(SalarySupplement, required: false, 0, 1200);
            if (value is null or 0 or >= 200) return value;
            row.Problem(SalarySupplement,
                $"基本工资增发 {value} 元不在规定范围：应为 0，或 200 到 1200 元。",
                $"salary_supplement (基本工资增发) {value} yuan is out of range: it must be 0, or 200 to 1200.");
            return null;
        }
    }
}
