using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Contacts;

/// <summary>
/// The check every 1:1 command and card action makes first, and the refusal texts for it in one place: the turn must
/// be our 1:1 chat and its sender a member the store knows. "Manager of this team" is <see cref="TeamAccess"/>.
/// </summary>
internal static class TurnGuard
{
    /// <summary>
    /// Why this turn may not run a 1:1 command (wrong place, unknown sender), or null when it may; then
    /// <see cref="TurnIdentityExtensions.TryGetMember"/> gives the tenant and member.
    /// </summary>
    public static string? PersonalMember(TurnContext turn, BotText text, HelpTopic topic)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!turn.IsPersonal)
        {
            return WhereItWorks(text, turn.Locale, topic, turn.CommandWord);
        }

        return turn.TryGetMember(out _, out _) ? null : NoMember(text, turn.Locale);
    }

    /// <summary>"Sorry, I can't find you in this organization yet…" — the sender is not a member the store knows.</summary>
    public static string NoMember(BotText text, string? locale)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Get(locale, ContactsTextKeys.NoMember);
    }

    /// <summary>
    /// "'targets' works only in our 1:1 chat." — for a command used in the wrong kind of conversation, naming it by the
    /// word the person typed (<paramref name="typedWord"/>, the turn's command word) when it is one of the command's.
    /// </summary>
    public static string WhereItWorks(BotText text, string? locale, HelpTopic topic, string? typedWord = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(topic);
        var places = new List<string>();
        if (topic.Scopes.HasFlag(HelpScopes.Personal))
        {
            places.Add(text.Get(locale, ContactsTextKeys.ScopePersonal));
        }

        if (topic.Scopes.HasFlag(HelpScopes.Channel))
        {
            places.Add(text.Get(locale, ContactsTextKeys.ScopeChannel));
        }

        if (topic.Scopes.HasFlag(HelpScopes.GroupChat))
        {
            places.Add(text.Get(locale, ContactsTextKeys.ScopeGroupChat));
        }

        // The word the person typed, when it is one of this command's (they asked for 撤回, not 撤销); else their language's.
        var word = typedWord is { } typed && topic.Words.Contains(typed, StringComparer.OrdinalIgnoreCase)
            ? topic.WrittenForm(typed)
            : BotText.IsChinese(locale) ? topic.ChineseCommand : topic.EnglishCommand;
        return text.Get(locale, ContactsTextKeys.WrongScope, word, string.Join(text.Get(locale, ContactsTextKeys.ScopeOr), places));
    }
}
