using SalesCoachBot.Messaging;

namespace SalesCoachBot.Hosting;

internal static class MessagingHostingExtensions
{
    /// <summary>Proactive messages: the outbox every feature writes to, and the dispatcher that delivers it.</summary>
    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder)
    {
        builder.Services.AddOutboxMessaging();
        return builder;
    }
}
