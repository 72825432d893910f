using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Cards;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Scorecards;

/// <summary>
/// <c>scorecard [period]</c> · <c>绩效 [上月|本季度|上季度]</c>, in the 1:1 chat only (scorecards are private): a rep sees
/// their own, a manager the team summary and <c>scorecard @rep</c> one rep's (a rep of a team they manage). Weights and
/// cap (<c>scorecard weights …</c>, <c>scorecard cap 120</c>) are set by a team's manager in its channel or in 1:1; they are
/// no private data, so the channel may see them. In 1:1 a manager of several teams names the team first
/// (<see cref="TeamChooser"/>).
/// </summary>
internal sealed class ScorecardCommand(
    ScorecardReader reader,
    ScorecardBook book,
    TeamAccess access,
    SalesTeamDirectory directory,
    PersonFinder finder,
    SalesCoachDbContext store,
    IKpiCatalog catalog,
    SalesClock clock,
    BotText text) : ICommandHandler
{
    public const string Word = "scorecard";
    public const string ChineseWord = "绩效";

    /// <summary>Also routed: scorecards, 绩效卡.</summary>
    public const string PluralWord = "scorecards";
    public const string ChineseCardWord = "绩效卡";

    public static HelpTopic Topic { get; } = new(Word, ChineseWord, HelpScopes.Personal, ScorecardsTextKeys.Help, ScorecardsTextKeys.Args)
    {
        OtherWords = [PluralWord, ChineseCardWord],
    };

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        if (!turn.TryGetMember(out var tenantId, out var caller))
        {
            await turn.SendTextAsync(TurnGuard.NoMember(text, locale), cancellationToken).ConfigureAwait(false);
            return;
        }

        var request = ScorecardParser.Parse(arguments);
        string answer;
        switch (request.Ask)
        {
            case ScorecardAsk.Weights or ScorecardAsk.Cap:
                answer = await SettingsAsync(turn, tenantId, caller.Id, request, cancellationToken).ConfigureAwait(false);
                break;
            default:
                if (!turn.IsPersonal)
                {
                    // Private data never in a channel or group chat, whoever asks.
                    answer = text.Get(locale, ScorecardsTextKeys.NotInChannel);
                    break;
                }

                var (card, message) = await ShowAsync(turn, tenantId, caller.Id, request, cancellationToken).ConfigureAwait(false);
                if (card is not null)
                {
                    await turn.SendAsync(Activity.CreateCard(card, card.FallbackText), cancellationToken).ConfigureAwait(false);
                    if (message is null)
                    {
                        return;
                    }
                }

                answer = message!;
                break;
        }

        await turn.SendAsync(Plain(answer), cancellationToken).ConfigureAwait(false);
    }

    private async Task<(AdaptiveCard? Card, string? Message)> ShowAsync(
        TurnContext turn, string tenantId, long callerId, ScorecardRequest request, CancellationToken cancellationToken)
    {
        var locale = turn.Locale;
        var guest = await access.IsGuestAsync(tenantId, callerId, cancellationToken).ConfigureAwait(false);
        var managed = guest ? [] : await access.ManagedTeamsAsync(tenantId, callerId, cancellationToken).ConfigureAwait(false);

        // A manager of several teams names the team first: its summary, for the period that follows.
        if (request.Who is null && managed.Count > 0 && TeamChooser.Choose(managed, request.Rest) is { Named: true } pick)
        {
            return await SummaryAsync(tenantId, pick.Team!, pick.Rest, locale, cancellationToken).ConfigureAwait(false);
        }

        var (name, written) = request.Who is { } mention
            ? (mention, request.Period)
            : ScorecardParser.SplitNameAndPeriod(request.Rest, clock.TodayIn(TimeZoneInfo.Utc));
        if (name.Length > 0)
        {
            if (managed.Count == 0)
            {
                return (null, text.Get(locale, guest ? ScorecardsTextKeys.Guest : ScorecardsTextKeys.OnlyManagersForOthers));
            }

            var managedIds = managed.Select(t => t.Id).ToList();
            var reps = await store.TeamMemberships.AsNoTracking()
                .Where(m => managedIds.Contains(m.SalesTeamId) && m.LeftAt == null && m.Role == TeamRole.Rep)
                .OrderBy(m => m.SalesTeamId).ThenBy(m => m.JoinedAt)
                .Select(m => new { m.MemberId, m.SalesTeamId, m.Member!.Name, m.Member.Email, m.Member.TeamsUserId })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var people = reps.DistinctBy(r => r.MemberId).Select(r => new NamedPerson(r.MemberId, r.Name, r.Email, r.TeamsUserId)).ToList();
            var found = await finder.FindAsync(turn.Activity, people, name, cancellationToken).ConfigureAwait(false);
            if (found.Matches.Count != 1)
            {
                return (null, found.Matches.Count == 0
                    ? found.ElsewhereName is { } other ? text.Get(locale, ScorecardsTextKeys.NotYourRep, other)
                    : managed.Count > 1 ? text.Get(locale, ScorecardsTextKeys.NoTeamNamed, BotText.Quote(found.Shown), BotText.List(locale, managed.Select(t => t.Name)))
                    : text.Get(locale, ScorecardsTextKeys.UnknownPerson, BotText.Quote(found.Shown))
                    : text.Get(locale, ScorecardsTextKeys.Ambiguous, BotText.Quote(found.Shown), BotText.List(locale, found.Matches.Select(m => m.Name))));
            }

            var repId = found.Matches[0].MemberId;
            var repTeam = reps.First(r => r.MemberId == repId).SalesTeamId;
            return await RepCardAsync(tenantId, repTeam, repId, written, locale, cancellationToken).ConfigureAwait(false);
        }

        if (managed.Count == 1)
        {
            return await SummaryAsync(tenantId, managed[0], written, locale, cancellationToken).ConfigureAwait(false);
        }

        if (managed.Count > 1)
        {
            return (null, text.Get(locale, ScorecardsTextKeys.ChooseTeam, BotText.List(locale, managed.Select(t => t.Name)), managed[0].Name));
        }

        var own = await store.TeamMemberships.AsNoTracking()
            .Where(m => m.MemberId == callerId && m.LeftAt == null && m.Role == TeamRole.Rep && m.SalesTeam!.ArchivedAt == null)
            .OrderBy(m => m.JoinedAt).ThenBy(m => m.SalesTeamId).Select(m => (long?)m.SalesTeamId)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return own is { } ownTeam
            ? await RepCardAsync(tenantId, ownTeam, callerId, written, locale, cancellationToken).ConfigureAwait(false)
            : (null, text.Get(locale, ScorecardsTextKeys.NoTeam));
    }

    private async Task<(AdaptiveCard? Card, string? Message)> SummaryAsync(
        string tenantId, SalesTeam team, string written, string? locale, CancellationToken cancellationToken)
    {
        if (await PeriodAsync(tenantId, team.Id, written, locale, cancellationToken).ConfigureAwait(false) is not { } period)
        {
            return (null, text.Get(locale, ScorecardsTextKeys.UnknownPeriod, BotText.Quote(written)));
        }

        var scorecard = await reader.ReadAsync(tenantId, team.Id, period, locale, null, cancellationToken).ConfigureAwait(false);
        return scorecard is null ? (null, text.Get(locale, ScorecardsTextKeys.NoTeam)) : (ScorecardCards.Summary(text, locale, scorecard, null), null);
    }

    private async Task<(AdaptiveCard? Card, string? Message)> RepCardAsync(
        string tenantId, long teamId, long memberId, string written, string? locale, CancellationToken cancellationToken)
    {
        if (await PeriodAsync(tenantId, teamId, written, locale, cancellationToken).ConfigureAwait(false) is not { } period)
        {
            return (null, text.Get(locale, ScorecardsTextKeys.UnknownPeriod, BotText.Quote(written)));
        }

        var scorecard = await reader.ReadAsync(tenantId, teamId, period, locale, memberId, cancellationToken).ConfigureAwait(false);
        var rep = scorecard?.Reps.FirstOrDefault(r => r.MemberId == memberId);
        return rep is null ? (null, text.Get(locale, ScorecardsTextKeys.NoTeam)) : (ScorecardCards.Rep(text, locale, scorecard!, rep, null), null);
    }

    // This month by default, on the team's today; a period as people say it otherwise (a month without a year: the last one).
    private async Task<SalesPeriod?> PeriodAsync(string tenantId, long teamId, string written, string? locale, CancellationToken cancellationToken)
    {
        if (await reader.TodayAsync(tenantId, teamId, cancellationToken).ConfigureAwait(false) is not { } today)
        {
            return null;
        }

        if (written.Length == 0)
        {
            return SalesPeriod.Containing(SalesPeriodKind.Month, today);
        }

        return PeriodWords.TryRead(written, today, YearlessPeriod.Back, out var period) ? period : null;
    }

    private async Task<string> SettingsAsync(TurnContext turn, string tenantId, long callerId, ScorecardRequest request, CancellationToken cancellationToken)
    {
        var locale = turn.Locale;
        SalesTeam? team;
        switch (turn.Scope)
        {
            case ConversationTypes.Channel:
                team = turn.Activity.ChannelData?.Team?.Id is { Length: > 0 } teamsTeamId
                    ? await directory.FindByTeamsIdAsync(tenantId, teamsTeamId, cancellationToken).ConfigureAwait(false)
                    : null;
                if (team is not { ArchivedAt: null })
                {
                    return text.Get(locale, ScorecardsTextKeys.NoTeam);
                }

                if (await access.IsGuestAsync(tenantId, callerId, cancellationToken).ConfigureAwait(false)
                    || !await access.CanManageAsync(tenantId, callerId, team.Id, cancellationToken).ConfigureAwait(false))
                {
                    return text.Get(locale, ScorecardsTextKeys.OnlyManagersSet, team.Name);
                }

                break;
            case ConversationTypes.Personal:
                var managed = await access.IsGuestAsync(tenantId, callerId, cancellationToken).ConfigureAwait(false)
                    ? []
                    : await access.ManagedTeamsAsync(tenantId, callerId, cancellationToken).ConfigureAwait(false);
                if (managed.Count == 0)
                {
                    return text.Get(locale, ScorecardsTextKeys.OnlyManagers);
                }

                // Named first among several: "scorecard weights East Sales revenue 60 visits 40".
                var pick = TeamChooser.Choose(managed, request.Rest);
                if (pick.Team is null)
                {
                    return text.Get(locale, ScorecardsTextKeys.ChooseTeamSettings, BotText.List(locale, managed.Select(t => t.Name)), managed[0].Name);
                }

                team = pick.Team;
                request = request with { Rest = pick.Rest };
                break;
            default:
                return TurnGuard.WhereItWorks(text, locale, Topic, turn.CommandWord);
        }

        store.ForTenant(tenantId);
        var vocabulary = await catalog.VocabularyAsync(cancellationToken).ConfigureAwait(false);
        var kpis = vocabulary.Kpis.ToList();
        var setup = await book.SetupAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var culture = SalesFormat.CultureOf(locale);
        string Named(long kpiId) => kpis.FirstOrDefault(k => k.Id == kpiId) is { } kpi ? KpiDefaults.NameOf(text, locale, kpi) : kpiId.ToString(CultureInfo.InvariantCulture);
        string Listed(IEnumerable<(long KpiId, decimal Percent)> weights) =>
            BotText.List(locale, weights.Select(w => $"{Named(w.KpiId)} {ScorecardCards.Points(w.Percent, culture)}%"));

        if (request.Ask == ScorecardAsk.Cap)
        {
            if (request.Rest.Length == 0)
            {
                return text.Get(locale, ScorecardsTextKeys.CapNow, team.Name, ScorecardCards.Points(setup.CapPercent, culture));
            }

            if (ScorecardParser.ReadPercent(request.Rest) is not { } cap || !ScorecardBook.IsValidCap(cap))
            {
                return text.Get(locale, ScorecardsTextKeys.CapBad, BotText.Quote(request.Rest));
            }

            await book.SetCapAsync(tenantId, team.Id, cap, cancellationToken).ConfigureAwait(false);
            return text.Get(locale, ScorecardsTextKeys.CapSet, team.Name, ScorecardCards.Points(cap, culture));
        }

        if (request.Rest.Length == 0)
        {
            return setup.HasWeights
                ? text.Get(locale, ScorecardsTextKeys.WeightsNow, team.Name, Listed(Ordered(kpis, setup.Weights.Select(w => (w.Key, w.Value)))), ScorecardCards.Points(setup.CapPercent, culture))
                : text.Get(locale, ScorecardsTextKeys.WeightsNowEqual, team.Name, ScorecardCards.Points(setup.CapPercent, culture));
        }

        var (typed, bad) = ScorecardParser.ReadWeights(request.Rest);
        if (typed is null)
        {
            return text.Get(locale, ScorecardsTextKeys.WeightsBadNumber, BotText.Quote(bad ?? request.Rest));
        }

        var weights = new List<(long KpiId, decimal Percent)>();
        foreach (var weight in typed)
        {
            // Only an active KPI carries a weight; a retired one's words are known, and answered like an unknown word.
            var kpi = vocabulary.FindKpi(weight.Kpi);
            if (kpi is null || !kpi.IsActive)
            {
                var names = BotText.List(locale, kpis.Where(k => k.IsActive).Select(k => KpiDefaults.NameOf(text, locale, k)));
                return text.Get(locale, ScorecardsTextKeys.WeightsUnknownKpi, BotText.Quote(weight.Kpi), names);
            }

            if (weights.Any(w => w.KpiId == kpi.Id))
            {
                return text.Get(locale, ScorecardsTextKeys.WeightsRepeated, KpiDefaults.NameOf(text, locale, kpi));
            }

            weights.Add((kpi.Id, weight.Percent));
        }

        switch (ScorecardBook.Check(weights))
        {
            case WeightsProblem.NotHundred:
                return text.Get(locale, ScorecardsTextKeys.WeightsNotHundred, ScorecardCards.Points(weights.Sum(w => w.Percent), culture));
            case WeightsProblem.Empty:
                return text.Get(locale, ScorecardsTextKeys.WeightsUsage);
        }

        await book.SetWeightsAsync(tenantId, team.Id, weights, callerId, cancellationToken).ConfigureAwait(false);
        return text.Get(locale, ScorecardsTextKeys.WeightsSet, team.Name, Listed(Ordered(kpis, weights.Where(w => w.Percent > 0m))));
    }

    private static IEnumerable<(long KpiId, decimal Percent)> Ordered(List<KpiDefinition> kpis, IEnumerable<(long KpiId, decimal Percent)> weights) =>
        weights.OrderBy(w => kpis.FindIndex(k => k.Id == w.KpiId));

    // Answers may quote what the user typed: plain, so Teams shows it as typed.
    private static Activity Plain(string message)
    {
        var reply = Activity.CreateMessage(message);
        reply.TextFormat = "plain";
        return reply;
    }
}
