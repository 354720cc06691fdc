using System.CommandLine;
using Analytics.Etl.DemoData;

namespace Analytics.Etl.Cli;

internal static partial class CliCommands
{
    /// <summary>`demo-data --out DIR [--scale city|province] [--seed N] [--from 2019] [--to 2026]`.</summary>
    public static Command DemoData()
    {
        var defaults = new DemoDataOptions("");
        var outDir = new Option<string>("--out") { Description = "Folder to write the CSV extracts to / 输出目录", Required = true };
        var scale = new Option<string>("--scale") { Description = "city (Chengdu, ~3,000 communities) or province (~10×)", DefaultValueFactory = _ => defaults.Scale };
        scale.AcceptOnlyFromAmong(DemoDataOptions.City, DemoDataOptions.Province);
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed writes the same bytes", DefaultValueFactory = _ => defaults.Seed };
        var from = new Option<int>("--from") { Description = "First year of roster snapshots", DefaultValueFactory = _ => defaults.From };
        var to = new Option<int>("--to") { Description = "Last year; its 06-30 is the last snapshot (\"today\")", DefaultValueFactory = _ => defaults.To };
        var command = new Command("demo-data", "Write synthetic demo extracts (deterministic for a seed) / 生成演示数据");
        command.Options.Add(outDir);
        command.Options.Add(scale);
        command.Options.Add(seed);
        command.Options.Add(from);
        command.Options.Add(to);
        command.SetAction(parseResult =>
        {
            var options = new DemoDataOptions(parseResult.GetValue(outDir)!, parseResult.GetValue(scale)!, parseResult.GetValue(seed),
                parseResult.GetValue(from), parseResult.GetValue(to));
            var problems = options.Problems();
            if (problems.Count > 0)
            {
                foreach (var problem in problems) Console.Error.WriteLine(problem);
                return CliHost.Refused;
            }
            var summary = DemoDataGenerator.Write(options, new Progress<string>(Console.WriteLine));
            foreach (var file in summary.Files) Console.WriteLine($"{file.FileName}\t{file.Kind}\t{file.Encoding}\t{file.Rows} rows");
            Console.WriteLine($"{summary.Files.Count} files, {summary.TotalRows} rows in {summary.OutDir}");
            Console.WriteLine($"Deliberately bad rows ({summary.BadRows.Count}):");
            foreach (var bad in summary.BadRows)
                Console.WriteLine($"  {bad.FileName}:{bad.LineNumber} [{bad.Column ?? "-"}] {bad.ReasonZh} / {bad.ReasonEn}");
            return CliHost.Ok;
        });
        return command;
    }
}
