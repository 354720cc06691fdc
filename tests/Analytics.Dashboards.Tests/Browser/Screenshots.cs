namespace Analytics.Dashboards.Tests.Browser;

/// <summary>
/// Test artefacts to look at: screenshots and rendered PDF pages, kept under TestResults/screenshots of the repository
/// (found from the test's folder upwards), else beside the test assembly.
/// </summary>
internal static class Screenshots
{
    public static string Folder { get; } = Locate();

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static void Keep(string file, string name) => File.Copy(file, PathOf(name), overwrite: true);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analytics.sln")))
                return Directory.CreateDirectory(Path.Combine(dir.FullName, "TestResults", "screenshots")).FullName;
        }
        return Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
    }
}
