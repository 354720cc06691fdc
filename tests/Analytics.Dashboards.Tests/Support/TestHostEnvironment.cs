using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Analytics.Dashboards.Tests.Support;

internal sealed class TestHostEnvironment(string contentRoot) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Test";
    public string ApplicationName { get; set; } = "Analytics.Dashboards";
    public string ContentRootPath { get; set; } = contentRoot;
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
