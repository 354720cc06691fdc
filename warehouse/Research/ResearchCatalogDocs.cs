using System.Text;

namespace Analytics.Warehouse.Research;

/// <summary>
/// The catalog as the Markdown section of docs/research-sql.md: `etl research-docs --write` writes it into the doc,
/// a test checks the doc is current (and never writes it).
/// </summary>
public static class ResearchCatalogDocs
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

    /// <summary>The doc with its generated section (between <see cref="Begin"/> and <see cref="End"/>) made current.</summary>
    /// <exception cref="InvalidDataException">The doc lacks the markers.</exception>
    public static string Splice(string doc)
    {
        doc = doc.ReplaceLineEndings("\n");
        var begin = doc.IndexOf(Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
            throw new InvalidDataException($"文档缺少生成段落的标记 / the doc lacks the generated section's markers: {Begin} … {End}");
        var after = end + End.Length;
        if (after < doc.Length && doc[after] == '\n') after++;
        return doc[..begin] + Markdown().ReplaceLineEndings("\n") + doc[after..];
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
