namespace Analytics.Dashboards.Charts;

/// <summary>The CJK font shipped in wwwroot/fonts (WenQuanYi Micro Hei, Apache-2.0), registered once with ScottPlot.</summary>
internal static class ChartFont
{
    public const string Name = "WenQuanYi Micro Hei";
    public const string RelativePath = "fonts/wqy-microhei.ttc";
    private static readonly Lock Gate = new();
    private static string? registered;

    /// <summary>Registers the font file with ScottPlot (idempotent); throws with the path when it is missing.</summary>
    public static void Register(string path)
    {
        lock (Gate)
        {
            if (registered == path) return;
            if (!File.Exists(path)) throw new FileNotFoundException($"The chart font {path} is missing (expected wwwroot/{RelativePath}).", path);
            ScottPlot.Fonts.AddFontFile(Name, path, bold: false, italic: false);
            ScottPlot.Fonts.AddFontFile(Name, path, bold: true, italic: false);
            registered = path;
        }
    }

    /// <summary>wwwroot/fonts/wqy-microhei.ttc of the web root (build output via static web assets, or publish).</summary>
    public static string Locate(IWebHostEnvironment environment)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(RelativePath);
        if (file.Exists && file.PhysicalPath is { } physical) return physical;
        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot", RelativePath);
        return beside;
    }
}
