using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Help;

/// <summary><c>help</c> · <c>帮助</c>: the help card for the current conversation type.</summary>
public sealed class HelpCommand(BotText text, HelpCatalog catalog) : ICommandHandler
{
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
public sealed class HelpFallback(BotText text, HelpCatalog catalog) : ITurnHandler
{
    /// <summary>How much of the input the hint quotes (in text elements, so no emoji or CJK character is cut in half).</summary>
    public const int MaxQuotedLength = 40;

    public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var input = turn.CommandText;
        var hint = string.IsNullOrWhiteSpace(input)
            ? null
            : text.Get(HelpReply.LocaleOf(turn), HelpTextKeys.Unknown, Quote(input));
        return HelpReply.SendAsync(turn, text, catalog, hint, cancellationToken);
    }

    /// <summary>The input on one line, cut to <see cref="MaxQuotedLength"/> text elements with an ellipsis.</summary>
    public static string Quote(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var oneLine = string.Join(' ', input.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var info = new System.Globalization.StringInfo(oneLine);
        return info.LengthInTextElements <= MaxQuotedLength
            ? oneLine
            : info.SubstringByTextElements(0, MaxQuotedLength).TrimEnd() + "…";
    }
}

/// <summary>Shows the help card as a new message (buttons such as the welcome card's "What can you do?").</summary>
public sealed class ShowHelpAction(BotText text, HelpCatalog catalog) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        await HelpReply.SendAsync(turn, text, catalog, hint: null, cancellationToken).ConfigureAwait(false);

        // The card that held the button stays as it is; an invoke still needs an answer the client can show.
        return action.IsInvoke ? CardActionResult.Text(text.Get(HelpReply.LocaleOf(turn), HelpTextKeys.Shown)) : CardActionResult.None;
    }
}

internal static class HelpReply
{
    public static string? LocaleOf(TurnContext turn) => turn.Locale ?? turn.Activity.Locale;

    public static Task SendAsync(TurnContext turn, BotText text, HelpCatalog catalog, string? hint, CancellationToken cancellationToken)
    {
        var locale = LocaleOf(turn);
        var card = HelpCard.Build(text, locale, turn.Scope, catalog.For(turn.Scope), turn.Activity.Recipient?.Name);
        return turn.SendAsync(HelpCard.ToActivity(card, hint), cancellationToken);
    }
}
