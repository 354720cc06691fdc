using System.Text.Json.Nodes;
using Analytics.Dashboards.Targets;
using Analytics.Dashboards.Tests.Support;

namespace Analytics.Dashboards.Tests.Targets;

public sealed class TargetsFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("analytics-targets-").FullName;

    private string WriteVariant(Action<JsonArray> change)
    {
        var document = JsonNode.Parse(File.ReadAllText(TestPaths.ShippedTargets))!;
        change(document["targets"]!.AsArray());
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }

    [Fact]
    public void The_shipped_file_is_valid_with_policy_2022_rows_and_planner_set_2025_rows_besides_the_standing_post_minimums()
    {
        var targets = TargetsFile.Load(TestPaths.ShippedTargets);
        Assert.All(targets.Where(t => t.Year == 2022), t => Assert.Equal("policy", t.Source));
        Assert.Equal(["appraisal_coverage", "professional_share", "town_centre_coverage", "unit_posts"],
            targets.Where(t => t.Year == 2025).Select(t => t.Indicator).Order().ToArray());
        var standing = targets.Single(t => t.Year == 2025 && t.Indicator == "unit_posts");
        Assert.Equal(("policy", 1.0), (standing.Source, standing.Threshold));
        Assert.All(targets.Where(t => t.Year == 2025 && t != standing), t => Assert.True(t.IsPlannerSet));
    }

    [Fact]
    public void The_2022_post_minimums_cannot_be_dropped_or_lowered_for_2025()
    {
        var dropped = WriteVariant(targets => targets.Remove(targets.Single(t => t!["id"]!.GetValue<string>() == "posts-2025")));
        var error = Assert.Throws<TargetsFileException>(() => TargetsFile.Load(dropped));
        Assert.Contains(error.Errors, e => e.Contains("\"unit_posts\" stays in force") && e.Contains("2025"));

        var lowered = WriteVariant(targets => targets.Single(t => t!["id"]!.GetValue<string>() == "posts-2025")!["threshold"] = 0.9);
        error = Assert.Throws<TargetsFileException>(() => TargetsFile.Load(lowered));
        Assert.Contains(error.Errors, e => e.StartsWith("posts-2025:", StringComparison.Ordinal) && e.Contains("stays in force at threshold 1"));
    }

    [Fact]
    public void A_changed_2022_threshold_an_unknown_indicator_and_a_duplicate_id_are_each_reported()
    {
        var path = WriteVariant(targets =>
        {
            targets[0]!["threshold"] = 0.8;
            targets[4]!["indicator"] = "happiness";
            targets[5]!["id"] = targets[6]!["id"]!.GetValue<string>();
        });

        var error = Assert.Throws<TargetsFileException>(() => TargetsFile.Load(path));

        Assert.Contains(error.Errors, e => e.Contains("posts-2022") && e.Contains("fixed by the policy"));
        Assert.Contains(error.Errors, e => e.Contains("\"happiness\" is unknown"));
        Assert.Contains(error.Errors, e => e.Contains("appears 2 times"));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Broken_json_names_the_line()
    {
        var path = Path.Combine(folder, "broken.json");
        File.WriteAllText(path, "{\n  \"targets\": [\n    { \"id\": \n");
        var error = Assert.Throws<TargetsFileException>(() => TargetsFile.Load(path));
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void The_targets_page_renders_the_file_and_shows_an_edit_without_a_rebuild()
    {
        var path = WriteVariant(_ => { });
        using var ctx = new DashboardContext(targetsPath: path);
        var page = ctx.Render<TargetsPage>();
        Assert.Equal(8, page.FindAll("#targets tbody tr").Count);
        Assert.Contains("60.0%", page.Find("tr[data-target=professional-share-2025]").TextContent);
        Assert.Contains("规划设定", page.Find("tr[data-target=professional-share-2025]").TextContent);
        Assert.Contains("政策文件", page.Find("tr[data-target=posts-2022]").TextContent);

        File.WriteAllText(path, File.ReadAllText(path).Replace("0.6", "0.75"));
        ctx.Events.Raise();

        page.WaitForAssertion(() => Assert.Contains("75.0%", page.Find("tr[data-target=professional-share-2025]").TextContent));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
