using System.CommandLine;
using Analytics.Warehouse.Research;

namespace Analytics.Etl.Cli;

internal static partial class CliCommands
{
    /// <summary>`research-docs [--doc FILE] [--write]`: checks (or with --write regenerates) the catalog section of docs/research-sql.md.</summary>
    public static Command ResearchDocs()
    {
        var doc = new Option<string?>("--doc") { Description = "The doc (default: docs/research-sql.md in this folder or above) / 文档路径" };
        var write = new Option<bool>("--write") { Description = "Write the generated section into the doc / 写入文档" };
        var command = new Command("research-docs", """
            The catalog section of docs/research-sql.md (every table, view and macro of the research surface with the
            schema browser's description) is generated from warehouse/Research/ResearchCatalog.cs and Metrics/*.sql.
            Without --write: exit 0 when the doc is current, 2 when it is out of date. With --write: rewrite that section.
            研究库目录文档：检查（或加 --write 重新生成）docs/research-sql.md 中的生成段落。
            """) { doc, write };
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(doc) ?? FindDoc();
            if (path is null || !File.Exists(path))
            {
                Console.Error.WriteLine($"找不到文档 {path ?? "docs/research-sql.md"} / No such doc: {path ?? "docs/research-sql.md"}");
                return CliHost.Refused;
            }
            var text = File.ReadAllText(path).ReplaceLineEndings("\n");
            var current = ResearchCatalogDocs.Splice(text);
            if (current == text)
            {
                Console.WriteLine($"文档已是最新 The doc is current: {Path.GetFullPath(path)}");
                return CliHost.Ok;
            }
            if (!parseResult.GetValue(write))
            {
                Console.Error.WriteLine($"文档已过时，运行 research-docs --write 更新 / The doc is out of date; run research-docs --write: {Path.GetFullPath(path)}");
                return CliHost.Refused;
            }
            File.WriteAllText(path, current);
            Console.WriteLine($"已更新 Written: {Path.GetFullPath(path)}");
            return CliHost.Ok;
        });
        return command;
    }

    private static string? FindDoc()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "research-sql.md");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
