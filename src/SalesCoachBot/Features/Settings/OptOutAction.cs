using System.Globalization;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Cards;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Settings;

/// <summary>
/// The one-click opt-out on automatic cards (<see cref="OptOutActions.Verb"/>): turns that kind off for the member who
/// pressed it, only in our 1:1 chat, only on a card sent to them in their tenant (card data can be replayed or
/// forged), and answers with a short card saying how to turn it back on. A refusal changes nothing.
/// </summary>
internal sealed class OptOutAction(BotText text, SettingsStore store) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var locale = turn.Locale;
        if (TurnGuard.PersonalMember(turn, text, SettingsTurn.Topic) is { } refusal)
        {
            return CardActionResult.Text(refusal);
        }

        _ = turn.TryGetMember(out var tenantId, out var member);
        var kind = action.GetString(OptOutActions.KindKey);
        var ownCard = string.Equals(action.GetString(OptOutActions.TenantKey), tenantId, StringComparison.Ordinal)
            && long.TryParse(action.GetString(OptOutActions.MemberIdKey), NumberStyles.None, CultureInfo.InvariantCulture, out var addressee)
            && addressee == member.Id;
        if (!ownCard || kind is null || !AutomaticMessageKinds.All.Contains(kind))
        {
            return CardActionResult.Text(text.Get(locale, SettingsTextKeys.OptOutNotYours));
        }

        if (!await store.OptOutAsync(tenantId, member.Id, kind, cancellationToken).ConfigureAwait(false))
        {
            return CardActionResult.Text(TurnGuard.NoMember(text, locale));
        }

        return CardActionResult.UpdateCard(OptOutCard.Build(text, locale, kind));
    }
}

/// <summary>The answer to a one-click opt-out: what is off now, and how to turn it back on.</summary>
internal static class OptOutCard
{
    public static AdaptiveCard Build(BotText text, string? locale, string kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        var title = text.Get(locale, SettingsTextKeys.DoneOff, text.Get(locale, SettingsTextKeys.Kind(kind)));
        return new AdaptiveCard
        {
            FallbackText = title,
            Body =
            [
                new TextBlock(title) { Weight = TextWeight.Bolder, Wrap = true },
                new TextBlock(text.Get(locale, SettingsTextKeys.OptOutBackOn, SettingsRules.TypedWord(locale, kind))) { IsSubtle = true, Wrap = true },
            ],
        };
    }
}
