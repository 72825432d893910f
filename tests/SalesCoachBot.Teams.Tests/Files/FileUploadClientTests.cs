using System.Net;
using System.Text.Json;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Files;

namespace SalesCoachBot.Teams.Tests.Files;

public sealed class FileUploadClientTests
{
    [Fact]
    public async Task UploadAsync_LargeFile_PutsChunksOf320KiBMultiplesWithTheirRanges_AndNoAuthorization()
    {
        var content = new byte[FileUploadClient.ChunkBytes * 2 + 1000];
        Random.Shared.NextBytes(content);
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler);

        await new FileUploadClient(http).UploadAsync(new Uri("https://contoso-my.sharepoint.com/upload/session"), content, allowLoopback: false, CancellationToken.None);

        Assert.Equal(0, FileUploadClient.ChunkBytes % FileUploadClient.ChunkUnit);
        Assert.Equal(
            [$"bytes 0-{FileUploadClient.ChunkBytes - 1}/{content.Length}", $"bytes {FileUploadClient.ChunkBytes}-{(2 * FileUploadClient.ChunkBytes) - 1}/{content.Length}",
                $"bytes {2 * FileUploadClient.ChunkBytes}-{content.Length - 1}/{content.Length}"],
            handler.Requests.Select(r => r.Range));
        Assert.All(handler.Requests, r => Assert.Equal(HttpMethod.Put, r.Method));
        Assert.All(handler.Requests, r => Assert.False(r.HadAuthorization));
        Assert.Equal(content, handler.Requests.SelectMany(r => r.Body).ToArray());
    }

    [Fact]
    public async Task UploadAsync_ErrorAnswer_Throws()
    {
        using var http = new HttpClient(new RecordingHandler(HttpStatusCode.InternalServerError));

        await Assert.ThrowsAsync<FileUploadException>(() =>
            new FileUploadClient(http).UploadAsync(new Uri("https://contoso-my.sharepoint.com/upload"), new byte[10], allowLoopback: false, CancellationToken.None));
    }

    [Theory]
    [InlineData("https://contoso-my.sharepoint.com/upload", false, true)]
    [InlineData("http://contoso-my.sharepoint.com/upload", false, false)]
    [InlineData("http://127.0.0.1:5000/upload", false, false)]
    [InlineData("https://localhost/upload", false, false)]
    [InlineData("http://127.0.0.1:5000/upload", true, true)]
    [InlineData("http://contoso.com/upload", true, false)]
    [InlineData("ftp://127.0.0.1/upload", true, false)]
    public void IsAllowed_HttpsOnly_LoopbackOnlyWhenAllowed(string url, bool allowLoopback, bool allowed) =>
        Assert.Equal(allowed, FileUploadClient.IsAllowed(new Uri(url), allowLoopback));

    [Fact]
    public void Read_AcceptInvoke_GivesContextAndUploadInfo_AndAttachmentsSerializeAsTeamsExpects()
    {
        var activity = JsonSerializer.Deserialize<Activity>("""
            {"type":"invoke","name":"fileConsent/invoke","value":{"type":"fileUpload","action":"accept","context":{"export":"t"},
             "uploadInfo":{"name":"a.xlsx","uploadUrl":"https://x/up","contentUrl":"https://x/a.xlsx","uniqueId":"U1","fileType":"xlsx"}}}
            """, BotJson.Options)!;

        var consent = FileConsent.Read(activity)!;

        Assert.True(consent.IsAccepted);
        Assert.Equal("t", consent.Context.GetProperty("export").GetString());
        Assert.Equal(("a.xlsx", "https://x/up", "U1"), (consent.UploadInfo!.Name, consent.UploadInfo.UploadUrl, consent.UploadInfo.UniqueId));
        Assert.Null(FileConsent.Read(new Activity { Type = "invoke" }));

        var card = JsonSerializer.Serialize(FileConsent.ConsentAttachment("a.xlsx", new FileConsentCard("d", 12, new { k = 1 }, new { k = 2 })), BotJson.Options);
        Assert.Equal("""{"contentType":"application/vnd.microsoft.teams.card.file.consent","content":{"description":"d","sizeInBytes":12,"acceptContext":{"k":1},"declineContext":{"k":2}},"name":"a.xlsx"}""", card);
        var info = JsonSerializer.Serialize(FileConsent.InfoAttachment(consent.UploadInfo), BotJson.Options);
        Assert.Equal("""{"contentType":"application/vnd.microsoft.teams.card.file.info","contentUrl":"https://x/a.xlsx","content":{"uniqueId":"U1","fileType":"xlsx"},"name":"a.xlsx"}""", info);
    }

    private sealed class RecordingHandler(HttpStatusCode status = HttpStatusCode.Accepted) : HttpMessageHandler
    {
        public List<(HttpMethod Method, string Range, bool HadAuthorization, byte[] Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            Requests.Add((request.Method, request.Content.Headers.ContentRange!.ToString(), request.Headers.Authorization is not null, body));
            return new HttpResponseMessage(status);
        }
    }
}
