namespace Analytics.Etl.Extracts;

/// <summary>
/// The 区(市)县 a file was submitted for, by a clerk bound to it (dashboards/Upload): a hidden sidecar file
/// ".{file name}.district" beside it in the inbox holding the 6-digit code, written before the file itself. The load then
/// refuses every row whose unit (工作单位代码, 考评单位代码 or 区划代码) lies in another district, with that reason; kinds
/// without a unit column (exam results) are not district-bound. A file without a sidecar (dropped on the server, the CLI)
/// is the city's and may hold any district.
/// </summary>
public static class SubmittedDistrict
{
    private static readonly string[] UnitColumns = ["工作单位代码", "考评单位代码", "区划代码"];

    public static string SidecarOf(string path) => Path.Combine(Path.GetDirectoryName(path) ?? "", "." + Path.GetFileName(path) + ".district");

    /// <summary>The district of the submission, or null (no sidecar, or not a 6-digit code).</summary>
    internal static string? Of(string path)
    {
        var sidecar = SidecarOf(path);
        if (!File.Exists(sidecar)) return null;
        var code = File.ReadAllText(sidecar).Trim();
        return code.Length == 6 && code.All(char.IsAsciiDigit) ? code : null;
    }

    /// <summary>The kind's unit column, or null when its rows belong to no district.</summary>
    internal static ExtractColumn? UnitColumn(ExtractKind kind) => kind.Columns.FirstOrDefault(c => UnitColumns.Contains(c.Chinese));

    /// <summary>The problem of a row whose unit lies outside the district (null when inside, empty or too short to say).</summary>
    internal static RowProblem? Check(string district, ExtractColumn column, ReadOnlySpan<char> unit)
    {
        if (unit.Length < 6 || unit.StartsWith(district, StringComparison.Ordinal)) return null;
        var other = unit[..6].ToString();
        return new RowProblem(column.Chinese,
            $"本行的「{column.Chinese}」{CellText.ForMessage(unit)} 属于区(市)县 {other}，不是报送单位所在的 {district}：数据报送员只能报送本区(市)县的数据，本行未导入。",
            $"This row's {column.Alias} {CellText.ForMessage(unit)} belongs to district {other}, not the submitting district {district}: a district clerk submits only their own district's rows, so it was not loaded.");
    }
}
