using Analytics.Etl.Extracts;
using Analytics.Etl.Loading;
using Analytics.Tests.Loading;

namespace Analytics.Tests.DemoData;

/// <summary>The generated city history through the real loader into a real warehouse file.</summary>
[Collection(DemoDataCollection.Name)]
public sealed class DemoDataLoadTests(DemoDataFixture fixture)
{
    [Fact]
    public void Every_generated_file_loads_and_only_the_deliberately_bad_rows_are_quarantined()
    {
        using var warehouse = new LoaderFixture();

        var report = warehouse.Load(fixture.Folder);

        Assert.Equal(fixture.Summary.Files.Count, report.Files.Count);
        Assert.All(report.Files, f => Assert.Equal(LoadOutcome.Loaded, f.Outcome));
        Assert.Equal(ExtractKindOrder(report), report.Files.Select(f => f.Kind!.LoadOrder).ToList());
        var quarantined = warehouse.Rows("SELECT DISTINCT file_name || ':' || line_number FROM quarantine ORDER BY 1");
        var expected = fixture.Summary.BadRows.Select(b => $"{b.FileName}:{b.LineNumber}").Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, quarantined.Order(StringComparer.Ordinal).ToList());
        Assert.Equal(fixture.Summary.TotalRows - expected.Count, report.RowsLoaded);

        // The story reads as told: the outer counties lag at the 2022 deadline, the city is close.
        var gaps = warehouse.Rows("SELECT district_name || '=' || gap_posts FROM district_progress(DATE '2022-12-31') WHERE gap_posts > 100 ORDER BY 1");
        Assert.Equal(["简阳市=175", "金堂县=115"], gaps);
        Assert.Equal(15, warehouse.Scalar<int>("SELECT count(*) FROM roster_snapshot"));
    }

    private static List<int> ExtractKindOrder(LoadReport report) =>
        report.Files.Select(f => f.Kind!.LoadOrder).Order().ToList();
}
