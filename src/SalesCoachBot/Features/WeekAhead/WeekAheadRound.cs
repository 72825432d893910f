using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Messaging;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;

namespace SalesCoachBot.Features.WeekAhead;

/// <summary>
/// One tenant's round of the week-ahead card and the pace nudge, for every active rep of its live sales teams, each in
/// their own zone (their own, else their team's: <see cref="SalesClock.ResolveZone"/>) and by their team's working
/// calendar (<see cref="WorkingCalendars"/>). A rep in several teams is handled once, with the team they joined first as
/// a rep.
/// <list type="bullet">
/// <item><b>Week-ahead card</b>: on the first working day of the rep's week — Monday, or after a Monday holiday the next
/// working day (the week's target is what matters, and it arrives when the rep is back) — once the local time reaches
/// <see cref="WeekAheadOptions.CardTime"/>, within <see cref="WeekAheadOptions.SendWindow"/>. Key
/// <c>week-ahead:{member}:{ISO week}</c>. A rep without any target (week or month) gets nothing.</item>
/// <item><b>Pace nudge</b>: on <see cref="WeekAheadOptions.NudgeDay"/> when it is a working day (a holiday: no nudge
/// that week), from <see cref="WeekAheadOptions.NudgeTime"/>, to reps behind pace on the month in some KPI. Key
/// <c>pace-nudge:{member}:{local date}</c>, so at most one a day. Never enqueued when the rep's quiet hours would hold
/// it into the next day: a nudge about today's pace is stale tomorrow.</item>
/// </list>
/// Both go through the outbox as automatic messages (opt-outs and quiet hours apply there). Reps are read in batches of
/// <see cref="WeekAheadOptions.BatchSize"/> and every enqueue commits on its own, so no transaction spans many reps.
/// </summary>
internal sealed partial class WeekAheadRound(
    SalesCoachDbContext store,
    IResultLedger results,
    ITargetPlan targets,
    Outbox outbox,
    SalesClock clock,
    WorkingCalendars calendars,
    BotText text,
    IOptionsMonitor<WeekAheadOptions> options,
    ILogger<WeekAheadRound> logger)
{
    private sealed record Seat(long MemberId, long SalesTeamId, DateTimeOffset JoinedAt);

    private sealed record Rep(long Id, string? TimeZone, TimeOnly? QuietStart, TimeOnly? QuietEnd, string? Locale);

    /// <summary>A rep due now: their zone and today, and which of the two messages is due.</summary>
    private sealed record DueRep(Rep Rep, DateOnly Today, bool Card, bool Nudge);

    /// <summary>What the cards of a team's reps need for one week and month: one read of targets and one of actuals.</summary>
    private sealed record Figures(SalesPeriod Week, SalesPeriod Month, ITeamTargets Targets, IReadOnlyDictionary<(long MemberId, long KpiId), decimal> Actuals);

    /// <summary>Sends what is due now to the tenant's reps; returns the week-ahead cards and nudges enqueued.</summary>
    public async Task<WeekAheadOutcome> RunAsync(string tenantId, CancellationToken cancellationToken)
    {
        store.ForTenant(tenantId);
        var settings = options.CurrentValue;
        var teams = await store.SalesTeams.AsNoTracking().Where(t => t.ArchivedAt == null).OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.TimeZone, t.WorkingCalendar }).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (teams.Count == 0)
        {
            return default;
        }

        var seats = await store.TeamMemberships.AsNoTracking()
            .Where(m => m.LeftAt == null && m.Role == TeamRole.Rep && m.SalesTeam!.ArchivedAt == null)
            .Select(m => new Seat(m.MemberId, m.SalesTeamId, m.JoinedAt)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var repsByTeam = seats.GroupBy(s => s.MemberId)
            .Select(g => g.OrderBy(s => s.JoinedAt).ThenBy(s => s.SalesTeamId).First())
            .GroupBy(s => s.SalesTeamId)
            .ToDictionary(g => g.Key, g => g.Select(s => s.MemberId).Order().ToList());
        List<KpiDefinition>? kpis = null;
        var outcome = new WeekAheadOutcome(0, 0);
        foreach (var team in teams)
        {
            if (!repsByTeam.TryGetValue(team.Id, out var repIds))
            {
                continue;
            }

            var teamZone = clock.TeamZone(team.TimeZone);
            var calendar = await calendars.ForTeamAsync(tenantId, team.WorkingCalendar, teamZone, cancellationToken).ConfigureAwait(false);
            var figures = new Dictionary<(DateOnly Week, DateOnly Month), Figures>();
            foreach (var batch in repIds.Chunk(settings.BatchSize))
            {
                var reps = await store.Members.AsNoTracking().Where(m => batch.Contains(m.Id)).OrderBy(m => m.Id)
                    .Select(m => new Rep(m.Id, m.TimeZone, m.QuietHoursStart, m.QuietHoursEnd, m.PreferredLocale ?? m.Locale))
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                foreach (var rep in reps)
                {
                    var zone = SalesClock.FindZone(rep.TimeZone) ?? teamZone;
                    if (Due(rep, zone, calendar, settings) is not { } due)
                    {
                        continue;
                    }

                    kpis ??= await store.Kpis.AsNoTracking().Where(k => k.IsActive).OrderBy(k => k.SortOrder).ThenBy(k => k.Id)
                        .ToListAsync(cancellationToken).ConfigureAwait(false);
                    var week = SalesPeriod.Containing(SalesPeriodKind.Week, due.Today);
                    var month = SalesPeriod.Containing(SalesPeriodKind.Month, due.Today);
                    if (!figures.TryGetValue((week.Start, month.Start), out var read))
                    {
                        var book = await targets.TeamTargetsAsync(team.Id, kpis, [week.TargetYear, month.TargetYear], calendar, cancellationToken)
                            .ConfigureAwait(false);
                        var actuals = await results.RepActualsAsync(team.Id, month.Start, month.End, cancellationToken).ConfigureAwait(false);
                        read = new Figures(week, month, book, actuals);
                        figures[(week.Start, month.Start)] = read;
                    }

                    var sent = await SendAsync(tenantId, due, kpis, read, calendar, cancellationToken).ConfigureAwait(false);
                    outcome = new WeekAheadOutcome(outcome.Cards + sent.Cards, outcome.Nudges + sent.Nudges);
                }
            }
        }

        return outcome;
    }

    private DueRep? Due(Rep rep, TimeZoneInfo zone, WorkingCalendar calendar, WeekAheadOptions settings)
    {
        var now = clock.Now;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        // Local wall time, so 08:30 stays 08:30 across a DST change.
        bool InWindow(TimeOnly at) => local.TimeOfDay >= at.ToTimeSpan() && local.TimeOfDay < at.ToTimeSpan() + settings.SendWindow;

        var card = FirstWorkingDayOfWeek(calendar, today) == today && InWindow(settings.CardTime);
        var nudge = today.DayOfWeek == settings.NudgeDay && calendar.IsWorkingDay(today) && InWindow(settings.NudgeTime)
            && ArrivesToday(rep, zone, now, today);
        return card || nudge ? new DueRep(rep, today, card, nudge) : null;
    }

    /// <summary>The week's (ISO, Monday to Sunday) first working day: Monday, unless it is a holiday; null in a week off.</summary>
    internal static DateOnly? FirstWorkingDayOfWeek(WorkingCalendar calendar, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        for (var d = monday; d <= monday.AddDays(6); d = d.AddDays(1))
        {
            if (calendar.IsWorkingDay(d))
            {
                return d;
            }
        }

        return null;
    }

    // The outbox holds an automatic message until the quiet hours end; a nudge held into tomorrow is not sent at all.
    private static bool ArrivesToday(Rep rep, TimeZoneInfo zone, DateTimeOffset now, DateOnly today)
    {
        var at = DeliveryPolicy.AfterQuietHours(now, zone, rep.QuietStart ?? DeliveryPolicy.DefaultQuietHoursStart, rep.QuietEnd ?? DeliveryPolicy.DefaultQuietHoursEnd);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) == today;
    }

    private async Task<WeekAheadOutcome> SendAsync(
        string tenantId, DueRep due, List<KpiDefinition> kpis, Figures figures, WorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var locale = due.Rep.Locale;
        var memberId = due.Rep.Id;
        var rows = new List<WeekAheadRow>(kpis.Count);
        foreach (var kpi in kpis)
        {
            var weekTarget = figures.Targets.RepTarget(memberId, kpi.Id, figures.Week)?.Amount ?? 0m;
            var monthTarget = figures.Targets.RepTarget(memberId, kpi.Id, figures.Month)?.Amount ?? 0m;
            if (weekTarget <= 0 && monthTarget <= 0)
            {
                continue;
            }

            var actual = figures.Actuals.GetValueOrDefault((memberId, kpi.Id));
            var pace = PaceCalculator.Calculate(new PaceInput(monthTarget, actual, figures.Month, due.Today, calendar));
            rows.Add(new WeekAheadRow(KpiDefaults.NameOf(text, locale, kpi), kpi.Unit, kpi.Currency, weekTarget > 0 ? weekTarget : null, pace));
        }

        // No targets at all: no card, rather than an empty one.
        if (rows.Count == 0)
        {
            return default;
        }

        var view = new WeekAheadView(tenantId, memberId, figures.Week, figures.Month, due.Today, rows);
        var cards = 0;
        var nudges = 0;
        if (due.Card)
        {
            var card = WeekAheadCard.Build(text, locale, view);
            var key = $"week-ahead:{memberId}:{PeriodWords.Key(figures.Week)}";
            var result = await outbox.EnqueueForMemberAsync(memberId, key, AutomaticMessageKinds.WeekAhead, Activity.CreateCard(card, card.FallbackText),
                automatic: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            LogEnqueued(logger, AutomaticMessageKinds.WeekAhead, memberId, result);
            cards += result == EnqueueResult.Enqueued ? 1 : 0;
        }

        var behind = rows.Where(r => r.Month.Status == PaceStatus.Behind).ToList();
        if (due.Nudge && behind.Count > 0)
        {
            var card = PaceNudgeCard.Build(text, locale, view with { Rows = behind });
            var key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"pace-nudge:{memberId}:{due.Today:yyyy-MM-dd}");
            var result = await outbox.EnqueueForMemberAsync(memberId, key, AutomaticMessageKinds.Nudges, Activity.CreateCard(card, card.FallbackText),
                automatic: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            LogEnqueued(logger, AutomaticMessageKinds.Nudges, memberId, result);
            nudges += result == EnqueueResult.Enqueued ? 1 : 0;
        }

        return new WeekAheadOutcome(cards, nudges);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Week ahead: {Kind} for member {MemberId}: {Result}")]
    private static partial void LogEnqueued(ILogger logger, string kind, long memberId, EnqueueResult result);
}
