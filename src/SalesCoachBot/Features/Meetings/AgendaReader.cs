using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Meetings;

/// <summary>One line of the results section, formatted for the card's language.</summary>
internal sealed record AgendaLine(string Name, string Actual, string? Target, string? Percent, string Status, PaceStatus Pace);

/// <summary>The results section of one KPI: the period's results against targets, the team first.</summary>
internal sealed record AgendaResults(string KpiName, string PeriodName, AgendaLine Team, IReadOnlyList<AgendaLine> Reps);

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
    IReadOnlyList<AgendaResults> Results,
    IReadOnlyList<AgendaWin> Wins,
    IReadOnlyList<AgendaPraise> Praise,
    IReadOnlyList<string> Behind,
    IReadOnlyList<AgendaItemView> Items,
    AgendaKind Kind = AgendaKind.Weekly)
{
    /// <summary>The team's action items: open ones (overdue marked) and those done since the previous meeting.</summary>
    public IReadOnlyList<AgendaActionLine> Actions { get; init; } = [];
}

/// <summary>Which agenda: the weekly meeting's (the week before it) or the monthly review's (the month of the review).</summary>
internal enum AgendaKind
{
    Weekly,
    Review,
}

/// <summary>An action item on the agenda: its team number, owner and text, the due date as the card's language writes it, overdue or done.</summary>
internal sealed record AgendaActionLine(int Number, string Owner, string Text, string? Due, bool Overdue, bool Done);

/// <summary>
/// Builds an agenda from the team's data through the kernel contracts only, for a period: the weekly meeting's is the
/// sales week that holds the day before the meeting (for a Monday meeting, last week), the monthly review's the month of
/// the review. On it: the period's results against the period's targets with pace, for the team and each rep, one block
/// per active KPI with a target or a result; the period's three largest results of the first money KPI that sums its
/// results; the period's public praise (through <see cref="ITeamRecognition"/>); the reps behind the month's pace on any
/// KPI (named); the items the team added for the occurrence. A team whose progress is for managers only
/// (<see cref="ProgressVisibility.ManagersOnly"/>) gets the team's lines only: the card is posted in the channel.
/// </summary>
internal sealed class AgendaReader(
    SalesCoachDbContext db, IResultLedger ledger, ITargetPlan targets, ITeamRecognition recognition, WorkingCalendars calendars, SalesClock clock,
    MeetingStore store, BotText text, ActionItemStore actionItems)
{
    private const int WinCount = 3;
    private const int PraiseCount = 5;

    /// <summary>The weekly meeting's agenda.</summary>
    public Task<AgendaView> ReadAsync(string tenantId, SalesTeam team, MeetingSeries series, MeetingOccurrence occurrence, string? locale, CancellationToken cancellationToken) =>
        ReadAsync(tenantId, team, series, occurrence, AgendaKind.Weekly, locale, cancellationToken);

    public async Task<AgendaView> ReadAsync(
        string tenantId, SalesTeam team, MeetingSeries series, MeetingOccurrence occurrence, AgendaKind kind, string? locale, CancellationToken cancellationToken)
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

        // The review looks at its own month (its last working day included); the weekly meeting at the week before it.
        var month = SalesPeriod.Containing(SalesPeriodKind.Month, kind == AgendaKind.Review ? occurrence.Date : occurrence.Date.AddDays(-1));
        var period = kind == AgendaKind.Review ? month : SalesPeriod.Containing(SalesPeriodKind.Week, occurrence.Date.AddDays(-1));
        var praised = await recognition.PublicPraiseAsync(team.Id, MeetingClock.ToInstant(period.Start, TimeOnly.MinValue, teamZone),
            MeetingClock.ToInstant(period.End.AddDays(1), TimeOnly.MinValue, teamZone), PraiseCount, cancellationToken).ConfigureAwait(false);
        var praise = praised.Select(p => new AgendaPraise(p.GiverName ?? string.Empty, BotText.List(locale, p.ReceiverNames), p.Reason)).ToList();
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.IsActive).OrderBy(k => k.SortOrder).ThenBy(k => k.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (kpis.Count == 0)
        {
            return new AgendaView(team.Id, team.Name, occurrence.Date, when, [], [], praise, [], items, kind) { Actions = actions };
        }

        var calendar = await calendars.ForTeamAsync(tenantId, team.WorkingCalendar, teamZone, cancellationToken).ConfigureAwait(false);
        var reps = await db.TeamMemberships.AsNoTracking()
            .Where(m => m.SalesTeamId == team.Id && m.LeftAt == null && m.Role == TeamRole.Rep)
            .Select(m => new { m.MemberId, m.Member!.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var names = reps.ToDictionary(r => r.MemberId, r => r.Name ?? string.Empty);
        var book = await targets.TeamTargetsAsync(team.Id, kpis, [period.TargetYear, month.TargetYear], calendar, cancellationToken).ConfigureAwait(false);
        var periodActuals = await ledger.RepActualsAsync(team.Id, period.Start, period.End, cancellationToken).ConfigureAwait(false);
        var monthActuals = period == month
            ? periodActuals
            : await ledger.RepActualsAsync(team.Id, month.Start, month.End, cancellationToken).ConfigureAwait(false);
        var periodState = period.StateOn(today);
        var everyone = team.ProgressVisibility == ProgressVisibility.Channel;
        var order = BotText.NameOrder(locale);

        AgendaLine Line(KpiDefinition kpi, string name, decimal? target, decimal actual)
        {
            var pace = PaceCalculator.Calculate(new PaceInput(target ?? 0m, actual, period, today, calendar));
            return new AgendaLine(
                name,
                SalesFormat.Amount(locale, kpi.Unit, kpi.Currency, actual),
                target is { } t && t > 0 ? SalesFormat.Amount(locale, kpi.Unit, kpi.Currency, t) : null,
                pace.PercentDone is { } percent ? SalesFormat.Percent(percent, culture) + "%" : null,
                SalesFormat.Status(text, locale, pace, periodState),
                pace.Status);
        }

        // One block per KPI with a target or a result in the period, in the tenant's KPI order.
        var results = new List<AgendaResults>();
        var behindOn = new Dictionary<long, List<string>>();
        foreach (var kpi in kpis)
        {
            var kpiName = KpiDefaults.NameOf(text, locale, kpi);
            var repLines = new List<AgendaLine>();
            foreach (var rep in reps)
            {
                var target = book.RepTarget(rep.MemberId, kpi.Id, period)?.Amount;
                var actual = periodActuals.GetValueOrDefault((rep.MemberId, kpi.Id));
                if (target is > 0 || actual > 0)
                {
                    repLines.Add(Line(kpi, rep.Name ?? string.Empty, target, actual));
                }

                var monthTarget = book.RepTarget(rep.MemberId, kpi.Id, month)?.Amount ?? 0m;
                var monthPace = PaceCalculator.Calculate(new PaceInput(monthTarget, monthActuals.GetValueOrDefault((rep.MemberId, kpi.Id)), month, today, calendar));
                if (monthPace.Status == PaceStatus.Behind)
                {
                    (behindOn.TryGetValue(rep.MemberId, out var list) ? list : behindOn[rep.MemberId] = []).Add(kpiName);
                }
            }

            var teamTarget = book.TeamTarget(team.Id, reps.Select(r => r.MemberId), kpi.Id, period)?.Amount;
            var teamActual = TeamTotal.Actual(kpi, reps.Select(r => periodActuals.TryGetValue((r.MemberId, kpi.Id), out var a) ? a : (decimal?)null));
            if (teamTarget is > 0 || teamActual > 0)
            {
                results.Add(new AgendaResults(kpiName, SalesFormat.PeriodName(text, locale, period), Line(kpi, team.Name, teamTarget, teamActual),
                    everyone ? [.. repLines.OrderBy(l => l.Name, order)] : []));
            }
        }

        // Wins are money: the largest results of the first KPI that sums amounts of a currency, at most three.
        var wins = new List<AgendaWin>();
        if (kpis.FirstOrDefault(k => k.Aggregation == KpiAggregation.Sum && k.Unit == KpiUnit.Currency) is { } money)
        {
            foreach (var win in await ledger.LargestAsync(team.Id, money.Id, period.Start, period.End, WinCount, cancellationToken).ConfigureAwait(false))
            {
                if (win.Amount > 0)
                {
                    wins.Add(new AgendaWin(names.GetValueOrDefault(win.MemberId, string.Empty), SalesFormat.Amount(locale, money.Unit, money.Currency, win.Amount), win.Customer));
                }
            }
        }

        var behind = reps.Where(r => behindOn.ContainsKey(r.MemberId))
            .Select(r => text.Get(locale, MeetingsTextKeys.BehindOn, r.Name ?? string.Empty, BotText.List(locale, behindOn[r.MemberId])))
            .Order(order);
        return new AgendaView(team.Id, team.Name, occurrence.Date, when, results, wins, praise, everyone ? [.. behind] : [], items, kind) { Actions = actions };
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
