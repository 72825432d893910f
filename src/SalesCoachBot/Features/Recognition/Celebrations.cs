using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Messaging;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Recognition;

/// <summary>
/// Automatic celebrations of new results, whatever their source (the ledger tells every new result): a big deal (one result
/// of the team's deal KPI at or above its threshold), a rep reaching 100 % of a monthly target, the team reaching its
/// monthly target — each once, in every live sales team the rep belongs to, by an event key that names the event (not a
/// result row: the same deal from chat and from a CRM is one event). Stored in the recording's transaction with the
/// outbox message that posts it in the team channel; a rep who chose not to be celebrated there gets it in the 1:1 chat
/// (automatic: quiet hours and the recognition opt-out apply), as does a rep of a team whose channel the bot does not
/// know. A team's own target without a known channel is stored (once) and not posted.
/// <para>
/// Only results of the team's current or previous month count: an upload of last year's results celebrates nothing.
/// Two results recorded at the same moment in separate transactions can each miss the other's share of a team total;
/// the next result of the month celebrates it then.
/// </para>
/// </summary>
internal sealed partial class Celebrations(
    SalesCoachDbContext db, CelebrationStore store, RecognitionStore people, ITargetPlan plan, WorkingCalendars calendars, SalesClock clock,
    ContactDirectory contacts, Outbox outbox, BotText text, ILogger<Celebrations> logger) : IResultsRecordedObserver
{
    public async Task ResultsRecordedAsync(IResultLedger ledger, IReadOnlyList<StoredResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(results);
        var tenantId = db.CurrentTenantId ?? throw new InvalidOperationException("The store is not bound to a tenant.");
        if (results.Count == 0)
        {
            return;
        }

        if (db.Database.CurrentTransaction is not null)
        {
            await CelebrateAsync(tenantId, ledger, results, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Recorded outside a transaction: the celebration and its message still commit together.
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionLifetime = transaction.ConfigureAwait(false);
            await CelebrateAsync(tenantId, ledger, results, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async Task CelebrateAsync(string tenantId, IResultLedger ledger, IReadOnlyList<StoredResult> results, CancellationToken cancellationToken)
    {
        var memberIds = results.Select(r => r.MemberId).Distinct().ToList();
        var teamIds = await db.TeamMemberships.AsNoTracking()
            .Where(m => memberIds.Contains(m.MemberId) && m.LeftAt == null && m.SalesTeam!.ArchivedAt == null)
            .Select(m => m.SalesTeamId).Distinct().OrderBy(id => id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var teamId in teamIds)
        {
            var settings = await store.SettingsAsync(teamId, cancellationToken).ConfigureAwait(false);
            if (settings.AnyOn)
            {
                await CelebrateInTeamAsync(tenantId, teamId, settings, ledger, results, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task CelebrateInTeamAsync(
        string tenantId, long teamId, CelebrationSettings settings, IResultLedger ledger, IReadOnlyList<StoredResult> results, CancellationToken cancellationToken)
    {
        var team = await db.SalesTeams.AsNoTracking().FirstAsync(t => t.Id == teamId, cancellationToken).ConfigureAwait(false);
        var members = (await people.PeopleAsync(teamId, cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.MemberId);
        var zone = clock.TeamZone(team.TimeZone);
        var thisMonth = SalesPeriod.Containing(SalesPeriodKind.Month, clock.TodayIn(zone));
        var earliest = thisMonth.Previous().Start;
        var ours = results.Where(r => members.ContainsKey(r.MemberId) && r.OccurredOn >= earliest).ToList();
        if (ours.Count == 0)
        {
            return;
        }

        var kpis = await db.Kpis.AsNoTracking().Where(k => k.IsActive).OrderBy(k => k.SortOrder).ThenBy(k => k.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<CelebrationEvent>();
        if (settings.BigDeals && settings.BigDealThreshold is { } threshold
            && await store.DealKpiAsync(cancellationToken).ConfigureAwait(false) is { } dealKpi)
        {
            events.AddRange(ours.Where(r => r.KpiId == dealKpi.Id && r.Amount >= threshold)
                .Select(r => new CelebrationEvent(CelebrationKind.BigDeal, r.MemberId, dealKpi, r.Amount, null, null, r.OccurredOn, r.Customer)));
        }

        if (settings.RepTargets || settings.TeamTargets)
        {
            events.AddRange(await TargetsReachedAsync(tenantId, team, zone, settings, ledger, ours, kpis, members, cancellationToken).ConfigureAwait(false));
        }

        if (events.Count == 0)
        {
            return;
        }

        var channelId = team.ChannelId ?? team.TeamsTeamId;
        var channel = channelId is null ? null : await contacts.ConversationRowIdAsync(tenantId, channelId, cancellationToken).ConfigureAwait(false);
        var repIds = events.Select(e => e.MemberId).OfType<long>().Distinct().ToList();
        var privateReps = await db.OptOuts.AsNoTracking()
            .Where(o => repIds.Contains(o.MemberId) && o.Kind == AutomaticMessageKinds.PublicRecognition)
            .Select(o => o.MemberId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var teamLocale = BotText.MostUsed(members.Values.Select(p => p.Locale));
        foreach (var celebration in events)
        {
            await CelebrateAsync(tenantId, team, celebration, members, channel, privateReps, teamLocale, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The reps (and the team) at or above 100 % of a monthly target, per KPI of the new results and month they fall in.</summary>
    private async Task<List<CelebrationEvent>> TargetsReachedAsync(
        string tenantId, SalesTeam team, TimeZoneInfo zone, CelebrationSettings settings, IResultLedger ledger, List<StoredResult> ours,
        List<KpiDefinition> kpis, Dictionary<long, TeamPerson> members, CancellationToken cancellationToken)
    {
        var touched = kpis.Where(k => ours.Any(r => r.KpiId == k.Id)).ToList();
        var months = ours.Select(r => SalesPeriod.Containing(SalesPeriodKind.Month, r.OccurredOn)).Distinct().OrderBy(m => m.Start).ToList();
        var events = new List<CelebrationEvent>();
        if (touched.Count == 0)
        {
            return events;
        }

        var calendar = await calendars.ForTeamAsync(tenantId, team.WorkingCalendar, zone, cancellationToken).ConfigureAwait(false);
        var book = await plan.TeamTargetsAsync(team.Id, touched, [.. months.Select(m => m.TargetYear).Distinct()], calendar, cancellationToken)
            .ConfigureAwait(false);
        var reps = members.Values.Where(p => p.Role == TeamRole.Rep).Select(p => p.MemberId).Order().ToList();
        foreach (var month in months)
        {
            var actuals = await ledger.RepActualsAsync(team.Id, month.Start, month.End, cancellationToken).ConfigureAwait(false);
            foreach (var kpi in touched)
            {
                var inMonth = ours.Where(r => r.KpiId == kpi.Id && month.Contains(r.OccurredOn)).ToList();
                if (inMonth.Count == 0)
                {
                    continue;
                }

                if (settings.RepTargets)
                {
                    foreach (var repId in inMonth.Select(r => r.MemberId).Distinct().Where(id => members[id].Role == TeamRole.Rep).Order())
                    {
                        var actual = actuals.GetValueOrDefault((repId, kpi.Id));
                        if (book.RepTarget(repId, kpi.Id, month) is { Amount: > 0 } target && actual >= target.Amount)
                        {
                            events.Add(new CelebrationEvent(CelebrationKind.RepTarget, repId, kpi, actual, target.Amount, month, null, null));
                        }
                    }
                }

                if (settings.TeamTargets && book.TeamTarget(team.Id, reps, kpi.Id, month) is { Amount: > 0 } teamTarget)
                {
                    var actual = actuals.Where(a => a.Key.KpiId == kpi.Id).Sum(a => a.Value);
                    if (actual >= teamTarget.Amount)
                    {
                        events.Add(new CelebrationEvent(CelebrationKind.TeamTarget, null, kpi, actual, teamTarget.Amount, month, null, null));
                    }
                }
            }
        }

        return events;
    }

    private async Task CelebrateAsync(
        string tenantId, SalesTeam team, CelebrationEvent celebration, Dictionary<long, TeamPerson> members, long? channel,
        IReadOnlyCollection<long> privateReps, string? teamLocale, CancellationToken cancellationToken)
    {
        var (key, samePrefix) = EventKey(team.Id, celebration);
        // The same deal without a customer on one side (chat) and with one on the other (CRM): one deal, celebrated once.
        if (samePrefix is not null && await store.AnyAsync(key, samePrefix, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var rep = celebration.MemberId is { } repId ? members[repId] : null;
        var repLocale = rep?.Locale ?? teamLocale;
        var reason = rep is null ? string.Empty : HistoryLine(repLocale, celebration);
        var stored = await store.TryAddAsync(tenantId, new NewCelebration(
            team.Id, celebration.Kind, celebration.MemberId, celebration.Kpi.Id, PeriodKey(celebration), celebration.Amount, key, reason), cancellationToken)
            .ConfigureAwait(false);
        if (!stored)
        {
            return;
        }

        if (rep is null)
        {
            if (channel is { } teamChannel)
            {
                var card = CelebrationCard.Build(text, teamLocale, View(teamLocale, team, celebration, null, personal: false));
                await outbox.EnqueueForConversationAsync(teamChannel, key, AutomaticMessageKinds.Recognition, CelebrationCard.ToActivity(card),
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            else
            {
                LogNoChannel(logger, team.Id, key);
            }

            return;
        }

        var celebrated = new CelebratedRep(rep.MemberId, rep.TeamsUserId, rep.Name ?? rep.TeamsUserId);
        if (channel is { } repChannel && !privateReps.Contains(rep.MemberId))
        {
            var card = CelebrationCard.Build(text, repLocale, View(repLocale, team, celebration, celebrated, personal: false));
            await outbox.EnqueueForConversationAsync(repChannel, key, AutomaticMessageKinds.Recognition, CelebrationCard.ToActivity(card),
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        // Not in the channel (the rep's choice, or no channel known): their 1:1 chat, as an automatic recognition message.
        var personal = CelebrationCard.Build(text, repLocale, View(repLocale, team, celebration, celebrated, personal: true) with { ChannelUnknown = channel is null });
        var outcome = await outbox.EnqueueForMemberAsync(rep.MemberId, key, AutomaticMessageKinds.Recognition, CelebrationCard.ToActivity(personal),
            automatic: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        LogPersonal(logger, team.Id, rep.MemberId, outcome);
    }

    private CelebrationCardView View(string? locale, SalesTeam team, CelebrationEvent celebration, CelebratedRep? rep, bool personal)
    {
        var kpi = celebration.Kpi;
        var amount = SalesFormat.Amount(locale, kpi.Unit, kpi.Currency, celebration.Amount);
        var target = celebration.Target is { } t ? SalesFormat.Amount(locale, kpi.Unit, kpi.Currency, t) : null;
        var period = celebration.Month is { } month ? SalesFormat.PeriodName(text, locale, month) : null;
        return new CelebrationCardView(celebration.Kind, team.Id, team.Name, rep, KpiDefaults.NameOf(text, locale, kpi), amount, target, period,
            celebration.Customer, HistoryLine(locale, celebration), personal);
    }

    /// <summary>The line the rep's history shows, and the reason the praise button fills in.</summary>
    private string HistoryLine(string? locale, CelebrationEvent celebration)
    {
        var kpi = celebration.Kpi;
        var name = KpiDefaults.NameOf(text, locale, kpi);
        var amount = SalesFormat.Amount(locale, kpi.Unit, kpi.Currency, celebration.Amount);
        return celebration.Kind switch
        {
            CelebrationKind.BigDeal when celebration.Customer is { Length: > 0 } customer =>
                text.Get(locale, CelebrationTextKeys.HistoryBigDealCustomer, amount, name, customer),
            CelebrationKind.BigDeal => text.Get(locale, CelebrationTextKeys.HistoryBigDeal, amount, name),
            _ => text.Get(locale, CelebrationTextKeys.HistoryRepTarget, SalesFormat.PeriodName(text, locale, celebration.Month!.Value), name),
        };
    }

    private static string PeriodKey(CelebrationEvent celebration) =>
        celebration.Month is { } month
            ? month.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture)
            : celebration.Day!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// What identifies the event. A big deal: team, rep, KPI, day and amount, and the customer when there is one — with
    /// the prefix that finds the same deal stored with or without a customer (null when the key alone decides).
    /// </summary>
    internal static (string Key, string? SamePrefix) EventKey(long teamId, CelebrationEvent celebration)
    {
        ArgumentNullException.ThrowIfNull(celebration);
        var invariant = CultureInfo.InvariantCulture;
        var period = PeriodKey(celebration);
        switch (celebration.Kind)
        {
            case CelebrationKind.BigDeal:
                var deal = string.Create(invariant, $"celebration:big-deal:{teamId}:{celebration.MemberId}:{celebration.Kpi.Id}:{period}:{celebration.Amount:0.##}");
                return CustomerKey(celebration.Customer) is { } customer
                    ? (deal + ":c" + customer, null)
                    : (deal, deal + ":c");
            case CelebrationKind.RepTarget:
                return (string.Create(invariant, $"celebration:rep-target:{teamId}:{celebration.MemberId}:{celebration.Kpi.Id}:{period}"), null);
            default:
                return (string.Create(invariant, $"celebration:team-target:{teamId}:{celebration.Kpi.Id}:{period}"), null);
        }
    }

    // A customer as people write it in chat and a CRM sends it: width, case and spaces do not make another deal. Hashed,
    // so a long name keeps the key short.
    private static string? CustomerKey(string? customer)
    {
        var words = TypedText.Normalize(customer).ToUpperInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(' ', words))))[..16];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sales team {TeamId} has no channel the bot knows: celebration {EventKey} is stored, not posted")]
    private static partial void LogNoChannel(ILogger logger, long teamId, string eventKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Celebration in sales team {TeamId} sent to member {MemberId} in 1:1: {Outcome}")]
    private static partial void LogPersonal(ILogger logger, long teamId, long memberId, EnqueueResult outcome);
}

/// <summary>
/// One event to celebrate: a big deal (<see cref="Day"/>, <see cref="Customer"/>), or a monthly target reached
/// (<see cref="Month"/>, <see cref="Target"/>; <see cref="MemberId"/> null for the team's).
/// </summary>
internal sealed record CelebrationEvent(
    CelebrationKind Kind, long? MemberId, KpiDefinition Kpi, decimal Amount, decimal? Target, SalesPeriod? Month, DateOnly? Day, string? Customer);
