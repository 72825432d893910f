using System.Net;
using System.Text.Json;
using SalesCoachBot.Data;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Features.Exports;

/// <summary>
/// The file consent card's answer (fileConsent/invoke) and the download link: upload to the fake OneDrive session, the
/// decline and failure paths, and every refusal (forged, expired, another member, another tenant, no longer a manager).
/// </summary>
public sealed class ExportConsentTests
{
    private static async Task<(TeamWorld World, string Token, long Size, string Link)> AskAsync(SalesCoachBotApplication app)
    {
        var world = await ExportWorld.CreateAsync(app);
        await app.PostActivityAsync(TeamWorld.Personal("export scorecard last month"));
        var answer = Assert.Single(app.Connector.SentActivities);
        app.Connector.Reset();
        return (world, ExportWorld.Token(answer), ExportWorld.Consent(answer).Content.GetProperty("sizeInBytes").GetInt64(), ExportWorld.Link(answer.Text));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Accept_UploadsTheFileWithItsContentRange_AndShowsAFileInfoCard(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var (_, token, size, _) = await AskAsync(app);

        using var response = await app.PostActivityAsync(ExportWorld.ConsentInvoke(app, token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upload = Assert.Single(app.Connector.Uploads);
        Assert.Equal("u1", upload.Id);
        Assert.Equal(size, upload.Body.LongLength);
        Assert.Equal($"bytes 0-{size - 1}/{size}", upload.ContentRange);
        Assert.Equal(size, upload.ContentLength);
        Assert.Null(upload.Authorization);
        using (var workbook = ExportWorld.Workbook(upload.Body))
        {
            Assert.Equal("Bob Li", workbook.Worksheet(1).Cell(2, 1).GetString());
        }

        var info = Assert.Single(Assert.Single(app.Connector.SentActivities).Attachments ?? []);
        Assert.Equal("application/vnd.microsoft.teams.card.file.info", info.ContentType);
        Assert.Equal("scorecard-East-Sales-2026-10.xlsx", info.Name);
        Assert.Equal("https://contoso-my.sharepoint.com/personal/mia/Documents/scorecard-East-Sales-2026-10.xlsx", info.ContentUrl);
        var content = Assert.IsType<JsonElement>(info.Content);
        Assert.Equal("1150D938-8870-4044-9F2C-5BBDEBA70C9D", content.GetProperty("uniqueId").GetString());
        Assert.Equal("xlsx", content.GetProperty("fileType").GetString());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DeclineAndFailedUpload_AnswerWithAWorkingLink(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var (_, token, _, _) = await AskAsync(app);

        using var declined = await app.PostActivityAsync(ExportWorld.ConsentInvoke(app, token, action: "decline"));
        app.Connector.FailNextUploads(1);
        using var failed = await app.PostActivityAsync(ExportWorld.ConsentInvoke(app, token, upload: "u2"));

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        var sent = app.Connector.SentTexts;
        Assert.Equal(2, sent.Count);
        Assert.StartsWith("No file saved. You can still download it within 15 minutes: [scorecard-East-Sales-2026-10.xlsx](", sent[0], StringComparison.Ordinal);
        Assert.StartsWith("Sorry, I couldn't save the file in your OneDrive.", sent[1], StringComparison.Ordinal);
        Assert.Equal(500, Assert.Single(app.Connector.Uploads).StatusCode);
        Assert.All(app.Connector.SentActivities, a => Assert.Empty(a.Attachments ?? []));
        foreach (var text in sent)
        {
            using var download = await ExportWorld.DownloadAsync(app, ExportWorld.Link(text));
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Accept_ForgedExpiredAnotherMembersOrAnotherTenantsOrNoLongerAManager_UploadsNothing(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var (world, token, _, _) = await AskAsync(app);
        await TeamWorld.CreateAsync(app, TeamWorld.TenantB);
        app.Connector.Reset();
        var forged = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        await app.PostActivityAsync(ExportWorld.ConsentInvoke(app, forged));
        await app.PostActivityAsync(ExportWorld.ConsentInvoke(app, "not-a-token"));
        await app.PostActivityAsync(ExportWorld.ConsentInvoke(app, token, from: "29:alice", name: "Alice Wang"));
        await app.PostActivityAsync(ExportWorld.ConsentInvoke(app, token, tenant: TeamWorld.TenantB));
        await ExportWorld.SetRoleAsync(world, TeamWorld.Manager, TeamRole.Rep);
        await app.PostActivityAsync(ExportWorld.ConsentInvoke(app, token));
        await ExportWorld.SetRoleAsync(world, TeamWorld.Manager, TeamRole.Manager);
        app.MoveClockTo(TeamWorld.Now.AddMinutes(16));
        await app.PostActivityAsync(ExportWorld.ConsentInvoke(app, token));

        Assert.Empty(app.Connector.Uploads);
        var sent = app.Connector.SentTexts;
        Assert.Equal(6, sent.Count);
        Assert.All(sent.Take(5), s => Assert.Equal("I can't send this export: it was made for someone else, or you no longer manage the team.", s));
        Assert.Equal("This export has expired. Type “export” again for a fresh one.", sent[5]);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Link_WorksWithinItsLifetime_ThenIsGone_AndIsRefusedWhenTamperedOrTheRequesterNoLongerManages(DatabaseProvider provider)
    {
        await using var app = TeamWorld.NewApp(provider);
        var (world, _, _, link) = await AskAsync(app);
        var tampered = link[..^2] + (link[^2] == 'A' ? "B" : "A") + link[^1];

        using var first = await ExportWorld.DownloadAsync(app, link);
        using var forged = await ExportWorld.DownloadAsync(app, tampered);
        await ExportWorld.SetRoleAsync(world, TeamWorld.Manager, TeamRole.Rep);
        using var demoted = await ExportWorld.DownloadAsync(app, link);
        await ExportWorld.SetRoleAsync(world, TeamWorld.Manager, TeamRole.Manager);
        app.MoveClockTo(TeamWorld.Now.AddMinutes(14));
        using var late = await ExportWorld.DownloadAsync(app, link);
        app.MoveClockTo(TeamWorld.Now.AddMinutes(15).AddSeconds(1));
        using var expired = await ExportWorld.DownloadAsync(app, link);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("no-store", first.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal("This download link has expired. Ask the bot again: type “export” in your chat with it.", await expired.Content.ReadAsStringAsync());
    }
}
