namespace Analytics.Etl.Extracts;

/// <summary>
/// Row rules of 社区工作者花名册 (HR roster). One instance per file: it remembers the file's 统计日期 and refuses the
/// whole file (ExtractRefusedException) as soon as a row carries a different one.
/// A person listed twice is checked by the loader, not here.
/// </summary>
internal sealed class RosterRules(string fileName, IKnownUnits units)
{
    private static readonly int[] UnitCodeLengths = [9, 12];
    private DateOnly? fileAsOf;
    private int fileAsOfLine;

    /// <summary>The 统计日期 of the file: the first valid one read so far.</summary>
    public DateOnly? AsOf => fileAsOf;

    public RowOutcome<RosterRow> Check(RowChecks row, int lineNumber)
    {
        var asOf = row.Date(RosterColumns.AsOf, required: true);
        if (asOf is { } date)
        {
            RequireSameAsOf(date, lineNumber);
        }

        var id = row.IdNumber(RosterColumns.IdNumber);
        var name = row.Required(RosterColumns.Name);
        var gender = CheckGender(row, id);
        var unit = row.KnownUnit(RosterColumns.UnitCode, UnitCodeLengths, units);
        var category = row.OneOf(RosterColumns.PostCategory, ContractVocabulary.PostCategories);
        var employment = row.OneOf(RosterColumns.Employment, ContractVocabulary.Employments);
        var partTimeSince = CheckPartTimeSince(row, employment);
        var hired = row.Date(RosterColumns.Hired, required: true);
        var left = row.Date(RosterColumns.Left, required: false);
        var source = row.OneOf(RosterColumns.TalentSource, ContractVocabulary.TalentSources);
        var education = row.OneOf(RosterColumns.Education, ContractVocabulary.Educations);
        var major = row.Optional(RosterColumns.Major);
        var supplement = CheckSalarySupplement(row);

        if (hired is { } h && asOf is { } a && h > a)
        {
            row.Problem(RosterColumns.Hired,
                $"入职日期 {h:yyyy-MM-dd} 晚于统计日期 {a:yyyy-MM-dd}：尚未入职的人员不应列入花名册。",
                $"hired (入职日期) {h:yyyy-MM-dd} is after as_of (统计日期) {a:yyyy-MM-dd}: people not yet hired do not belong in the snapshot.");
        }

        if (hired is { } hiredOn && left is { } l && l < hiredOn)
        {
            row.Problem(RosterColumns.Left,
                $"离职日期 {l:yyyy-MM-dd} 早于入职日期 {hiredOn:yyyy-MM-dd}：请核对。",
                $"left (离职日期) {l:yyyy-MM-dd} is before hired (入职日期) {hiredOn:yyyy-MM-dd}: please check.");
        }

        return row.Outcome(lineNumber, () => new RosterRow(
            asOf!.Value, id!, name!, gender, unit!, category!, employment!, partTimeSince, hired!.Value, left, source!,
            education!, major, supplement));
    }

    private void RequireSameAsOf(DateOnly date, int lineNumber)
    {
        if (fileAsOf is null)
        {
            fileAsOf = date;
            fileAsOfLine = lineNumber;
            return;
        }

        if (fileAsOf.Value != date)
        {
            throw new ExtractRefusedException(fileName,
                $"统计日期不一致：第 {fileAsOfLine} 行为 {fileAsOf.Value:yyyy-MM-dd}，第 {lineNumber} 行为 {date:yyyy-MM-dd}。"
                + "一份花名册是某一天的全员快照，所有行的统计日期必须相同；整个文件未导入。",
                $"as_of (统计日期) differs: line {fileAsOfLine} has {fileAsOf.Value:yyyy-MM-dd}, line {lineNumber} has {date:yyyy-MM-dd}. "
                + "A roster is a snapshot of one day, so every row must have the same as_of; the whole file was not loaded.");
        }
    }

    /// <summary>The ID number wins: the row's gender is the ID's; a different or unreadable 性别 is only a warning.</summary>
    private static string? CheckGender(RowChecks row, string? id)
    {
        var given = row.Optional(RosterColumns.Gender);
        var fromId = id is null ? null : IdNumber.GenderOf(id);
        if (given is null)
        {
            return fromId;
        }

        if (given is not ("男" or "女"))
        {
            row.Warning(RosterColumns.Gender,
                $"性别「{CellText.ForMessage(given)}」无法识别（应为 男 或 女），以身份证号为准。",
                $"gender (性别) \"{CellText.ForMessage(given)}\" is not 男 or 女; the ID number's gender is used.");
        }
        else if (fromId is not null && given != fromId)
        {
            row.Warning(RosterColumns.Gender,
                $"性别填为「{given}」，但身份证号显示为「{fromId}」：以身份证号为准，请更正人事系统中的记录。",
                $"gender (性别) is \"{given}\" but the ID number says \"{fromId}\": the ID number wins; please correct the HR record.");
        }

        return fromId ?? given;
    }

    private static DateOnly? CheckPartTimeSince(RowChecks row, string? employment)
    {
        if (employment == ContractVocabulary.PartTime)
        {
            return row.Date(RosterColumns.PartTimeSince, required: true);
        }

        var given = row.Optional(RosterColumns.PartTimeSince);
        if (employment is not null && given is not null)
        {
            row.Problem(RosterColumns.PartTimeSince,
                $"用工方式为「{employment}」，兼职起始日期应为空（只有兼职人员填写）。",
                $"employment (用工方式) is \"{employment}\", so part_time_since (兼职起始日期) must be empty (only for part-time staff).");
        }

        return null;
    }

    private static int? CheckSalarySupplement(RowChecks row)
    {
        var value = row.Integer(RosterColumns.SalarySupplement, required: false, 0, 1200);
        if (value is null or 0 or >= 200)
        {
            return value;
        }

        row.Problem(RosterColumns.SalarySupplement,
            $"基本工资增发 {value} 元不在规定范围：应为 0，或 200 到 1200 元。",
            $"salary_supplement (基本工资增发) {value} yuan is out of range: it must be 0, or 200 to 1200.");
        return null;
    }
}
