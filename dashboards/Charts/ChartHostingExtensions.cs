namespace Analytics.Dashboards.Charts;

internal static class ChartHostingExtensions
{
    /// <summary>One ChartRenderer for the process, with the shipped font (Charts/Fonts/wqy-microhei.ttc).</summary>
    public static WebApplicationBuilder AddCharts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new ChartRenderer(ChartFont.Locate(sp.GetRequiredService<IWebHostEnvironment>())));
        return builder;
    }
}
