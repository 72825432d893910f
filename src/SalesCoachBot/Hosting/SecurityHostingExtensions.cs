using SalesCoachBot.Security;

namespace SalesCoachBot.Hosting;

internal static class SecurityHostingExtensions
{
    /// <summary>
    /// The throttle of wrong keys (see <see cref="KeyAttemptThrottle"/>), shared by the admin API and the dashboard, which
    /// is why it is infrastructure and registered here, not by either of them.
    /// </summary>
    public static WebApplicationBuilder AddKeyAttemptThrottle(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<KeyAttemptOptions>()
            .BindConfiguration(KeyAttemptOptions.SectionName)
            .Validate(o => o.MaxFailures >= 1, "KeyAttempts:MaxFailures must be at least 1.")
            .Validate(o => o.Window > TimeSpan.Zero, "KeyAttempts:Window must be positive.")
            .Validate(o => o.MaxTrackedAddresses >= 1, "KeyAttempts:MaxTrackedAddresses must be at least 1.")
            .ValidateOnStart();
        builder.Services.AddSingleton<KeyAttemptThrottle>();
        return builder;
    }
}
