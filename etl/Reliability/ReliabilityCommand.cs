using System.CommandLine;
using Analytics.Etl.Reliability;

namespace Analytics.Etl.Cli;

internal static partial class CliCommands
{
    /// <summary>`reliability [--kills N] [--fuzz N] ...`: the crash matrix and the fuzz campaign (docs/RELIABILITY.md).</summary>
    public static Command Reliability()
    {
        var defaults = new ReliabilityOptions("");
        var kills = new Option<int>("--kills") { Description = "SIGKILLs of `etl load`, spread over a load / 中途杀进程次数", DefaultValueFactory = _ => defaults.Kills };
        var fuzz = new Option<int>("--fuzz") { Description = "Hostile extract files to load / 恶意数据文件数", DefaultValueFactory = _ => defaults.Fuzz };
        var batch = new Option<int>("--batch") { Description = "Files per `etl load` of the fuzz campaign", DefaultValueFactory = _ => defaults.Batch };
        var seed = new Option<int>("--seed") { Description = "Seed of the hostile files (the same seed makes the same files)", DefaultValueFactory = _ => defaults.Seed };
        var work = new Option<string>("--work") { Description = "Work folder (default: a new temp folder; kept when something fails)" };
        var extracts = new Option<string?>("--extracts") { Description = "Demo extracts to use (default: generated with demo-data)" };
        var crashFiles = new Option<int>("--crash-files") { Description = "Extract kinds the crash matrix loads (1-5)", DefaultValueFactory = _ => defaults.CrashFiles };
        var command = new Command("reliability", """
            The reliability harness: kills `etl load` (SIGKILL) at many points of a load and checks the warehouse is intact
            and reloads to the same data; loads hostile extracts and checks the loader never crashes and never loses good
            rows. Everything runs through this CLI as child processes. Exit code 0 when everything passed.
            可靠性测试：加载中途强杀进程与恶意数据文件。
            """) { kills, fuzz, batch, seed, work, extracts, crashFiles };
        command.SetAction(parseResult =>
        {
            var folder = parseResult.GetValue(work) ?? Directory.CreateTempSubdirectory("analytics-reliability-").FullName;
            var options = new ReliabilityOptions(folder, parseResult.GetValue(extracts), parseResult.GetValue(kills), parseResult.GetValue(fuzz),
                parseResult.GetValue(batch), parseResult.GetValue(seed), CrashFiles: parseResult.GetValue(crashFiles));
            var report = ReliabilityRun.Execute(options, Console.WriteLine);
            Console.WriteLine($"崩溃矩阵 Crash matrix: {report.Kills.Count} kills, {report.KillsIntact} intact, {report.KillsRestored} reloaded to the same data " +
                $"(reference load {report.ReferenceLoad.TotalSeconds:N1} s)");
            Console.WriteLine($"模糊测试 Fuzz: {report.Fuzz.Files} hostile files ({report.Fuzz.RowMutations} with bad records, {report.Fuzz.FileMutations} damaged files) " +
                $"in {report.Fuzz.Batches} loads, {report.Fuzz.Findings.Count} findings");
            foreach (var finding in report.Fuzz.Findings) Console.WriteLine("  " + finding);
            Console.WriteLine($"{(report.Passed ? "通过 PASSED" : "未通过 FAILED (work folder kept: " + folder + ")")} in {report.Elapsed.TotalSeconds:N0} s");
            return report.Passed ? CliHost.Ok : CliHost.Fault;
        });
        return command;
    }
}
