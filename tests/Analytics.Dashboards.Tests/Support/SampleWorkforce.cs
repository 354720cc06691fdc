namespace Analytics.Dashboards.Tests.Support;

/// <summary>
/// Workers for the small Chengdu of TestWarehouse.WithOrganisation, as the loads would write them. At 2023-06-30:
/// 和平社区 has 2 qualified posts (meets), 春熙社区 has none (a part-timer past two years, a certified 专职工作者),
/// 三圣村 has 1 (meets): required 5, qualified 3, gap 2; the 街道 centre has 1 qualified post.
/// </summary>
internal static class SampleWorkforce
{
    public static TestWarehouse WithWorkforce(this TestWarehouse w)
    {
        w.WithOrganisation();
        w.Execute("""
            INSERT INTO person VALUES
              ('k1', '510104********0011', '张*', '男', 1980, 2),
              ('k2', '510104********0022', '李*', '女', 1995, 2),
              ('k3', '510104********0033', '王*', '男', 1985, 2),
              ('k4', '510104********0044', '赵*', '女', 1988, 2),
              ('k5', '510104********0055', '钱*', '男', 1990, 2),
              ('k6', '510104********0066', '孙*', '女', 1992, 2),
              ('k9', '510104********0099', '周*', '女', 2000, 2);
            INSERT INTO roster_entry (as_of, person_key, unit_code, post_category, employment, part_time_since, hired, left_on, talent_source, education, major, salary_supplement, load_id, line_number) VALUES
              ('2022-12-31', 'k1', '510104020001', '社会工作专业岗位', '专职', NULL, '2018-03-01', NULL, '存量转岗', '本科', '行政管理', 200, 2, 2),
              ('2022-12-31', 'k3', '510104020002', '社会工作专业岗位', '兼职', '2020-01-01', '2019-01-01', NULL, '存量转岗', '大专', NULL, 0, 2, 3),
              ('2022-12-31', 'k4', '510104020002', '社区专职工作者', '专职', NULL, '2016-01-01', NULL, '存量转岗', '本科', NULL, 300, 2, 4),
              ('2023-06-30', 'k1', '510104020001', '社会工作专业岗位', '专职', NULL, '2018-03-01', NULL, '存量转岗', '本科', '行政管理', 200, 3, 2),
              ('2023-06-30', 'k2', '510104020001', '社会工作专业岗位', '专职', NULL, '2021-05-01', NULL, '高校社工专业毕业生', '本科', '社会工作', 0, 3, 3),
              ('2023-06-30', 'k3', '510104020002', '社会工作专业岗位', '兼职', '2020-01-01', '2019-01-01', NULL, '存量转岗', '大专', NULL, 0, 3, 4),
              ('2023-06-30', 'k4', '510104020002', '社区专职工作者', '专职', NULL, '2016-01-01', NULL, '存量转岗', '本科', NULL, 300, 3, 5),
              ('2023-06-30', 'k5', '510104020201', '社会工作专业岗位', '专职', NULL, '2022-02-01', NULL, '一村一名大学生', '大专', NULL, 0, 3, 6),
              ('2023-06-30', 'k6', '510104020', '社会工作专业岗位', '专职', NULL, '2020-06-01', NULL, '社工机构派驻', '本科', NULL, 0, 3, 7);
            INSERT INTO exam_result VALUES
              ('k1', 2019, '社会工作师', 3, true, 'C1', '2019-12-01', 4, 2),
              ('k3', 2020, '助理社会工作师', 2, true, 'C3', '2020-12-01', 4, 3),
              ('k4', 2018, '助理社会工作师', 2, true, 'C4', '2018-12-01', 4, 4),
              ('k5', 2022, '社工员', 1, true, 'C5', '2022-10-01', 4, 5),
              ('k6', 2021, '助理社会工作师', 2, true, 'C6', '2021-12-01', 4, 6),
              ('k9', 2022, '助理社会工作师', 2, true, 'C9', '2022-12-01', 4, 7);
            INSERT INTO appraisal VALUES
              ('k1', 2022, '社区社工专业岗位绩效考评', '510104020', 90, 88, 92, '优秀', 5, 2),
              ('k5', 2022, '社区社工专业岗位绩效考评', '510104020', 80, 75, 85, '合格', 5, 3);
            INSERT INTO demo_site VALUES ('和平社区社工示范点', '510104020001', 2021, '示范点', 6, 2);
            """);
        return w;
    }
}
