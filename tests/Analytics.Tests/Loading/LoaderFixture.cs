using System.Text;
using Analytics.Etl.Loading;
using Analytics.Warehouse.People;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Tests.Loading;

/// <summary>A temp folder with its own warehouse file and a loader over it. Each test builds its own.</summary>
internal sealed class LoaderFixture : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("analytics-load-").FullName;
    public WarehouseOptions Options { get; }
    public WarehouseDatabase Database { get; }

    public LoaderFixture()
    {
        Options = new WarehouseOptions { Path = Path.Combine(Folder, "warehouse.duckdb"), PersonKey = "test-secret" };
        Database = new WarehouseDatabase(Options);
    }

    public ExtractLoader Loader(Action<string, int>? afterRow = null, string? memoryLimit = null) =>
        new(Database, PersonKeySource.Resolve(Options, Database), TimeProvider.System) { AfterRowStaged = afterRow, MemoryLimitWhileLoading = memoryLimit };

    public string Write(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(Folder, "in", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public LoadReport Load(params string[] paths) => Loader().Load(paths);

    public T Scalar<T>(string sql)
    {
        using var connection = Database.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public List<string> Rows(string sql)
    {
        using var connection = Database.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    /// <summary>Every row of every data table (not the load history), to compare the warehouse before and after.</summary>
    public string DataState()
    {
        var tables = new[] { "org_unit", "org_unit_history", "person", "roster_snapshot", "roster_entry", "exam_result", "appraisal", "post_quota", "demo_site", "quarantine", "load_notice" };
        return string.Join("\n", tables.Select(t => t + ":\n" + string.Join("\n", Rows($"SELECT * EXCLUDE (load_id) FROM {t} ORDER BY ALL"))));
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, true); } catch (IOException) { }
    }
}

/// <summary>Small, contract-true extracts for loader tests.</summary>
internal static class SampleExtracts
{
    public const string OrgRegister = """
        区划代码,名称,类型,上级代码,设立日期,撤销日期
        510104,锦江区,区,,,
        510104001,春熙路街道,街道,510104,,
        510104001001,红星路社区,社区,510104001,,
        510104001002,盐市口社区,社区,510104001,,2020-06-30
        510121,金堂县,县,,,
        510121100,赵镇,镇,510121,,
        510121100201,三星村,建制村,510121100,,

        """;

    public static string RosterHeader => "统计日期,身份证号,姓名,性别,工作单位代码,岗位类别,用工方式,兼职起始日期,入职日期,离职日期,人才来源,学历,所学专业,基本工资增发";

    public static string RosterRow(string asOf, string id, string name, string unit = "510104001001", string post = "社会工作专业岗位", string employment = "专职", string partTimeSince = "", string hired = "2019-05-01") =>
        $"{asOf},{id},{name},,{unit},{post},{employment},{partTimeSince},{hired},,存量转岗,本科,社会工作,400";
}
