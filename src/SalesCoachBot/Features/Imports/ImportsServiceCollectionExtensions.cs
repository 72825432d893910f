using SalesCoachBot.Scheduling;

namespace SalesCoachBot.Features.Imports;

internal static class ImportsServiceCollectionExtensions
{
    /// <summary>File uploads of results and targets: options, the download client, the services behind the middleware and
    /// buttons, and the daily clean-up of old uploads.</summary>
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>()
            .BindConfiguration(ImportOptions.SectionName)
            .PostConfigure(o => o.DownloadHosts = o.DownloadHosts.Length == 0 ? [.. ImportOptions.DefaultDownloadHosts] : o.DownloadHosts)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient(FileDownloader.ClientName)
            // A redirect could leave the allowed hosts; the timeout is the downloader's own.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The link is a credential (pre-authenticated): keep it out of the factory's request logs.
            .RemoveAllLoggers();
        services.AddSingleton<FileDownloader>();
        services.AddScoped<UploadChecker>();
        services.AddScoped<UploadReader>();
        services.AddSingleton<UploadReadQueue>();
        services.AddScoped<PendingImports>();
        services.AddScoped<PendingImportCleanupJob>();
        services.AddRecurringJob<PendingImportCleanupJob>(
            PendingImportCleanupJob.RecurringJobId, PendingImportCleanupJob.Cron, TimeZoneInfo.Utc, job => job.RunAsync(CancellationToken.None));
        return services;
    }
}
