using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Meetings;

/// <summary>One line of the results section, formatted for the card's language.</summary>
internal sealed record AgendaLine(string Name, string Actual, string? Target, string? Percent, string Status, PaceStatus Pace);

/// <summary>The results section: the week's results of the team's first KPI against targets, the team first.</summary>
internal sealed record AgendaResults(string KpiName, string WeekName, AgendaLine Team, IReadOnlyList<AgendaLine> Reps);

/// <summary>One of the week's largest results.</summary>
internal sealed record AgendaWin(string Name, string Amount, string? Customer);

/// <summary>A public praise of the week: who praised whom (a list in the card's language) and why.</summary>
internal sealed record AgendaPraise(string Giver, string Receivers, string Reason);

/// <summary>
/// Everything on an agenda card, formatted for one language. Empty sections are left out of the card: no results
/// without a target or a result, no wins, nobody behind pace, no items.
/// </summary>
internal sealed record AgendaView(
    long TeamId,
    string TeamName,
    DateOnly Date,
    string When,
    AgendaResults? Results,
    IReadOnlyList<AgendaWin> Wins,
    IReadOnlyList<AgendaPraise> Praise,
    IReadOnlyList<string> Behind,
    IReadOnlyList<AgendaItemView> Items)
{
    /// <summary>The team's action items: open ones (overdue marked) and those done since the previous meeting.</summary>
    public IReadOnlyList<AgendaActionLine> Actions { get; init; } = [];
}

/// <summary>An action item on the agenda: its team number, owner and text, the due date as the card's language writes it, overdue or done.</summary>
internal sealed record AgendaActionLine(int Number, string Owner, string Text, string? Due, bool Overdue, bool Done);

/// <summary>
/// Builds an agenda from the team's data through the kernel contracts only: the results of the sales week that holds the
/// day before the meeting (for a Monday meeting, last week) against the week's targets with pace, for the team and each
/// rep, on the team's first active KPI; the week's three largest results of that KPI; the week's public praise (through
/// <see cref="ITeamRecognition"/>); the reps behind the month's pace; the items the team added for the meeting. A team whose progress is for managers only
/// (<see cref="ProgressVisibility.ManagersOnly"/>) gets the team's line only: the card is posted in the channel.
/// </summary>
internal sealed class AgendaReader(
    SalesCoachDbContext db, IResultLedger ledger, ITargetPlan targets, ITeamRecognition recognition, WorkingCalendars calendars, SalesClock clock,
    MeetingStore store, BotText text, ActionItemStore actionItems)
{
    private const int WinCount = 3;
    private const int PraiseCount = 5;

    public async Task<AgendaView> ReadAsync(string tenantId, SalesTeam team, MeetingSeries series, MeetingOccurrence occurrence, string? locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(series);
        db.ForTenant(tenantId);
        var meetingZone = MeetingClock.Zone(series);
        var teamZone = clock.TeamZone(team.TimeZone);
        var today = clock.TodayIn(teamZone);
        var culture = SalesFormat.CultureOf(locale);
        var localStart = TimeZoneInfo.ConvertTime(occurrence.StartsAt, meetingZone);
        var when = text.Get(locale, MeetingsTextKeys.When,
            localStart.ToString(BotText.IsChinese(locale) ? "yyyy年M月d日 dddd" : "dddd, MMM d, yyyy", culture),
            localStart.ToString("HH:mm", CultureInfo.InvariantCulture), series.TimeZone);
        var items = await store.ItemsAsync(team.Id, occurrence.Date, cancellationToken).ConfigureAwait(false);
        var actions = await ActionsAsync(team.Id, series, occurrence, meetingZone, today, locale, cancellationToken).ConfigureAwait(false);

        var week = SalesPeriod.Containing(SalesPeriodKind.Week, occurrence.Date.AddDays(-1));
        var praised = await recognition.PublicPraiseAsync(team.Id, MeetingClock.ToInstant(week.Start, TimeOnly.MinValue, teamZone),
            MeetingClock.ToInstant(week.End.AddDays(1), TimeOnly.MinValue, teamZone), PraiseCount, cancellationToken).ConfigureAwait(false);
        var praise = praised.Select(p => new AgendaPraise(p.GiverName ?? string.Empty, BotText.List(locale, p.ReceiverNames), p.Reason)).ToList();
        var kpi = await db.Kpis.AsNoTracking().Where(k => k.IsActive).OrderBy(k => k.SortOrder).ThenBy(k => k.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (kpi is null)
        {
            return new AgendaView(team.Id, team.Name, occurrence.Date, when, null, [], praise, [], items) { Actions = actions };
        }

        var month = SalesPeriod.Containing(SalesPeriodKind.Month, occurrence.Date.AddDays(-1));
        var calendar = await calendars.ForTeamAsync(tenantId, team.WorkingCalendar, teamZone, cancellationToken).ConfigureAwait(false);
        var reps = await db.TeamMemberships.AsNoTracking()
            .Where(m => m.SalesTeamId == team.Id && m.LeftAt == null && m.Role == TeamRole.Rep)
            .Select(m => new { m.MemberId, m.Member!.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var names = reps.ToDictionary(r => r.MemberId, r => r.Name ?? string.Empty);
        var book = await targets.TeamTargetsAsync(team.Id, [kpi], [week.TargetYear, month.TargetYear], calendar, cancellationToken).ConfigureAwait(false);
        var weekActuals = await ledger.RepActualsAsync(team.Id, week.Start, week.End, cancellationToken).ConfigureAwait(false);
        var monthActuals = await ledger.RepActualsAsync(team.Id, month.Start, month.End, cancellationToken).ConfigureAwait(false);
        var kpiName = KpiDefaults.NameOf(text, locale, kpi);
        var weekState = week.StateOn(today);
        var everyone = team.ProgressVisibility == ProgressVisibility.Channel;

        AgendaLine Line(string name, decimal? target, decimal actual)
        {
            var pace = PaceCalculator.Calculate(new PaceInput(target ?? 0m, actual, week, today, calendar));
            return new AgendaLine(
                name,
                SalesFormat.Amount(locale, kpi.Unit, kpi.Currency, actual),
                target is { } t && t > 0 ? SalesFormat.Amount(locale, kpi.Unit, kpi.Currency, t) : null,
                pace.PercentDone is { } percent ? SalesFormat.Percent(percent, culture) + "%" : null,
                SalesFormat.Status(text, locale, pace, weekState),
                pace.Status);
        }

        var repLines = new List<AgendaLine>();
        var behind = new List<string>();
        foreach (var rep in reps)
        {
            var target = book.RepTarget(rep.MemberId, kpi.Id, week)?.Amount;
            var actual = weekActuals.GetValueOrDefault((rep.MemberId, kpi.Id));
            if (target is > 0 || actual > 0)
            {
                repLines.Add(Line(rep.Name ?? string.Empty, target, actual));
            }

            var monthTarget = book.RepTarget(rep.MemberId, kpi.Id, month)?.Amount ?? 0m;
            var monthPace = PaceCalculator.Calculate(new PaceInput(monthTarget, monthActuals.GetValueOrDefault((rep.MemberId, kpi.Id)), month, today, calendar));
            if (monthPace.Status == PaceStatus.Behind)
            {
                behind.Add(rep.Name ?? string.Empty);
            }
        }

        var order = BotText.NameOrder(locale);
        var teamTarget = book.TeamTarget(team.Id, reps.Select(r => r.MemberId), kpi.Id, week)?.Amount;
        var teamActual = reps.Sum(r => weekActuals.GetValueOrDefault((r.MemberId, kpi.Id)));
        AgendaResults? results = teamTarget is > 0 || teamActual > 0
            ? new AgendaResults(kpiName, SalesFormat.PeriodName(text, locale, week), Line(team.Name, teamTarget, teamActual),
                everyone ? [.. repLines.OrderBy(l => l.Name, order)] : [])
            : null;

        var wins = new List<AgendaWin>();
        if (kpi.Aggregation == KpiAggregation.Sum)
        {
            foreach (var win in await ledger.LargestAsync(team.Id, kpi.Id, week.Start, week.End, WinCount, cancellationToken).ConfigureAwait(false))
            {
                if (win.Amount > 0)
                {
                    wins.Add(new AgendaWin(names.GetValueOrDefault(win.MemberId, string.Empty), SalesFormat.Amount(locale, kpi.Unit, kpi.Currency, win.Amount), win.Customer));
                }
            }
        }

        return new AgendaView(team.Id, team.Name, occurrence.Date, when, results, wins, praise, everyone ? [.. behind.Order(order)] : [], items) { Actions = actions };
    }

    // Action items (issue 12, point 5): the open ones, and those closed since the previous meeting's start.
    private async Task<IReadOnlyList<AgendaActionLine>> ActionsAsync(
        long teamId, MeetingSeries series, MeetingOccurrence occurrence, TimeZoneInfo meetingZone, DateOnly today, string? locale, CancellationToken cancellationToken)
    {
        var previous = MeetingClock.ToInstant(occurrence.Date.AddDays(-7), series.LocalTime, meetingZone);
        var items = await actionItems.ForAgendaAsync(teamId, previous, cancellationToken).ConfigureAwait(false);
        return [.. items.Select(i => new AgendaActionLine(
            i.Number, i.OwnerName, i.Text, i.DueDate is { } due ? ActionItemDesk.DueText(locale, due) : null,
            i.DoneAt is null && i.DueDate < today, i.DoneAt is not null))];
    }
}
