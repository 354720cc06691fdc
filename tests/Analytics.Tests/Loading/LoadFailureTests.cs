using System.Diagnostics;
using System.Text;
using Analytics.Etl.Loading;
using Analytics.Tests.Extracts;
using static Analytics.Tests.Loading.SampleExtracts;

namespace Analytics.Tests.Loading;

/// <summary>
/// A load whose COMMIT fails for real: the CLI runs under a file-size limit (ulimit -f, SIGXFSZ ignored) that leaves
/// room for the warehouse as it is and a small file's log, not for a big roster's. DuckDB then fails the commit with
/// "File too large" (as it fails with "No space left on device" on a full disk) and has already rolled back, so
/// Rollback() throws "Transaction has already been finished". The load must keep the original error, record the
/// file, leave the warehouse as it was and go on with the next file.
/// </summary>
public sealed class LoadFailureTests
{
    private const int RosterRows = 25_000;

    [Fact]
    public async Task A_commit_that_fails_for_lack_of_space_keeps_its_error_records_the_file_and_the_next_file_still_loads()
    {
        using var f = new LoaderFixture();
        f.Load(f.Write("org.csv", OrgRegister));
        var roster = f.Write("a_roster.csv", BigRoster());
        var exam = f.Write("b_exam.csv", $"身份证号,姓名,考试年度,资格级别,考试结果,证书编号\n{TestIds.Person(1)},李四,2021,社工员,通过,X1\n");
        var limitKb = (new FileInfo(f.Options.Path).Length + 1024 * 1024) / 1024;

        var (exit, stdout, stderr) = await RunWithFileSizeLimit(f.Folder, limitKb, "load", "--db", f.Options.Path, roster, exam);

        Assert.True(exit == 1, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Contains("! a_roster.csv", stdout);
        Assert.Contains("File too large", stdout);
        Assert.DoesNotContain("already been finished", stdout + stderr);
        Assert.Contains("✓ b_exam.csv", stdout);
        Assert.Contains("合计 Total: 2", stdout);
        Assert.Equal(["a_roster.csv|failed|True", "b_exam.csv|loaded|False"],
            f.Rows("SELECT file_name, outcome, coalesce(message_en LIKE '%File too large%', false) FROM load_run WHERE file_name <> 'org.csv' ORDER BY file_name"));
        Assert.Equal(0, f.Scalar<int>("SELECT count(*) FROM roster_entry") + f.Scalar<int>("SELECT count(*) FROM roster_snapshot"));
        Assert.Equal(1, f.Scalar<int>("SELECT count(*) FROM exam_result"));
        Assert.Equal(1, f.Scalar<int>("SELECT count(*) FROM person"));

        // Without the limit the same bytes load: a failure is not "already loaded".
        Assert.Equal(LoadOutcome.Loaded, f.Load(roster).Files.Single().Outcome);
        Assert.Equal(RosterRows, f.Scalar<int>("SELECT count(*) FROM roster_entry"));
    }

    private static string BigRoster()
    {
        var text = new StringBuilder(RosterHeader).Append('\n');
        for (var i = 0; i < RosterRows; i++)
            text.Append(RosterRow("2022-12-31", TestIds.Make(new DateOnly(1960, 1, 1).AddDays(i / 400), i % 400 * 2 + 1), "张三")).Append('\n');
        return text.ToString();
    }

    /// <summary>The built CLI under bash's `ulimit -f` (KB); SIGXFSZ is ignored so a write past the limit fails instead of killing it.</summary>
    private static async Task<(int Exit, string Out, string Err)> RunWithFileSizeLimit(string folder, long limitKb, params string[] args)
    {
        var info = new ProcessStartInfo("/bin/bash")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in new[] { "-c", "trap '' XFSZ; ulimit -f \"$1\"; shift; exec \"$@\"", "bash", limitKb.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     Path.Combine(AppContext.BaseDirectory, "Analytics.Etl") }.Concat(args))
            info.ArgumentList.Add(a);
        info.Environment["ANALYTICS_PERSON_KEY"] = "test-secret";
        // The runtime's double-mapped code pages are a file that the size limit would refuse.
        info.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
