using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Messaging;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;

namespace SalesCoachBot.Features.Scorecards;

/// <summary>"Scorecards" section: when the period-end scorecards arrive, in each member's own zone.</summary>
internal sealed class ScorecardOptions
{
    public const string SectionName = "Scorecards";

    /// <summary>Local time on the first working day after a month ends: 09:00, the start of the working morning.</summary>
    public TimeOnly SendTime { get; set; } = new(9, 0);

    /// <summary>How long after <see cref="SendTime"/> a run still sends (the job runs hourly; a late run catches up within it).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "08:00:00")]
    public TimeSpan SendWindow { get; set; } = TimeSpan.FromHours(3);
}

/// <summary>
/// The period-end scorecards, hourly (at :13, off the hour other jobs run on): for every tenant, each in its own scope
/// bound with <c>ForTenant</c>, <see cref="ScorecardRound"/> sends what is due now. Each member gets each card once
/// whatever the number of runs or instances: the outbox keys name member (and team) and period.
/// </summary>
internal sealed partial class ScorecardJob(SalesCoachDbContext db, IServiceScopeFactory scopes, ILogger<ScorecardJob> logger)
{
    public const string RecurringJobId = "scorecards";

    public const string Cron = "13 * * * *";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // Spans tenants on purpose, for their ids only.
        var tenants = await db.Tenants.IgnoreQueryFilters([SalesCoachDbContext.TenantFilter]).AsNoTracking()
            .OrderBy(t => t.TenantId).Select(t => t.TenantId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var total = 0;
        foreach (var tenantId in tenants)
        {
            var scope = scopes.CreateAsyncScope();
            await using var scopeLifetime = scope.ConfigureAwait(false);
            total += await scope.ServiceProvider.GetRequiredService<ScorecardRound>().RunAsync(tenantId, cancellationToken).ConfigureAwait(false);
        }

        LogRun(logger, tenants.Count, total);
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scorecards: {Tenants} tenant(s), {Cards} card(s) enqueued")]
    private static partial void LogRun(ILogger logger, int tenants, int cards);
}

/// <summary>
/// One tenant's period-end scorecards. For every live sales team and each of its active members, in the member's zone
/// (their own, else the team's) and by the team's working calendar: on the first working day of a month, from
/// <see cref="ScorecardOptions.SendTime"/> within <see cref="ScorecardOptions.SendWindow"/>, the month that just closed
/// — and when it closed a quarter, the quarter too:
/// <list type="bullet">
/// <item>each rep (their first team as a rep) their own scorecard, key <c>scorecard:{member}:{period}</c>; a rep with no
/// KPI scored (no target) gets none;</item>
/// <item>each manager of the team its summary, key <c>scorecard-summary:{member}:{team}:{period}</c>.</item>
/// </list>
/// Through the outbox as automatic <see cref="AutomaticMessageKinds.Scorecards"/> messages to the 1:1 chat: opt-outs and
/// quiet hours apply there, and every card says how to turn it off.
/// </summary>
internal sealed partial class ScorecardRound(
    SalesCoachDbContext store,
    ScorecardReader reader,
    Outbox outbox,
    SalesClock clock,
    WorkingCalendars calendars,
    BotText text,
    IOptionsMonitor<ScorecardOptions> options,
    ILogger<ScorecardRound> logger)
{
    private sealed record Seat(long MemberId, long SalesTeamId, TeamRole Role, DateTimeOffset JoinedAt, string? TimeZone, string? Locale);

    public async Task<int> RunAsync(string tenantId, CancellationToken cancellationToken)
    {
        store.ForTenant(tenantId);
        var settings = options.CurrentValue;
        var teams = await store.SalesTeams.AsNoTracking().Where(t => t.ArchivedAt == null).OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.TimeZone, t.WorkingCalendar }).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (teams.Count == 0)
        {
            return 0;
        }

        var seats = await store.TeamMemberships.AsNoTracking()
            .Where(m => m.LeftAt == null && m.SalesTeam!.ArchivedAt == null)
            .Select(m => new Seat(m.MemberId, m.SalesTeamId, m.Role, m.JoinedAt, m.Member!.TimeZone, m.Member.PreferredLocale ?? m.Member.Locale))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // A rep in several teams gets the scorecard of the team they joined first as a rep.
        var repHome = seats.Where(s => s.Role == TeamRole.Rep).GroupBy(s => s.MemberId)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.JoinedAt).ThenBy(s => s.SalesTeamId).First().SalesTeamId);
        var sent = 0;
        foreach (var team in teams)
        {
            var teamZone = clock.TeamZone(team.TimeZone);
            var calendar = await calendars.ForTeamAsync(tenantId, team.WorkingCalendar, teamZone, cancellationToken).ConfigureAwait(false);
            var read = new Dictionary<(SalesPeriod Period, string? Locale), TeamScorecard?>();
            foreach (var seat in seats.Where(s => s.SalesTeamId == team.Id).OrderBy(s => s.MemberId))
            {
                var isRep = seat.Role == TeamRole.Rep && repHome.GetValueOrDefault(seat.MemberId) == team.Id;
                var isManager = seat.Role == TeamRole.Manager;
                if (!isRep && !isManager)
                {
                    continue;
                }

                var zone = SalesClock.FindZone(seat.TimeZone) ?? teamZone;
                foreach (var period in Due(zone, calendar, settings))
                {
                    if (!read.TryGetValue((period, seat.Locale), out var scorecard))
                    {
                        scorecard = await reader.ReadAsync(tenantId, team.Id, period, seat.Locale, null, cancellationToken).ConfigureAwait(false);
                        read[(period, seat.Locale)] = scorecard;
                    }

                    if (scorecard is null)
                    {
                        continue;
                    }

                    var key = PeriodWords.Key(period);
                    AdaptiveCardMessage? message = null;
                    if (isRep && scorecard.Reps.FirstOrDefault(r => r.MemberId == seat.MemberId) is { Score.Total: not null } rep)
                    {
                        message = new(ScorecardCards.Rep(text, seat.Locale, scorecard, rep, (tenantId, seat.MemberId)), $"scorecard:{seat.MemberId}:{key}");
                    }
                    else if (isManager)
                    {
                        message = new(ScorecardCards.Summary(text, seat.Locale, scorecard, (tenantId, seat.MemberId)),
                            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"scorecard-summary:{seat.MemberId}:{team.Id}:{key}"));
                    }

                    if (message is null)
                    {
                        continue;
                    }

                    var result = await outbox.EnqueueForMemberAsync(seat.MemberId, message.Key, AutomaticMessageKinds.Scorecards,
                        Activity.CreateCard(message.Card, message.Card.FallbackText), automatic: true, cancellationToken: cancellationToken).ConfigureAwait(false);
                    LogEnqueued(logger, message.Key, result);
                    sent += result == EnqueueResult.Enqueued ? 1 : 0;
                }
            }
        }

        return sent;
    }

    /// <summary>
    /// The periods whose scorecard is due now for someone in <paramref name="zone"/>: on the first working day of a
    /// month within the send window, the month before it, and the quarter before it when the month starts a quarter.
    /// </summary>
    internal IReadOnlyList<SalesPeriod> Due(TimeZoneInfo zone, WorkingCalendar calendar, ScorecardOptions settings)
    {
        var local = TimeZoneInfo.ConvertTime(clock.Now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var at = settings.SendTime.ToTimeSpan();
        if (local.TimeOfDay < at || local.TimeOfDay >= at + settings.SendWindow || FirstWorkingDay(calendar, today) != today)
        {
            return [];
        }

        var closed = SalesPeriod.Containing(SalesPeriodKind.Month, today).Previous();
        return today.Month % 3 == 1 ? [closed, SalesPeriod.Containing(SalesPeriodKind.Quarter, closed.Start)] : [closed];
    }

    /// <summary>The first working day of the month of <paramref name="day"/> (null in a month without one).</summary>
    internal static DateOnly? FirstWorkingDay(WorkingCalendar calendar, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var month = SalesPeriod.Containing(SalesPeriodKind.Month, day);
        for (var d = month.Start; d <= month.End; d = d.AddDays(1))
        {
            if (calendar.IsWorkingDay(d))
            {
                return d;
            }
        }

        return null;
    }

    private sealed record AdaptiveCardMessage(SalesCoachBot.Teams.Cards.AdaptiveCard Card, string Key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Scorecards: {Key}: {Result}")]
    private static partial void LogEnqueued(ILogger logger, string key, EnqueueResult result);
}
