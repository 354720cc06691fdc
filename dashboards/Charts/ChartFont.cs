namespace Analytics.Dashboards.Charts;

/// <summary>
/// The CJK font of everything drawn on the server (WenQuanYi Micro Hei, Apache-2.0, Charts/Fonts/NOTICE): registered
/// once with ScottPlot for the charts, and its first face as a plain TrueType font for the briefing PDF. Browsers never
/// get this file (Chromium rejects the .ttc): pages use Noto Sans SC from wwwroot/fonts/noto-sans-sc.
/// </summary>
internal static class ChartFont
{
    public const string Name = "WenQuanYi Micro Hei";
    public const string RelativePath = "Charts/Fonts/wqy-microhei.ttc";
    private static readonly Lock Gate = new();
    private static string? registered;
    private static byte[]? trueType;

    /// <summary>Registers the font file with ScottPlot (idempotent); throws with the path when it is missing.</summary>
    public static void Register(string path)
    {
        lock (Gate)
        {
            if (registered == path) return;
            if (!File.Exists(path)) throw new FileNotFoundException($"The chart font {path} is missing (expected {RelativePath} beside the app).", path);
            ScottPlot.Fonts.AddFontFile(Name, path, bold: false, italic: false);
            ScottPlot.Fonts.AddFontFile(Name, path, bold: true, italic: false);
            registered = path;
        }
    }

    /// <summary>The registered font's first face as a stand-alone TrueType file (PDFsharp takes no collections).</summary>
    public static byte[] TrueTypeFace()
    {
        lock (Gate)
        {
            if (registered is null) throw new InvalidOperationException("The chart font is not registered yet.");
            return trueType ??= TrueTypeCollection.ExtractFace(File.ReadAllBytes(registered), 0);
        }
    }

    /// <summary>Charts/Fonts/wqy-microhei.ttc beside the app (build or publish output), else under the content root.</summary>
    public static string Locate(IWebHostEnvironment environment)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, RelativePath);
        return File.Exists(beside) ? beside : Path.Combine(environment.ContentRootPath, RelativePath);
    }
}
