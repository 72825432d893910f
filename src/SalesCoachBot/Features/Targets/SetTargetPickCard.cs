using System.Globalization;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Cards;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Targets;

/// <summary>A button of the pick card pressed: set the target of this member, as the card's request says.</summary>
internal sealed record SetTargetPick(long MemberId, SetTargetRequest Request);

/// <summary>
/// The answer to <c>set target</c> when several reps match the name: one button per rep (name, and the e-mail when two
/// share a name) that sets the target the manager typed for that rep (<see cref="SetTargetPickAction"/>).
/// </summary>
internal static class SetTargetPickCard
{
    public const string PickVerb = "targets.set-pick";

    public const string MemberKey = "memberId";

    public const string KpiKey = "kpi";

    public const string PeriodKey = "period";

    public const string AmountKey = "amount";

    /// <summary>A rep who matches: member id, display name, e-mail.</summary>
    internal sealed record Choice(long MemberId, string Name, string? Email);

    /// <param name="quotedWho">What the manager typed, already quoted.</param>
    /// <param name="request">The request without a person, its period as a key (2027-03).</param>
    public static AdaptiveCard Build(BotText text, string? locale, string quotedWho, IReadOnlyList<Choice> choices, SetTargetRequest request)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(request);
        var question = text.Get(locale, TargetsTextKeys.SetAmbiguous, quotedWho);
        var sameName = choices.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new AdaptiveCard
        {
            FallbackText = question,
            Body =
            [
                new TextBlock(question) { Weight = TextWeight.Bolder, Wrap = true },
                new TextBlock(text.Get(locale, TargetsTextKeys.SetPickHint)) { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
                // Buttons in the body, one per line: more than the few top-level actions Teams shows.
                new ActionSet
                {
                    Actions = [.. choices.Select(c => (CardButton)new ExecuteAction(PickVerb,
                        sameName.Contains(c.Name) && c.Email is not null ? $"{c.Name} · {c.Email}" : c.Name,
                        new Dictionary<string, object?>(StringComparer.Ordinal)
                        {
                            [MemberKey] = c.MemberId.ToString(CultureInfo.InvariantCulture),
                            [KpiKey] = request.Kpi,
                            [PeriodKey] = request.Period,
                            [AmountKey] = request.Amount,
                        }))],
                },
            ],
        };
    }

    /// <summary>The pick from a button's data, or null when the data is not what this card sends.</summary>
    public static SetTargetPick? Read(CardAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return long.TryParse(action.GetString(MemberKey), NumberStyles.None, CultureInfo.InvariantCulture, out var memberId)
            && action.GetString(KpiKey) is { Length: > 0 } kpi
            && action.GetString(PeriodKey) is { Length: > 0 } period
            && action.GetString(AmountKey) is { Length: > 0 } amount
                ? new SetTargetPick(memberId, new SetTargetRequest(string.Empty, kpi, period, amount))
                : null;
    }
}

/// <summary>
/// A button of <see cref="SetTargetPickCard"/>: sets the target for that rep through <see cref="SetTargetCommand"/>, so
/// tenant, role, rep-of-your-team and every value are checked again (the data comes back from the client).
/// </summary>
internal sealed class SetTargetPickAction(SetTargetCommand command, BotText text) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        if (SetTargetPickCard.Read(action) is not { } pick)
        {
            return CardActionResult.Text(text.Get(turn.Locale, TargetsTextKeys.SetPickStale));
        }

        var (reply, _) = await command.ReplyAsync(turn, string.Empty, pick, cancellationToken).ConfigureAwait(false);
        return CardActionResult.Text(reply ?? text.Get(turn.Locale, TargetsTextKeys.SetPickStale));
    }
}
