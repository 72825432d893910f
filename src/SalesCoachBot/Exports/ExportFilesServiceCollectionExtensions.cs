using SalesCoachBot.Teams.Files;

namespace SalesCoachBot.Exports;

internal static class ExportFilesServiceCollectionExtensions
{
    /// <summary>
    /// What every export shares: the options ("Exports"; a signing key is required outside Development), the ticket
    /// signer, the file builder (features add their <see cref="IExportSource"/>) and the client that uploads an accepted
    /// file consent card's file.
    /// </summary>
    public static IServiceCollection AddExportFiles(this IServiceCollection services)
    {
        services.AddOptions<ExportOptions>()
            .BindConfiguration(ExportOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate<IHostEnvironment>(
                (o, environment) => o.SigningKey.Length >= ExportOptions.MinimumKeyLength || o.SigningKey.Length == 0 && environment.IsDevelopment(),
                $"Exports:SigningKey must be set to at least {ExportOptions.MinimumKeyLength} characters (the same on every instance); only Development may leave it empty.")
            .Validate(
                o => o.PublicBaseUrl.Length == 0 || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.IsLoopback),
                "Exports:PublicBaseUrl must be an absolute https URL (or empty).")
            .ValidateOnStart();
        services.AddSingleton<ExportSigner>();
        services.AddScoped<ExportFiles>();
        services.AddHttpClient<FileUploadClient>()
            // The upload URL is a credential (pre-authenticated): keep it out of the factory's request logs; no redirects.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();
        return services;
    }
}
