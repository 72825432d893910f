using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Onboarding;

/// <summary>
/// Greets a user (1:1) or a team (its channel) when the bot is installed. Teams sends both installationUpdate and
/// conversationUpdate for one install, and the Agents Playground repeats them on every page load, so the welcome is
/// sent once per conversation, guarded by <see cref="ContactDirectory.TryMarkWelcomedAsync"/>.
/// </summary>
public sealed partial class WelcomeHandler : ITurnHandler
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

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!IsBotArrival(turn.Activity) || turn.GetTenantId() is not { } tenantId || turn.Activity.Conversation?.Id is not { } conversationId)
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
        var card = WelcomeCard.Build(_text, turn.Locale, audience, name);
        await turn.SendAsync(Activity.CreateCard(card, _text.Get(turn.Locale, WelcomeTextKeys.Summary)), cancellationToken).ConfigureAwait(false);
        LogWelcomed(_logger, audience, turn.Activity.Type);
    }

    // installationUpdate "add", or a conversationUpdate that adds the bot itself (not other members joining).
    private static bool IsBotArrival(Activity activity) => activity.Type switch
    {
        ActivityTypes.InstallationUpdate => string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase),
        ActivityTypes.ConversationUpdate => activity.MembersAdded?.Any(m =>
            m.Id is not null && string.Equals(m.Id, activity.Recipient?.Id, StringComparison.OrdinalIgnoreCase)) == true,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent the {Audience} welcome on {Type}")]
    private static partial void LogWelcomed(ILogger logger, WelcomeAudience audience, string? type);
}
