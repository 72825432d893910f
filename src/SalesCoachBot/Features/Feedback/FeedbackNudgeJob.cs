using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Messaging;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;

namespace SalesCoachBot.Features.Feedback;

/// <summary>
/// The cadence nudge, every hour: for every tenant (each in its own scope bound with <c>ForTenant</c>), tells each
/// manager whose local time is in the nudge hour (<see cref="FeedbackOptions.NudgeHour"/>), outside their quiet hours,
/// which reps of their teams are due for feedback (<see cref="FeedbackNudger"/>). Hourly, because managers live in
/// different zones; each manager hears at most once a day (the outbox key names manager and local date).
/// </summary>
internal sealed partial class FeedbackNudgeJob(SalesCoachDbContext db, IServiceScopeFactory scopes, ILogger<FeedbackNudgeJob> logger)
{
    public const string RecurringJobId = "feedback-nudge";

    /// <summary>Every hour at :07: off the hour (other jobs and Teams traffic peak there), early in the nudge hour.</summary>
    public const string Cron = "7 * * * *";

    /// <summary>Runs one round over every tenant; returns the number of nudges enqueued.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // Spans tenants on purpose, for their ids only; each tenant's work then runs in a scope bound to it.
        var tenants = await db.Tenants.IgnoreQueryFilters([SalesCoachDbContext.TenantFilter]).AsNoTracking()
            .OrderBy(t => t.TenantId).Select(t => t.TenantId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var sent = 0;
        foreach (var tenantId in tenants)
        {
            var scope = scopes.CreateAsyncScope();
            await using var scopeLifetime = scope.ConfigureAwait(false);
            sent += await scope.ServiceProvider.GetRequiredService<FeedbackNudger>().RunAsync(tenantId, cancellationToken).ConfigureAwait(false);
        }

        LogRun(logger, tenants.Count, sent);
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feedback nudge: {Tenants} tenant(s), {Sent} nudge(s) enqueued")]
    private static partial void LogRun(ILogger logger, int tenants, int sent);
}

/// <summary>
/// One tenant's round of the cadence nudge. A rep is due for a manager of their team when they have had no private
/// feedback (from anyone) for the team's cadence in days, counted in the team's zone — or never had any and joined the
/// team that many days ago. A manager hears of a rep at most once a week and not while snoozed, only on a working day
/// of the team's calendar, in the nudge hour of their own zone (member zone, else team zone) and never in their quiet
/// hours. The card goes through the outbox as an automatic nudge (opt-outs apply) with the key
/// <c>feedback-nudge:{manager}:{local date}</c>, in one transaction with the "last nudged" marks, so a second run or a
/// second instance sends nothing more.
/// </summary>
internal sealed partial class FeedbackNudger(
    SalesCoachDbContext store,
    FeedbackBook book,
    FeedbackCadence cadence,
    Outbox outbox,
    SalesClock clock,
    WorkingCalendars calendars,
    BotText text,
    IOptionsMonitor<FeedbackOptions> options,
    ILogger<FeedbackNudger> logger)
{
    /// <summary>The fewest days between two nudges about the same rep to the same manager.</summary>
    public const int DaysBetweenNudges = 7;

    private sealed record Seat(long SalesTeamId, long MemberId, TeamRole Role, DateTimeOffset JoinedAt, string Name, bool IsGuest);

    private sealed record Team(long Id, TimeZoneInfo Zone, DateOnly Today, bool IsWorkingDay, int CadenceDays);

    /// <summary>Nudges the tenant's managers who are due now; returns how many nudges were enqueued.</summary>
    public async Task<int> RunAsync(string tenantId, CancellationToken cancellationToken)
    {
        store.ForTenant(tenantId);
        var rows = await store.SalesTeams.AsNoTracking().Where(t => t.ArchivedAt == null)
            .Select(t => new { t.Id, t.TimeZone, t.WorkingCalendar }).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return 0;
        }

        var cadences = await cadence.DaysAsync([.. rows.Select(t => t.Id)], cancellationToken).ConfigureAwait(false);
        var teams = new Dictionary<long, Team>();
        foreach (var row in rows)
        {
            var zone = clock.TeamZone(row.TimeZone);
            var today = clock.TodayIn(zone);
            var calendar = await calendars.ForTeamAsync(tenantId, row.WorkingCalendar, zone, cancellationToken).ConfigureAwait(false);
            teams[row.Id] = new Team(row.Id, zone, today, calendar.IsWorkingDay(today), cadences[row.Id]);
        }

        var teamIds = teams.Keys.ToList();
        var seats = await store.TeamMemberships.AsNoTracking()
            .Where(m => teamIds.Contains(m.SalesTeamId) && m.LeftAt == null)
            .Select(m => new Seat(m.SalesTeamId, m.MemberId, m.Role, m.JoinedAt, m.Member!.Name ?? string.Empty, m.Member.IsGuest))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var lastFeedback = await book.LastReceivedAsync([.. seats.Where(s => s.Role == TeamRole.Rep).Select(s => s.MemberId).Distinct()], cancellationToken)
            .ConfigureAwait(false);
        var sent = 0;
        // Managers in a stable order, so two runs at once take the outbox keys in the same order.
        foreach (var managerId in seats.Where(s => s.Role == TeamRole.Manager && !s.IsGuest).Select(s => s.MemberId).Distinct().Order())
        {
            var managed = seats.Where(s => s.MemberId == managerId && s.Role == TeamRole.Manager).Select(s => teams[s.SalesTeamId])
                .Where(t => t.IsWorkingDay).Select(t => t.Id).ToHashSet();
            var due = seats.Where(s => managed.Contains(s.SalesTeamId) && s.Role == TeamRole.Rep && s.MemberId != managerId)
                .Select(s => Due(s, teams[s.SalesTeamId], lastFeedback))
                .OfType<DueRep>()
                // A rep in two of the manager's teams: the longer wait counts.
                .GroupBy(r => r.MemberId).Select(g => g.OrderByDescending(r => r.Days).First())
                .ToList();
            if (due.Count > 0 && await NudgeAsync(tenantId, managerId, due, cancellationToken).ConfigureAwait(false))
            {
                sent++;
            }
        }

        return sent;
    }

    private static DueRep? Due(Seat rep, Team team, IReadOnlyDictionary<long, DateTimeOffset> lastFeedback)
    {
        // Whole days in the team's zone: feedback on the 4th is 14 days old on the 18th, whatever the hour.
        var never = !lastFeedback.TryGetValue(rep.MemberId, out var last);
        var since = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(never ? rep.JoinedAt : last, team.Zone).DateTime);
        var days = team.Today.DayNumber - since.DayNumber;
        return days >= team.CadenceDays ? new DueRep(rep.MemberId, rep.Name, days, never) : null;
    }

    private async Task<bool> NudgeAsync(string tenantId, long managerId, List<DueRep> due, CancellationToken cancellationToken)
    {
        var manager = await store.Members.AsNoTracking().Where(m => m.Id == managerId)
            .Select(m => new { m.TimeZone, m.QuietHoursStart, m.QuietHoursEnd, Locale = m.PreferredLocale ?? m.Locale })
            .FirstAsync(cancellationToken).ConfigureAwait(false);
        var zone = await clock.MemberZoneAsync(managerId, manager.TimeZone, cancellationToken).ConfigureAwait(false);
        var now = clock.Now;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (local.Hour != options.CurrentValue.NudgeHour)
        {
            return false;
        }

        var quietStart = manager.QuietHoursStart ?? DeliveryPolicy.DefaultQuietHoursStart;
        var quietEnd = manager.QuietHoursEnd ?? DeliveryPolicy.DefaultQuietHoursEnd;
        if (DeliveryPolicy.AfterQuietHours(now, zone, quietStart, quietEnd) != now)
        {
            // Not held until the quiet hours end (the outbox would): after the nudge hour it would be out of place.
            return false;
        }

        var today = DateOnly.FromDateTime(local.DateTime);
        var nudges = await cadence.NudgesAsync(managerId, cancellationToken).ConfigureAwait(false);
        var listed = due.Where(rep => !nudges.TryGetValue(rep.MemberId, out var nudge) || Allowed(nudge, now, zone, today))
            .OrderBy(r => r.Name, BotText.NameOrder(manager.Locale)).ToList();
        if (listed.Count == 0)
        {
            return false;
        }

        var card = FeedbackNudgeCard.Build(text, manager.Locale, managerId, listed);
        var key = $"feedback-nudge:{managerId}:{today:yyyy-MM-dd}";
        var enqueued = false;
        var strategy = store.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            store.ChangeTracker.Clear();
            var transaction = await store.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionLifetime = transaction.ConfigureAwait(false);
            // The outbox first: a second run (or instance) finds the key taken and marks nothing.
            var result = await outbox.EnqueueForMemberAsync(
                managerId, key, AutomaticMessageKinds.Nudges, Activity.CreateCard(card, card.FallbackText), automatic: true, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            enqueued = result == EnqueueResult.Enqueued;
            if (enqueued)
            {
                await cadence.MarkNudgedAsync(tenantId, managerId, [.. listed.Select(r => r.MemberId)], now, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            LogNudge(logger, managerId, listed.Count, result);
        }).ConfigureAwait(false);
        return enqueued;
    }

    // Not while snoozed, and not again within a week of the last nudge (by the manager's days, so a run a few
    // minutes earlier than last week's still counts as a week).
    private static bool Allowed(FeedbackNudge nudge, DateTimeOffset now, TimeZoneInfo zone, DateOnly today)
    {
        if (nudge.SnoozedUntil is { } until && until > now)
        {
            return false;
        }

        return nudge.LastNudgedAt is not { } last
            || today.DayNumber - DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(last, zone).DateTime).DayNumber >= DaysBetweenNudges;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feedback nudge to member {ManagerId} about {Reps} rep(s): {Result}")]
    private static partial void LogNudge(ILogger logger, long managerId, int reps, EnqueueResult result);
}
