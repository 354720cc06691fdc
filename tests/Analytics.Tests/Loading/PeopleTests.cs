using System.Text;
using Analytics.Tests.Extracts;
using Analytics.Warehouse.Storage;
using static Analytics.Tests.Loading.SampleExtracts;

namespace Analytics.Tests.Loading;

/// <summary>What the warehouse keeps about a person: a keyed hash, masked ID and name, gender and birth year (PIPL data minimisation).</summary>
public sealed class PeopleTests
{
    private static readonly string Ouyang = TestIds.Make(new DateOnly(1987, 11, 23), 124);

    [Fact]
    public void Neither_the_full_name_nor_the_birth_date_reaches_the_warehouse_file()
    {
        using var f = new LoaderFixture();
        f.Load(f.Write("org.csv", OrgRegister));
        f.Load(f.Write("roster.csv", RosterHeader + "\n" + RosterRow("2022-12-31", Ouyang, "欧阳娜娜") + "\n"));
        using (var c = f.Database.Open()) c.Execute("CHECKPOINT");

        Assert.Equal([$"{Ouyang[..6]}********{Ouyang[^4..]}|欧***|女|1987"], f.Rows("SELECT id_masked, name_masked, gender, birth_year FROM person"));
        Assert.Empty(f.Rows("SELECT column_name FROM duckdb_columns() WHERE table_name = 'person' AND column_name IN ('name', 'birth_date')"));
        var bytes = File.ReadAllBytes(f.Options.Path);
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("欧阳娜娜")));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes("19871123")));
    }

    [Fact]
    public void A_person_named_again_unchanged_is_not_rewritten_and_a_changed_name_replaces_the_old_one()
    {
        using var f = new LoaderFixture();
        f.Load(f.Write("org.csv", OrgRegister));
        f.Load(f.Write("r1.csv", RosterHeader + "\n" + RosterRow("2021-12-31", Ouyang, "欧阳娜娜") + "\n"));
        var first = f.Rows("SELECT load_id FROM person");

        f.Load(f.Write("r2.csv", RosterHeader + "\n" + RosterRow("2022-12-31", Ouyang, "欧阳娜娜") + "\n"));
        Assert.Equal(first, f.Rows("SELECT load_id FROM person"));

        var exams = f.Write("exam.csv", $"身份证号,姓名,考试年度,资格级别,考试结果,证书编号\n{Ouyang},欧阳娜娜,2020,社工员,通过,X1\n{Ouyang},司马娜,2021,助理社会工作师,通过,X2\n");
        f.Load(exams);
        Assert.Equal(["司**"], f.Rows("SELECT name_masked FROM person"));
        Assert.NotEqual(first, f.Rows("SELECT load_id FROM person"));
    }

    [Fact]
    public void A_person_whose_every_row_is_bad_is_not_recorded()
    {
        using var f = new LoaderFixture();
        f.Load(f.Write("org.csv", OrgRegister));
        var twice = RosterRow("2022-12-31", Ouyang, "欧阳娜娜");
        var report = f.Load(f.Write("roster.csv", RosterHeader + "\n" + twice + "\n" + RosterRow("2022-12-31", TestIds.Person(3), "王五") + "\n" + twice + "\n"));

        Assert.Equal((1, 2), (report.Files[0].RowsLoaded, report.Files[0].RowsQuarantined));
        Assert.Equal(["王*"], f.Rows("SELECT name_masked FROM person"));
    }
}
