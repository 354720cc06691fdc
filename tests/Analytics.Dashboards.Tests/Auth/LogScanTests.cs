using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Sql;
using Analytics.Dashboards.Tests.Browser;
using Analytics.Dashboards.Tests.Support;
using Analytics.Etl.DemoData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Dashboards.Tests.Auth;

/// <summary>The log output of a full load (through the inbox) and a signed-in session holds no 15- or 18-digit ID number.</summary>
public sealed partial class LogScanTests
{
    [GeneratedRegex(@"(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")]
    private static partial Regex IdNumber();

    private sealed class Capture : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
        public void Dispose() { }

        private sealed class Logger(Capture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                capture.Lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
        }
    }

    [Fact]
    public async Task A_full_load_and_a_session_log_no_id_number()
    {
        using var warehouse = new TestWarehouse();
        var inbox = Path.Combine(warehouse.Folder, "inbox");
        DemoDataGenerator.Write(new DemoDataOptions(inbox, From: 2022, To: 2022));
        var someId = File.ReadLines(Directory.GetFiles(inbox, "*花名册.csv").First()).Skip(1).First().Split(',')[1];
        Assert.Matches(IdNumber(), someId);

        await using var dashboard = await RunningDashboard.StartAsync(warehouse,
            "--Scheduling:InboxInterval=00:00:02", "--Scheduling:StableFor=00:00:01", "--Logging:LogLevel:Default=Debug");
        var capture = new Capture();
        dashboard.App.Services.GetRequiredService<ILoggerFactory>().AddProvider(capture);

        var files = Directory.GetFiles(inbox).Length;
        for (var i = 0; i < 600 && warehouse.Scalar("SELECT count(DISTINCT file_name) FROM load_run") < files; i++)
            await Task.Delay(200);
        for (var i = 0; i < 100 && warehouse.Scalar("SELECT count(*) FROM job_run WHERE outcome = 'running'") > 0; i++)
            await Task.Delay(200);
        Assert.True(warehouse.Scalar("SELECT count(*) FROM roster_entry") > 0, "the inbox load did not happen: " + string.Join("; ", warehouse.Connections.Query("SELECT concat_ws(' ', job, files, outcome, error) FROM job_run", r => r.GetString(0))) + string.Join("\n", capture.Lines));

        // A session: a failed sign-in typing an ID number as the user name, pages, a query naming an ID number, an export.
        using var anonymous = SignIn.Anonymous(dashboard);
        await SignIn.PostSignInAsync(anonymous, someId, "wrong-password");
        using var researcher = await SignIn.AsAsync(dashboard, Roles.Researcher);
        foreach (var path in new[] { "/", "/talent", "/district/510104", "/sql" }) await researcher.GetAsync(path);
        var token = dashboard.App.Services.GetRequiredService<ResearchExports>()
            .Register(SignIn.UserOf(dashboard, Roles.Researcher), $"SELECT gender, count(*) AS n FROM person WHERE person_key <> '{someId}' GROUP BY gender");
        var csv = await researcher.GetStringAsync($"/sql/export/{token}.csv");
        Assert.StartsWith("gender,n", csv.TrimStart('\uFEFF'));

        Assert.NotEmpty(capture.Lines);
        Assert.DoesNotContain(capture.Lines, line => IdNumber().IsMatch(line));
        var audit = warehouse.Connections.Query("SELECT concat_ws(' ', user_name, detail) FROM audit_event", r => r.GetString(0));
        Assert.Contains(audit, a => a.Contains("id removed", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => IdNumber().IsMatch(a));
    }
}
