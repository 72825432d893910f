using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Commission;

/// <summary>
/// <c>commission [@rep]</c> · <c>提成</c> and <c>commission plan …</c> · <c>提成 方案 …</c>, in the 1:1 chat only (commission
/// is private; a channel gets a pointer to the 1:1 chat). A rep sees their own; a manager (or tenant admin) sees the
/// team they manage, or one of its reps by @mention or name; a rep naming someone else is refused. Only a team's
/// managers set or remove its plan; anyone in the team may read it. A manager of several teams names the team first
/// (<see cref="TeamChooser"/>).
/// </summary>
internal sealed class CommissionCommand(
    CommissionPlanStore plans, CommissionReader reader, TeamAccess access, PersonFinder finder, BotText text) : ICommandHandler
{
    public const string Word = "commission";
    public const string ChineseWord = "提成";

    private static readonly string[] PlanWords = ["plan", "方案", "规则"];

    public static HelpTopic Topic { get; } = new(Word, ChineseWord, HelpScopes.Personal, CommissionTextKeys.Help, CommissionTextKeys.Args);

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        if (!turn.IsPersonal)
        {
            await SendAsync(turn, text.Get(locale, CommissionTextKeys.ChannelRefused), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!turn.TryGetMember(out var tenantId, out var caller))
        {
            await SendAsync(turn, TurnGuard.NoMember(text, locale), cancellationToken).ConfigureAwait(false);
            return;
        }

        var words = TypedText.Normalize(arguments).Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var answer = words.Length > 0 && PlanWords.Contains(words[0], StringComparer.OrdinalIgnoreCase)
            ? await PlanAsync(turn, tenantId, caller.Id, words.Length > 1 ? words[1] : string.Empty, cancellationToken).ConfigureAwait(false)
            : await CommissionAsync(turn, tenantId, caller.Id, TypedText.Normalize(arguments).Trim(), cancellationToken).ConfigureAwait(false);
        if (answer is not null)
        {
            await SendAsync(turn, answer, cancellationToken).ConfigureAwait(false);
        }
    }

    // The card, sent here; or the refusal text to send.
    private async Task<string?> CommissionAsync(TurnContext turn, string tenantId, long callerId, string who, CancellationToken cancellationToken)
    {
        var locale = turn.Locale;
        var managed = await access.ManagedTeamsAsync(tenantId, callerId, cancellationToken).ConfigureAwait(false);

        // A manager of several teams names the team first: its card, or one of its reps named after it.
        var pick = TeamChooser.Choose(managed, who);
        if (pick.Named && pick.Rest.Length == 0)
        {
            return await TeamCardAsync(turn, tenantId, pick.Team!, cancellationToken).ConfigureAwait(false);
        }

        who = pick.Rest;
        if (who.Length > 0)
        {
            if (managed.Count == 0)
            {
                return text.Get(locale, CommissionTextKeys.OnlyOwn);
            }

            var people = new List<NamedPerson>();
            var teamOf = new Dictionary<long, SalesTeam>();
            foreach (var team in managed)
            {
                foreach (var rep in await reader.RepsAsync(tenantId, team.Id, cancellationToken).ConfigureAwait(false))
                {
                    if (teamOf.TryAdd(rep.MemberId, team))
                    {
                        people.Add(new NamedPerson(rep.MemberId, rep.Name, rep.Email, rep.TeamsUserId));
                    }
                }
            }

            var match = await finder.FindAsync(turn.Activity, people, who, cancellationToken).ConfigureAwait(false);
            switch (match.Matches.Count)
            {
                case 0:
                    return match.ElsewhereName is { } elsewhere ? text.Get(locale, CommissionTextKeys.NotYourRep, elsewhere)
                        : managed.Count > 1 && !pick.Named ? text.Get(locale, CommissionTextKeys.NoTeamNamed, match.Shown, BotText.List(locale, managed.Select(t => t.Name)))
                        : text.Get(locale, CommissionTextKeys.NobodyNamed, match.Shown);
                case > 1:
                    return text.Get(locale, CommissionTextKeys.SeveralNamed, match.Shown, BotText.List(locale, match.Matches.Select(m => m.Name)));
            }

            var named = match.Matches[0];
            return await RepCardAsync(turn, tenantId, teamOf[named.MemberId], named.MemberId, named.Name ?? match.Shown, cancellationToken).ConfigureAwait(false);
        }

        switch (managed.Count)
        {
            case 1:
                return await TeamCardAsync(turn, tenantId, managed[0], cancellationToken).ConfigureAwait(false);
            case > 1:
                return text.Get(locale, CommissionTextKeys.ChooseTeam, BotText.List(locale, managed.Select(t => t.Name)), managed[0].Name);
        }

        var own = await reader.RepTeamAsync(tenantId, callerId, cancellationToken).ConfigureAwait(false);
        return own is null
            ? text.Get(locale, CommissionTextKeys.NoTeam)
            : await RepCardAsync(turn, tenantId, own, callerId, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> TeamCardAsync(TurnContext turn, string tenantId, SalesTeam team, CancellationToken cancellationToken)
    {
        var locale = turn.Locale;
        var plan = await plans.FindAsync(tenantId, team.Id, cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            return text.Get(locale, CommissionTextKeys.NoPlan, team.Name);
        }

        var view = await reader.ReadAsync(tenantId, team.Id, plan, locale, null, cancellationToken).ConfigureAwait(false);
        if (view is null)
        {
            return text.Get(locale, CommissionTextKeys.NoTeam);
        }

        var card = CommissionCards.Team(text, locale, view);
        await turn.SendAsync(Activity.CreateCard(card, card.FallbackText), cancellationToken).ConfigureAwait(false);
        return null;
    }

    private async Task<string?> RepCardAsync(TurnContext turn, string tenantId, SalesTeam team, long memberId, string? ofName, CancellationToken cancellationToken)
    {
        var locale = turn.Locale;
        var plan = await plans.FindAsync(tenantId, team.Id, cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            return text.Get(locale, CommissionTextKeys.NoPlan, team.Name);
        }

        var view = await reader.ReadAsync(tenantId, team.Id, plan, locale, memberId, cancellationToken).ConfigureAwait(false);
        if (view is null || view.Reps.Count == 0)
        {
            return text.Get(locale, CommissionTextKeys.NoTeam);
        }

        var card = CommissionCards.Rep(text, locale, view, view.Reps[0], ofName);
        await turn.SendAsync(Activity.CreateCard(card, card.FallbackText), cancellationToken).ConfigureAwait(false);
        return null;
    }

    private async Task<string> PlanAsync(TurnContext turn, string tenantId, long callerId, string rest, CancellationToken cancellationToken)
    {
        var locale = turn.Locale;
        var managed = await access.ManagedTeamsAsync(tenantId, callerId, cancellationToken).ConfigureAwait(false);

        // A manager of several teams names the team first: "commission plan East Sales revenue 0:2 …".
        var pick = TeamChooser.Choose(managed, rest);
        if (managed.Count > 1 && pick.Team is null)
        {
            return text.Get(locale, CommissionTextKeys.ChooseTeam, BotText.List(locale, managed.Select(t => t.Name)), managed[0].Name);
        }

        var team = pick.Team;
        var request = CommissionPlanParser.Parse(pick.Rest);
        if (request.Kind != PlanRequestKind.Show && team is null)
        {
            return text.Get(locale, CommissionTextKeys.PlanOnlyManagers);
        }

        team ??= await reader.RepTeamAsync(tenantId, callerId, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            return text.Get(locale, CommissionTextKeys.NoTeam);
        }

        switch (request.Kind)
        {
            case PlanRequestKind.Show:
                var shown = await plans.FindAsync(tenantId, team.Id, cancellationToken).ConfigureAwait(false);
                if (shown is null)
                {
                    return text.Get(locale, CommissionTextKeys.NoPlan, team.Name);
                }

                var shownKpi = await plans.KpiAsync(tenantId, shown.KpiId, cancellationToken).ConfigureAwait(false);
                return text.Get(locale, CommissionTextKeys.PlanShow, team.Name, CommissionCards.PlanSummary(
                    text, locale, CommissionPlanRules.Of(shown), shownKpi is null ? string.Empty : KpiDefaults.NameOf(text, locale, shownKpi), shown.Period, shown.Currency));
            case PlanRequestKind.Remove:
                return await plans.RemoveAsync(tenantId, team.Id, cancellationToken).ConfigureAwait(false)
                    ? text.Get(locale, CommissionTextKeys.PlanRemoved, team.Name)
                    : text.Get(locale, CommissionTextKeys.PlanNoneToRemove, team.Name);
        }

        if (request.Error != CommissionPlanError.None)
        {
            return Refusal(locale, request.Error, request.About);
        }

        var kpi = await plans.FindKpiAsync(tenantId, request.KpiWord, cancellationToken).ConfigureAwait(false);
        if (kpi is null)
        {
            return Refusal(locale, CommissionPlanError.UnknownKpi, request.KpiWord);
        }

        if (kpi.Unit != KpiUnit.Currency)
        {
            return Refusal(locale, CommissionPlanError.KpiNotMoney, KpiDefaults.NameOf(text, locale, kpi));
        }

        var rules = new CommissionRules(request.Tiers!, request.Mode, request.Cap);
        await plans.SaveAsync(tenantId, team.Id, kpi, rules, request.Period, callerId, cancellationToken).ConfigureAwait(false);
        return text.Get(locale, CommissionTextKeys.PlanSet, team.Name,
            CommissionCards.PlanSummary(text, locale, rules, KpiDefaults.NameOf(text, locale, kpi), request.Period, kpi.Currency));
    }

    /// <summary>"The plan was not saved, nothing was changed: …" with the reason in the person's language.</summary>
    internal string Refusal(string? locale, CommissionPlanError error, string? about)
    {
        var reason = error switch
        {
            CommissionPlanError.NoKpi => text.Get(locale, CommissionTextKeys.ErrorNoKpi),
            CommissionPlanError.UnknownKpi => text.Get(locale, CommissionTextKeys.ErrorUnknownKpi, BotText.Quote(about ?? string.Empty)),
            CommissionPlanError.KpiNotMoney => text.Get(locale, CommissionTextKeys.ErrorKpiNotMoney, about),
            CommissionPlanError.NoTiers => text.Get(locale, CommissionTextKeys.ErrorNoTiers),
            CommissionPlanError.BadTier => text.Get(locale, CommissionTextKeys.ErrorBadTier, BotText.Quote(about ?? string.Empty)),
            CommissionPlanError.FirstTierNotZero => text.Get(locale, CommissionTextKeys.ErrorFirstTierNotZero, about),
            CommissionPlanError.TiersNotAscending => text.Get(locale, CommissionTextKeys.ErrorNotAscending, about),
            CommissionPlanError.FromOutOfRange => text.Get(locale, CommissionTextKeys.ErrorFromOutOfRange, about),
            CommissionPlanError.RateOutOfRange => text.Get(locale, CommissionTextKeys.ErrorRateOutOfRange, about),
            CommissionPlanError.RatesGoDown => text.Get(locale, CommissionTextKeys.ErrorRatesGoDown, about),
            CommissionPlanError.TooPrecise => text.Get(locale, CommissionTextKeys.ErrorTooPrecise, about),
            CommissionPlanError.TooManyTiers => text.Get(locale, CommissionTextKeys.ErrorTooManyTiers, about),
            CommissionPlanError.NoMode => text.Get(locale, CommissionTextKeys.ErrorNoMode),
            CommissionPlanError.BadCap => text.Get(locale, CommissionTextKeys.ErrorBadCap, BotText.Quote(about ?? string.Empty)),
            _ => text.Get(locale, CommissionTextKeys.ErrorUnknownWord, BotText.Quote(about ?? string.Empty)),
        };
        return text.Get(locale, CommissionTextKeys.ErrorPrefix, reason);
    }

    // Answers may quote what was typed (names, words): plain text, so Teams shows it as typed.
    private static async Task SendAsync(TurnContext turn, string message, CancellationToken cancellationToken)
    {
        var reply = Activity.CreateMessage(message);
        reply.TextFormat = "plain";
        await turn.SendAsync(reply, cancellationToken).ConfigureAwait(false);
    }
}
