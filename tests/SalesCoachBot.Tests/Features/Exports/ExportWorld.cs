using System.Text.Json;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Features.Exports;

/// <summary>
/// TeamWorld's East Sales on 18 November 2026 with November and October results (see <see cref="TeamWorld.SeedNovemberAsync"/>),
/// plus what export tests need: a second team, the consent card and link of an answer, invokes and downloads.
/// </summary>
internal static partial class ExportWorld
{
    public const string ConsentType = "application/vnd.microsoft.teams.card.file.consent";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<TeamWorld> CreateAsync(SalesCoachBotApplication app, string tenant = TeamWorld.TenantA)
    {
        var world = await TeamWorld.CreateAsync(app, tenant);
        await world.SeedNovemberAsync(tenant);
        app.Connector.Reset();
        return world;
    }

    /// <summary>A second sales team, West Sales, managed by <paramref name="manager"/> (a new member when not in East Sales).</summary>
    public static async Task<long> AddWestAsync(SalesCoachBotApplication app, string manager, string name, string tenant = TeamWorld.TenantA)
    {
        var (scope, _) = app.NewStore(tenant);
        await using (scope)
        {
            var directory = scope.ServiceProvider.GetRequiredService<SalesTeamDirectory>();
            var team = await directory.EnsureTeamAsync(tenant, "19:west@thread.tacv2", "West Sales", null);
            var ids = await directory.AddMembersAsync(tenant, team.Id, [new RosterEntry(manager, "aad-" + manager, name, null)]);
            await directory.SetRoleAsync(tenant, team.Id, ids[0], TeamRole.Manager);
            return team.Id;
        }
    }

    public static async Task SetRoleAsync(TeamWorld world, string who, TeamRole role)
    {
        var (scope, _) = world.App.NewStore(TeamWorld.TenantA);
        await using (scope)
        {
            await scope.ServiceProvider.GetRequiredService<SalesTeamDirectory>().SetRoleAsync(TeamWorld.TenantA, world.TeamId, world.Members[who], role);
        }
    }

    /// <summary>The download link in a text (the markdown link's target).</summary>
    public static string Link(string? text)
    {
        var match = LinkPattern().Match(text ?? string.Empty);
        Assert.True(match.Success, "no link in: " + text);
        return match.Groups[1].Value;
    }

    /// <summary>The file consent card of an answer.</summary>
    public static (Attachment Attachment, JsonElement Content) Consent(Activity answer)
    {
        var attachment = Assert.Single(answer.Attachments ?? []);
        Assert.Equal(ConsentType, attachment.ContentType);
        return (attachment, Assert.IsType<JsonElement>(attachment.Content));
    }

    /// <summary>The signed token the card's accept context carries.</summary>
    public static string Token(Activity answer) => Consent(answer).Content.GetProperty("acceptContext").GetProperty("export").GetString()!;

    public static ActivityBuilder ConsentInvoke(
        SalesCoachBotApplication app, string token, string action = "accept", string from = TeamWorld.Manager, string name = TeamWorld.ManagerName,
        string tenant = TeamWorld.TenantA, string upload = "u1") =>
        ActivityBuilder.Of("invoke").InTenant(tenant).InPersonalChat("a:personal-" + from).From(from, name).WithName("fileConsent/invoke")
            .WithValue(new
            {
                type = "fileUpload",
                action,
                context = new { export = token },
                uploadInfo = action == "accept"
                    ? new { name = "scorecard-East-Sales-2026-10.xlsx", uploadUrl = app.Connector.UploadUrl(upload), contentUrl = "https://contoso-my.sharepoint.com/personal/mia/Documents/scorecard-East-Sales-2026-10.xlsx", uniqueId = "1150D938-8870-4044-9F2C-5BBDEBA70C9D", fileType = "xlsx" }
                    : null,
            });

    public static async Task<HttpResponseMessage> DownloadAsync(SalesCoachBotApplication app, string link)
    {
        using var client = app.CreateClient();
        return await client.GetAsync(new Uri(new Uri(link).PathAndQuery, UriKind.Relative));
    }

    public static XLWorkbook Workbook(byte[] bytes) => new(new MemoryStream(bytes));

    [GeneratedRegex(@"\]\((http[^)\s]+)\)")]
    private static partial Regex LinkPattern();
}
