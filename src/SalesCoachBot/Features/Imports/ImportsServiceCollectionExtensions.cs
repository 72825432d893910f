using SalesCoachBot.Features.Teams;

namespace SalesCoachBot.Features.Imports;

internal static class ImportsServiceCollectionExtensions
{
    /// <summary>File uploads of results and targets: options, the download client and the services behind the middleware and buttons.</summary>
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>()
            .BindConfiguration(ImportOptions.SectionName)
            .PostConfigure(o => o.DownloadHosts = o.DownloadHosts.Length == 0 ? [.. ImportOptions.DefaultDownloadHosts] : o.DownloadHosts)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSalesTeams();
        services.AddHttpClient(FileDownloader.ClientName)
            // A redirect could leave the allowed hosts; the timeout is the downloader's own.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The link is a credential (pre-authenticated): keep it out of the factory's request logs.
            .RemoveAllLoggers();
        services.AddSingleton<FileDownloader>();
        services.AddScoped<UploadChecker>();
        services.AddScoped<PendingImports>();
        return services;
    }
}
