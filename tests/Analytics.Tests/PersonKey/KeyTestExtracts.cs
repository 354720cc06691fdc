using System.Text;
using Analytics.Tests.Extracts;

namespace Analytics.Tests.PersonKey;

/// <summary>A register, a roster of five people and the exam results of three of them, each a contract-true CSV.</summary>
internal static class KeyTestExtracts
{
    public const string Register = """
        区划代码,名称,类型,上级代码,设立日期,撤销日期
        510104,锦江区,区,,,
        510104001,春熙路街道,街道,510104,,
        510104001001,红星路社区,社区,510104001,,

        """;

    public static string Roster()
    {
        var text = new StringBuilder("统计日期,身份证号,姓名,性别,工作单位代码,岗位类别,用工方式,兼职起始日期,入职日期,离职日期,人才来源,学历,所学专业,基本工资增发\n");
        for (var i = 0; i < 5; i++)
            text.Append($"2023-06-30,{TestIds.Person(i)},张{i},,510104001001,社会工作专业岗位,专职,,2019-05-01,,存量转岗,本科,汉语言文学,0\n");
        return text.ToString();
    }

    public static string ExamResults()
    {
        var text = new StringBuilder("身份证号,姓名,考试年度,资格级别,考试结果,证书编号,发证日期\n");
        for (var i = 0; i < 3; i++) text.Append($"{TestIds.Person(i)},张{i},2021,社会工作师,通过,C{i:000},2021-10-01\n");
        return text.ToString();
    }

    /// <summary>Writes the text to a new file in the folder (UTF-8).</summary>
    public static string Write(string folder, string name, string text)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
