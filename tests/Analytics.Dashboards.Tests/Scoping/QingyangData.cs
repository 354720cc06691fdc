using Analytics.Dashboards.Tests.Support;

namespace Analytics.Dashboards.Tests.Scoping;

/// <summary>青羊区 (510105) beside the sample 锦江区: a 街道, a 社区 with a worker, an appraisal and a demonstration site,
/// so a page or export that leaks another district has something to leak.</summary>
internal static class QingyangData
{
    public const string District = "510105", Town = "510105001", Community = "510105001001";
    public static readonly string[] Names = ["青羊区", "少城街道", "宽窄社区"];

    public static TestWarehouse WithQingyang(this TestWarehouse w)
    {
        w.WithWorkforce();
        w.Execute("""
            INSERT INTO org_unit (code, name, kind, level, parent_code, district_code, load_id) VALUES
              ('510105', '青羊区', '区', 'district', NULL, '510105', 1),
              ('510105001', '少城街道', '街道', 'town', '510105', '510105', 1),
              ('510105001001', '宽窄社区', '社区', 'community', '510105001', '510105', 1);
            INSERT INTO person VALUES ('k7', '510105********0077', '吴*', '男', 1990, 2);
            INSERT INTO roster_entry (as_of, person_key, unit_code, post_category, employment, part_time_since, hired, left_on, talent_source, education, major, salary_supplement, load_id, line_number) VALUES
              ('2023-06-30', 'k7', '510105001001', '社会工作专业岗位', '专职', NULL, '2019-03-01', NULL, '存量转岗', '本科', NULL, 0, 3, 8);
            INSERT INTO exam_result VALUES ('k7', 2020, '社会工作师', 3, true, 'C7', '2020-12-01', 4, 8);
            INSERT INTO appraisal VALUES ('k7', 2022, '社区社工专业岗位绩效考评', '510105001', 85, 80, 90, '优秀', 5, 4);
            INSERT INTO demo_site VALUES ('宽窄社区示范点', '510105001001', 2021, '示范点', 6, 3);
            """);
        return w;
    }
}
