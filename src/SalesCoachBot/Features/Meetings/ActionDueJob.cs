using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Messaging;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;

namespace SalesCoachBot.Features.Meetings;

/// <summary>
/// The action items' due reminder, every hour: for every tenant (each in its own scope bound with <c>ForTenant</c>),
/// <see cref="ActionDueRound"/> reminds the owners whose items are due. Hourly, because owners live in different zones.
/// </summary>
internal sealed partial class ActionDueJob(SalesCoachDbContext db, IServiceScopeFactory scopes, ILogger<ActionDueJob> logger)
{
    public const string RecurringJobId = "action-items-due";

    /// <summary>Every hour at :05: off the hour (other jobs and Teams traffic peak there), early in the owner's 09:00 hour.</summary>
    public const string Cron = "5 * * * *";

    /// <summary>Runs one round over every tenant; returns the reminders enqueued.</summary>
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
            sent += await scope.ServiceProvider.GetRequiredService<ActionDueRound>().RunAsync(tenantId, cancellationToken).ConfigureAwait(false);
        }

        LogRun(logger, tenants.Count, sent);
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Action items due: {Tenants} tenant(s), {Sent} reminder(s) enqueued")]
    private static partial void LogRun(ILogger logger, int tenants, int sent);
}

/// <summary>
/// One tenant's round of due reminders. An open item with a due date is reminded once, in its owner's 1:1 chat, at the
/// first run at or after <see cref="ReminderHour"/>:00 in the owner's zone (their own, else their home team's) on its
/// reminder day: the due date when it is a working day of the team's calendar, else the next working day ("next working
/// morning"); an item found later (the job was down, or it was recorded due today after 09:00) is reminded at the next run.
/// Through the outbox as an automatic <see cref="AutomaticMessageKinds.Reminders"/> message (the member's opt-out of
/// reminders holds; quiet hours hold it until they end) with the key <c>action-due:{itemId}</c>, in one transaction
/// with the item's "reminded" mark, so a second run or instance sends nothing more. An opted-out owner's item is
/// marked too: it is not tried again every hour.
/// </summary>
internal sealed partial class ActionDueRound(
    SalesCoachDbContext db, ActionItemStore store, Outbox outbox, SalesClock clock, WorkingCalendars calendars, BotText text, ILogger<ActionDueRound> logger)
{
    /// <summary>The owner's local hour from which a due item is reminded.</summary>
    public const int ReminderHour = 9;

    /// <summary>How far a due date on days off is moved at most looking for a working day.</summary>
    private const int MaxDaysOff = 31;

    public static string Key(long itemId) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"action-due:{itemId}");

    public async Task<int> RunAsync(string tenantId, CancellationToken cancellationToken)
    {
        db.ForTenant(tenantId);
        var now = clock.Now;
        // No zone is more than 14 hours ahead of UTC: nothing due after tomorrow (UTC) can be due anywhere yet.
        var due = await store.DueUnremindedAsync(DateOnly.FromDateTime(now.UtcDateTime).AddDays(1), cancellationToken).ConfigureAwait(false);
        var sent = 0;
        var teams = new Dictionary<long, (SalesTeam Team, WorkingCalendar Calendar)?>();
        foreach (var item in due)
        {
            if (!teams.TryGetValue(item.SalesTeamId, out var team))
            {
                var row = await db.SalesTeams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == item.SalesTeamId && t.ArchivedAt == null, cancellationToken).ConfigureAwait(false);
                team = row is null ? null : (row, await calendars.ForTeamAsync(tenantId, row.WorkingCalendar, clock.TeamZone(row.TimeZone), cancellationToken).ConfigureAwait(false));
                teams[item.SalesTeamId] = team;
            }

            if (team is null)
            {
                continue;
            }

            var owner = await db.Members.AsNoTracking().Where(m => m.Id == item.OwnerMemberId)
                .Select(m => new { m.TimeZone, Locale = m.PreferredLocale ?? m.Locale })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (owner is null)
            {
                continue;
            }

            var zone = await clock.MemberZoneAsync(item.OwnerMemberId, owner.TimeZone, cancellationToken).ConfigureAwait(false);
            var local = TimeZoneInfo.ConvertTime(now, zone);
            var today = DateOnly.FromDateTime(local.DateTime);
            var day = ReminderDay(item.DueDate!.Value, team.Value.Calendar);
            if (today < day || (today == day && local.Hour < ReminderHour))
            {
                continue;
            }

            if (await RemindAsync(tenantId, item, team.Value.Team, owner.Locale, today, cancellationToken).ConfigureAwait(false))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>The due date, or the first working day after it when it is a day off.</summary>
    public static DateOnly ReminderDay(DateOnly due, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var day = due;
        for (var i = 0; i < MaxDaysOff && !calendar.IsWorkingDay(day); i++)
        {
            day = day.AddDays(1);
        }

        return calendar.IsWorkingDay(day) ? day : due;
    }

    private async Task<bool> RemindAsync(string tenantId, ActionItemView item, SalesTeam team, string? locale, DateOnly today, CancellationToken cancellationToken)
    {
        var card = ActionDueCard.Build(text, locale, tenantId, item.OwnerMemberId, team.Name, item, today);
        var enqueued = false;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionLifetime = transaction.ConfigureAwait(false);
            // The outbox first: a second run (or instance) finds the key taken and sends nothing.
            var result = await outbox.EnqueueForMemberAsync(
                item.OwnerMemberId, Key(item.Id), AutomaticMessageKinds.Reminders, Activity.CreateCard(card, card.FallbackText), automatic: true,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            enqueued = result == EnqueueResult.Enqueued;
            await store.MarkRemindedAsync(item.Id, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            LogReminder(logger, item.Id, result);
        }).ConfigureAwait(false);
        return enqueued;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Due reminder of action item {ItemId}: {Result}")]
    private static partial void LogReminder(ILogger logger, long itemId, EnqueueResult result);
}
