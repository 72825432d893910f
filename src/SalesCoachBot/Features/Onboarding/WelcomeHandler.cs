using SalesCoachBot.Contacts;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Onboarding;

/// <summary>
/// Greets a user (1:1) or a team (its channel) when the bot is installed. Teams sends both installationUpdate and
/// conversationUpdate for one install, and the Agents Playground repeats them on every page load, so the welcome is
/// sent once per conversation, guarded by <see cref="ContactDirectory.TryMarkWelcomedAsync"/>.
/// <see cref="ConversationEventsHandler"/> calls it after setting up a team.
/// </summary>
internal sealed partial class WelcomeHandler(ContactDirectory contacts, BotText text, ILogger<WelcomeHandler> logger)
{
    /// <summary>Sends the welcome unless this conversation was welcomed before; a team's card reports its setup.</summary>
    public async Task WelcomeOnceAsync(TurnContext turn, TeamSetup? setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Identity()?.TenantId is not { } tenantId || turn.Activity.Conversation?.Id is not { } conversationId)
        {
            return;
        }

        if (!await contacts.TryMarkWelcomedAsync(tenantId, conversationId, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var audience = turn.IsPersonal ? WelcomeAudience.Personal : WelcomeAudience.Team;
        var name = audience == WelcomeAudience.Personal
            ? turn.Activity.From?.Name
            : turn.Activity.ChannelData?.Team?.Name;
        var card = WelcomeCard.Build(text, turn.Locale, audience, name, setup);
        await turn.SendAsync(Activity.CreateCard(card, text.Get(turn.Locale, WelcomeTextKeys.Summary)), cancellationToken).ConfigureAwait(false);
        LogWelcomed(logger, audience, turn.Activity.Type);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent the {Audience} welcome on {Type}")]
    private static partial void LogWelcomed(ILogger logger, WelcomeAudience audience, string? type);
}
