using System.CommandLine;
using Analytics.Etl.Templates;

namespace Analytics.Etl.Cli;

internal static partial class CliCommands
{
    /// <summary>etl template --kind roster --out 花名册模板.xlsx: a blank .xlsx template of an extract kind.</summary>
    public static Command Template()
    {
        var kind = new Option<string>("--kind") { Description = "Extract kind / 数据类型: " + string.Join(", ", ExtractTemplate.KindCodes), Required = true };
        kind.AcceptOnlyFromAmong([.. ExtractTemplate.KindCodes]);
        var output = new Option<string>("--out") { Description = "The .xlsx file to write / 输出文件", Required = true };
        var command = new Command("template", "Write a blank .xlsx template of an extract kind (headers, column guide, drop-down lists) / 生成报送模板") { kind, output };
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(output)!;
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder) Directory.CreateDirectory(folder);
            using (var file = File.Create(path)) ExtractTemplate.Write(parseResult.GetValue(kind)!, file);
            Console.WriteLine($"已写出模板 / template written: {path} ({ExtractTemplate.KindName(parseResult.GetValue(kind)!)})");
            return 0;
        });
        return command;
    }
}
