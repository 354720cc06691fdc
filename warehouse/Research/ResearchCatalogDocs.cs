using System.Text;

namespace Analytics.Warehouse.Research;

/// <summary>The catalog as the Markdown section of docs/research-sql.md (a test keeps the doc equal to it).</summary>
internal static class ResearchCatalogDocs
{
    public const string Begin = "<!-- research-catalog:begin (generated from warehouse/Research/ResearchCatalog.cs and Metrics/*.sql) -->";
    public const string End = "<!-- research-catalog:end -->";

    public static string Markdown()
    {
        var text = new StringBuilder().AppendLine(Begin).AppendLine();
        Section(text, "Tables 表", ResearchCatalog.Tables);
        Section(text, "Views 视图", ResearchCatalog.Views);
        text.AppendLine("### Macros 宏").AppendLine();
        text.AppendLine("| macro | description |").AppendLine("|---|---|");
        foreach (var m in ResearchCatalog.Macros) text.AppendLine($"| `{m.Signature}` | {Cell(m.DescriptionZh)} |");
        return text.AppendLine().AppendLine(End).ToString();
    }

    private static void Section(StringBuilder text, string title, IEnumerable<ResearchObject> items)
    {
        text.AppendLine($"### {title}").AppendLine();
        text.AppendLine("| name | columns | 说明 | description |").AppendLine("|---|---|---|---|");
        foreach (var t in items) text.AppendLine($"| `{t.Name}` | {Cell(t.Signature)} | {Cell(t.DescriptionZh)} | {Cell(t.DescriptionEn)} |");
        text.AppendLine();
    }

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
