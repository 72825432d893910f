using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Help;

/// <summary><c>help</c> · <c>帮助</c>: the help card for the current conversation type.</summary>
internal sealed class HelpCommand(BotText text, HelpCatalog catalog) : ICommandHandler
{
    public const string Word = "help";
    public const string ChineseWord = "帮助";

    public static HelpTopic Topic { get; } = new(Word, ChineseWord, HelpScopes.All, HelpTextKeys.CommandHelp);

    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return HelpReply.SendAsync(turn, text, catalog, hint: null, cancellationToken);
    }
}

/// <summary>
/// Any message no command matched: a short "I didn't understand" quoting the start of the input, and the help card.
/// An empty message (e.g. only the bot's mention) gets the help card alone. Never silence.
/// </summary>
internal sealed class HelpFallback(BotText text, HelpCatalog catalog) : ITurnHandler
{
    public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var input = turn.CommandText;
        var hint = string.IsNullOrWhiteSpace(input)
            ? null
            : text.Get(turn.Locale, HelpTextKeys.Unknown, BotText.Quote(input));
        return HelpReply.SendAsync(turn, text, catalog, hint, cancellationToken);
    }
}

/// <summary>Shows the help card as a new message (buttons such as the welcome card's "What can you do?").</summary>
internal sealed class ShowHelpAction(BotText text, HelpCatalog catalog) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        await HelpReply.SendAsync(turn, text, catalog, hint: null, cancellationToken).ConfigureAwait(false);

        // The card that held the button stays as it is; an invoke still needs an answer the client can show.
        return action.IsInvoke ? CardActionResult.Text(text.Get(turn.Locale, HelpTextKeys.Shown)) : CardActionResult.None;
    }
}

internal static class HelpReply
{
    public static Task SendAsync(TurnContext turn, BotText text, HelpCatalog catalog, string? hint, CancellationToken cancellationToken)
    {
        var locale = turn.Locale;
        var card = HelpCard.Build(text, locale, turn.Scope, catalog.For(turn.Scope), turn.Activity.Recipient?.Name);
        return turn.SendAsync(HelpCard.ToActivity(card, hint), cancellationToken);
    }
}
