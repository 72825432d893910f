using SalesCoachBot.Contacts;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Onboarding;

/// <summary>
/// Greets a user (1:1) or a team (its channel) when the bot is installed. Teams sends both installationUpdate and
/// conversationUpdate for one install, and the Agents Playground repeats them on every page load, so the welcome is
/// sent once per conversation, guarded by <see cref="ContactDirectory.TryMarkWelcomedAsync"/>.
/// <see cref="ConversationEventsHandler"/> calls it after setting up a team.
/// </summary>
internal sealed partial class WelcomeHandler
{
    private readonly ContactDirectory _contacts;
    private readonly BotText _text;
    private readonly ILogger<WelcomeHandler> _logger;

    public WelcomeHandler(ContactDirectory contacts, BotText text, ILogger<WelcomeHandler> logger)
    {
        _contacts = contacts;
        _text = text;
        _logger = logger;
    }

    /// <summary>Sends the welcome unless this conversation was welcomed before; a team's card reports its setup.</summary>
    public async Task WelcomeOnceAsync(TurnContext turn, TeamSetup? setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Identity()?.TenantId is not { } tenantId || turn.Activity.Conversation?.Id is not { } conversationId)
        {
            return;
        }

        if (!await _contacts.TryMarkWelcomedAsync(tenantId, conversationId, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var audience = turn.IsPersonal ? WelcomeAudience.Personal : WelcomeAudience.Team;
        var name = audience == WelcomeAudience.Personal
            ? turn.Activity.From?.Name
            : turn.Activity.ChannelData?.Team?.Name;
        var card = WelcomeCard.Build(_text, turn.Locale, audience, name, setup);
        await turn.SendAsync(Activity.CreateCard(card, _text.Get(turn.Locale, WelcomeTextKeys.Summary)), cancellationToken).ConfigureAwait(false);
        LogWelcomed(_logger, audience, turn.Activity.Type);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent the {Audience} welcome on {Type}")]
    private static partial void LogWelcomed(ILogger logger, WelcomeAudience audience, string? type);
}
