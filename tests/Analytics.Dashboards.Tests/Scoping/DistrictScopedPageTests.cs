using System.Security.Claims;
using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Briefing;
using Analytics.Dashboards.Drilldown;
using Analytics.Dashboards.Overview;
using Analytics.Dashboards.Scorecard;
using Analytics.Dashboards.Talent;
using Analytics.Dashboards.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Dashboards.Tests.Scoping;

/// <summary>
/// The pages as the Blazor circuit renders them (the hub's principal comes from the circuit's AuthenticationStateProvider,
/// which CurrentDistrictScope reads): a user bound to 锦江区 gets 锦江区 whatever the parameters ask for.
/// </summary>
public sealed class DistrictScopedPageTests : IDisposable
{
    private readonly DashboardContext ctx = new();

    public DistrictScopedPageTests()
    {
        ctx.Warehouse.WithQingyang();
        ctx.User.BindTo("510104");
    }

    private static void AssertNoQingyang(string markup)
    {
        foreach (var name in QingyangData.Names) Assert.DoesNotContain(name, markup);
    }

    [Fact]
    public void Overview_asked_for_qingyang_shows_jinjiang_alone()
    {
        var page = ctx.RenderAt<OverviewPage>("?district=510105");
        Assert.Equal("2", page.Find("#gap-posts").TextContent); // 锦江区's gap, as the city figure of the sample
        Assert.Single(page.FindAll("#district-map a.tile"));
        Assert.Equal("510104", page.Find("#district-map a.tile").GetAttribute("data-code"));
        Assert.DoesNotContain(page.FindAll("#filter-district option"), o => o.GetAttribute("value") == QingyangData.District);
        AssertNoQingyang(page.Markup);
    }

    [Fact]
    public void Drilldown_routes_into_qingyang_answer_as_unknown_units()
    {
        foreach (var (render, code) in new (Func<string, string>, string)[]
        {
            (c => ctx.Render<DistrictPage>(p => p.Add(x => x.Code, c)).Markup, QingyangData.District),
            (c => ctx.Render<TownPage>(p => p.Add(x => x.Code, c)).Markup, QingyangData.Town),
            (c => ctx.Render<CommunityPage>(p => p.Add(x => x.Code, c)).Markup, QingyangData.Community),
        })
        {
            var markup = render(code);
            Assert.Contains($"未找到单位 {code}", markup);
            AssertNoQingyang(markup);
        }
        Assert.Contains("春熙路街道", ctx.Render<DistrictPage>(p => p.Add(x => x.Code, "510104")).Markup);
    }

    [Fact]
    public void Scorecard_talent_and_briefing_show_only_jinjiang()
    {
        var scorecard = ctx.RenderAt<ScorecardPage>("?district=510105").Markup;
        Assert.Contains("锦江区", scorecard);
        Assert.DoesNotContain("新津区", scorecard);
        AssertNoQingyang(scorecard);
        AssertNoQingyang(ctx.RenderAt<TalentPage>("?district=510105").Markup);
        var briefing = ctx.RenderAt<BriefingPage>("?district=510105").Markup;
        Assert.Contains("锦江区", briefing);
        AssertNoQingyang(briefing);
    }

    [Fact]
    public void A_city_user_sees_qingyang_in_the_same_pages()
    {
        ctx.User.BindTo(null);
        Assert.Contains("少城街道", ctx.Render<DistrictPage>(p => p.Add(x => x.Code, QingyangData.District)).Markup);
        Assert.Contains("青羊区", ctx.Render<ScorecardPage>().Markup);
        Assert.Equal(3, ctx.RenderAt<OverviewPage>("?district=510105").FindAll("#district-map a.tile").Count);
    }

    [Theory]
    [InlineData(Policies.Planner)]
    [InlineData(Policies.Researcher)]
    [InlineData(Policies.Admin)]
    public async Task City_role_policies_refuse_a_principal_bound_to_a_district(string policy)
    {
        var services = new ServiceCollection().AddLogging().AddAuthorization(Policies.Add).BuildServiceProvider();
        var authorization = services.GetRequiredService<IAuthorizationService>();
        ClaimsPrincipal Admin(string? district) => new(new ClaimsIdentity(
            Roles.Implied(Roles.Admin).Select(r => new Claim(ClaimTypes.Role, r))
                .Concat(district is null ? [] : [new Claim(DashboardClaims.District, district)]), "test"));

        Assert.True((await authorization.AuthorizeAsync(Admin(null), policy)).Succeeded);
        Assert.False((await authorization.AuthorizeAsync(Admin("510104"), policy)).Succeeded);
        Assert.True((await authorization.AuthorizeAsync(Admin("510104"), Policies.Dashboards)).Succeeded);
    }

    public void Dispose() => ctx.Dispose();
}
