using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Imports;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Data;
using static SalesCoachBot.Tests.Features.Imports.UploadTestKit;

namespace SalesCoachBot.Tests.Features.Imports;

/// <summary>Uploads are answered at once and read outside the request, a bounded number at a time.</summary>
public sealed class UploadReadQueueTests
{
    private const string Csv = "date,kpi,amount,customer\n2026-11-03,revenue,1000,Acme\n";

    [SkippableTheory]
    [InlineData("en-US", "Reading your file november.csv…", "Rows to import")]
    [InlineData("zh-CN", "正在读取你的文件 november.csv……", "可导入的行")]
    public async Task Upload_Accepted_AnswersReadingAtOnceThenReplacesItWithThePreview(string locale, string reading, string validRowsFact)
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        await using var files = await FileServer.StartAsync();
        await SeedAsync(app);
        var held = files.HoldAsync(1);

        // The download is held: the turn still answered, with the reading message only.
        var replies = await app.Chat().SendAsync(Upload("november.csv", files.Serve("november.csv", Encoding.UTF8.GetBytes(Csv))).WithLocale(locale));
        var placeholder = Assert.Single(replies);
        Assert.Equal(reading, placeholder.Text);
        Assert.Empty(replies.Updated);
        await held;
        Assert.Empty(app.Connector.Updated);

        files.Release();
        await app.Services.GetRequiredService<UploadReadQueue>().WhenIdleAsync();

        var update = Assert.Single(app.Connector.Updated);
        Assert.Equal(app.Connector.Sent.Single().AssignedId, update.ActivityId);
        Assert.Equal("1", FactsOf(update.Activity!)[validRowsFact]);
        Assert.Single(app.Connector.Sent);
        Assert.Equal(1, (await CountsAsync(app)).Pending);
    }

    [SkippableTheory]
    [InlineData("en-US", "Sorry, I could not read the file november.csv.")]
    [InlineData("zh-CN", "抱歉，我无法读取文件 november.csv")]
    public async Task Upload_ReadThrows_ReplacesReadingMessageWithTheError(string locale, string expected)
    {
        await using var app = new FailingDownloadApp();
        await using var files = await FileServer.StartAsync();
        await SeedAsync(app);

        var reply = await UploadAsync(app, Upload("november.csv", files.Serve("november.csv", Encoding.UTF8.GetBytes(Csv))).WithLocale(locale));

        Assert.StartsWith(expected, reply.Text, StringComparison.Ordinal);
        Assert.Empty(reply.Attachments ?? []);
        Assert.Single(app.Connector.Sent);
        Assert.Equal(1, app.Handler.Calls);
        Assert.Equal((0, 0, 0), await CountsAsync(app));
    }

    [SkippableFact]
    public async Task Upload_MoreThanTheLimitAtOnce_ExcessWaitsAndAllAreAnswered()
    {
        await using var app = NewApp(DatabaseProvider.Sqlite);
        app.Settings["Imports:MaxConcurrentReads"] = "2";
        await using var files = await FileServer.StartAsync();
        await SeedAsync(app);
        var queue = app.Services.GetRequiredService<UploadReadQueue>();
        var twoHeld = files.HoldAsync(2);

        for (var i = 1; i <= 3; i++)
        {
            var name = $"file{i}.csv";
            Assert.Single(await app.Chat().SendAsync(Upload(name, files.Serve(name, Encoding.UTF8.GetBytes(Csv)))));
        }

        // Two downloads are held at the file server; the third read waits for a slot instead of starting.
        await twoHeld;
        Assert.Equal(1, queue.Waiting);
        Assert.Equal(2, files.Requests);
        Assert.False(queue.WhenIdleAsync().IsCompleted);

        files.Release();
        await queue.WhenIdleAsync();

        Assert.Equal(3, files.Requests);
        Assert.Equal(0, queue.Waiting);
        Assert.Equal(3, app.Connector.Updated.Count);
        Assert.Equal(
            app.Connector.Sent.Select(s => s.AssignedId).Order(StringComparer.Ordinal),
            app.Connector.Updated.Select(u => u.ActivityId).Order(StringComparer.Ordinal));
        Assert.All(app.Connector.Updated, u => Assert.Equal("1", FactsOf(u.Activity!)["Rows to import"]));
    }

    /// <summary>The app with a download client that throws what no download failure is: an unexpected error in the read.</summary>
    private sealed class FailingDownloadApp : SalesCoachBotApplication
    {
        public FailingDownloadApp()
            : base(DatabaseProvider.Sqlite)
        {
            Time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
            Settings["Imports:AllowHttpLoopback"] = "true";
        }

        public ThrowingHandler Handler { get; } = new();

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddHttpClient(FileDownloader.ClientName).AddHttpMessageHandler(() => Handler);
    }

    private sealed class ThrowingHandler : DelegatingHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("The read failed unexpectedly.");
        }
    }
}
