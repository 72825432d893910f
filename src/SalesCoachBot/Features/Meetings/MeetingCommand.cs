using System.Globalization;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Meetings;

/// <summary>
/// <c>meeting</c> · <c>例会</c> in a team channel: shows the team's weekly meeting (anyone in the team);
/// <c>meeting monday 09:30 [zone]</c> · <c>例会 周一 09:30</c> sets it, <c>meeting time …</c> · <c>例会 改时间 …</c> moves
/// it, <c>meeting skip</c> · <c>例会 跳过</c> skips the next one, <c>meeting off</c> · <c>例会 关闭</c> stops it — those for the
/// team's managers (and tenant admins) only. Bad words change nothing and say what was not understood.
/// <c>meeting review 16:00</c> · <c>例会 复盘 16:00</c> turns on the monthly review, <c>meeting agenda 2h</c> ·
/// <c>例会 议程 提前 2小时</c> and <c>meeting reminder 10m</c> · <c>例会 提醒 提前 10分钟</c> set the lead times
/// (MeetingCommand.Review.cs).
/// </summary>
internal sealed partial class MeetingCommand(
    MeetingTeams teams, MeetingStore store, MeetingJobs jobs, TeamAccess access, SalesClock clock, BotText text, MeetingCalendar calendar, ReviewDesk reviews)
    : ICommandHandler
{
    public const string Word = "meeting";
    public const string ChineseWord = "例会";

    public static HelpTopic Topic { get; } = new(Word, ChineseWord, HelpScopes.Channel, MeetingsTextKeys.MeetingHelp, MeetingsTextKeys.MeetingArgs);

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        if (turn.Scope != ConversationTypes.Channel)
        {
            await turn.SendAsync(Plain(TurnGuard.WhereItWorks(text, locale, Topic, turn.CommandWord)), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!turn.TryGetMember(out var tenantId, out var caller))
        {
            await turn.SendTextAsync(TurnGuard.NoMember(text, locale), cancellationToken).ConfigureAwait(false);
            return;
        }

        var choice = await teams.ChooseAsync(turn, tenantId, caller.Id, string.Empty, cancellationToken).ConfigureAwait(false);
        if (choice.Team is not { } team)
        {
            await turn.SendAsync(Plain(choice.Refusal!), cancellationToken).ConfigureAwait(false);
            return;
        }

        var request = MeetingScheduleParser.Parse(arguments);
        var series = await store.SeriesAsync(team.Id, cancellationToken).ConfigureAwait(false);
        if (request.Action == MeetingAction.Show)
        {
            var shown = Describe(locale, team, series) + await DescribeReviewAsync(locale, tenantId, team, series, cancellationToken).ConfigureAwait(false);
            await turn.SendAsync(Plain(shown), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (request.Action == MeetingAction.Invalid)
        {
            await turn.SendAsync(Plain(Error(locale, request)), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!await access.CanManageAsync(tenantId, caller.Id, team.Id, cancellationToken).ConfigureAwait(false))
        {
            await turn.SendAsync(Plain(text.Get(locale, MeetingsTextKeys.OnlyManagers, team.Name)), cancellationToken).ConfigureAwait(false);
            return;
        }

        var answer = request.Action switch
        {
            MeetingAction.Set => await SetAsync(locale, tenantId, caller.Id, team, request.Weekday!.Value, request.Time!.Value,
                request.ZoneId ?? TeamZoneId(team), moved: series is not null, cancellationToken).ConfigureAwait(false),
            MeetingAction.Move when series is not null => await SetAsync(locale, tenantId, caller.Id, team, request.Weekday ?? series.Weekday, request.Time!.Value,
                request.ZoneId ?? series.TimeZone, moved: true, cancellationToken).ConfigureAwait(false),
            MeetingAction.Skip when series is not null => await SkipAsync(locale, team, series, cancellationToken).ConfigureAwait(false),
            MeetingAction.Off when series is not null => await OffAsync(locale, team, cancellationToken).ConfigureAwait(false)
                + (series.ReviewLocalTime is null ? string.Empty : " " + text.Get(locale, MeetingsTextKeys.ReviewAlsoOff)),

            // The monthly review and the lead times (MeetingCommand.Review.cs).
            MeetingAction.Review or MeetingAction.ReviewOff when series is not null =>
                await ReviewAsync(locale, tenantId, team, request.Action == MeetingAction.Review ? request.Time : null, cancellationToken).ConfigureAwait(false),
            MeetingAction.Review => text.Get(locale, MeetingsTextKeys.ReviewNeedsMeeting, team.Name),
            MeetingAction.AgendaLead or MeetingAction.ReminderLead when series is not null =>
                await LeadAsync(locale, tenantId, team, series, request, cancellationToken).ConfigureAwait(false),
            _ => text.Get(locale, MeetingsTextKeys.NoMeeting, team.Name),
        };
        await turn.SendAsync(Plain(answer), cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> SetAsync(
        string? locale, string tenantId, long callerId, SalesTeam team, DayOfWeek weekday, TimeOnly time, string zoneId, bool moved, CancellationToken cancellationToken)
    {
        var series = await store.SaveAsync(tenantId, team.Id, weekday, time, zoneId, callerId, cancellationToken).ConfigureAwait(false);
        jobs.Schedule(tenantId, series);
        var calendarNote = await calendar.SetAsync(locale, team, series, callerId, cancellationToken).ConfigureAwait(false);
        return text.Get(locale, moved ? MeetingsTextKeys.Moved : MeetingsTextKeys.Set, team.Name, Schedule(locale, series)) + " " + Timing(locale, series) + calendarNote;
    }

    private async Task<string> SkipAsync(string? locale, SalesTeam team, MeetingSeries series, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var skipped = MeetingClock.Skipped(series);
        var next = MeetingClock.Next(series, now);
        // Skipping twice skips the following week too: the first one is already off.
        for (var i = 0; i < 52 && skipped.Contains(next.Date); i++)
        {
            next = MeetingClock.Next(series, next.StartsAt);
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, MeetingClock.Zone(series)).DateTime);
        await store.SkipAsync(team.Id, next.Date, today, cancellationToken).ConfigureAwait(false);
        var after = MeetingClock.Next(series, next.StartsAt);
        var calendarNote = await calendar.SkipAsync(locale, series, next.Date, cancellationToken).ConfigureAwait(false);
        return text.Get(locale, MeetingsTextKeys.Skipped, SalesFormat.Date(locale, next.Date), SalesFormat.Date(locale, after.Date)) + calendarNote;
    }

    private async Task<string> OffAsync(string? locale, SalesTeam team, CancellationToken cancellationToken)
    {
        var calendarNote = await calendar.RemoveAsync(locale, team.Id, cancellationToken).ConfigureAwait(false);
        await store.RemoveAsync(team.Id, cancellationToken).ConfigureAwait(false);
        jobs.Remove(team.Id);
        return text.Get(locale, MeetingsTextKeys.Off, team.Name) + calendarNote;
    }

    private string Describe(string? locale, SalesTeam team, MeetingSeries? series)
    {
        if (series is null)
        {
            return text.Get(locale, MeetingsTextKeys.NoMeeting, team.Name);
        }

        var next = MeetingClock.Next(series, clock.Now);
        var skipped = MeetingClock.Skipped(series).Contains(next.Date);
        var nextText = text.Get(locale, skipped ? MeetingsTextKeys.NextSkipped : MeetingsTextKeys.Next, SalesFormat.Date(locale, next.Date));
        return text.Get(locale, MeetingsTextKeys.Shown, team.Name, Schedule(locale, series)) + " " + nextText + " " + Timing(locale, series);
    }

    private string Schedule(string? locale, MeetingSeries series) =>
        text.Get(locale, MeetingsTextKeys.Every, DayName(locale, series.Weekday), series.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture), series.TimeZone);

    private string Timing(string? locale, MeetingSeries series)
    {
        var agenda = MeetingClock.AgendaTime(series);
        return text.Get(locale, MeetingsTextKeys.Timing, DayName(locale, agenda.Weekday), agenda.Time.ToString("HH:mm", CultureInfo.InvariantCulture),
            series.ReminderLeadMinutes);
    }

    private string Error(string? locale, MeetingRequest request) => request.Error switch
    {
        MeetingScheduleError.NoWeekday => text.Get(locale, MeetingsTextKeys.NoWeekday),
        MeetingScheduleError.NoTime => text.Get(locale, MeetingsTextKeys.NoTime),
        MeetingScheduleError.BadTime => text.Get(locale, MeetingsTextKeys.BadTime, BotText.Quote(request.Rest ?? string.Empty)),
        MeetingScheduleError.UnknownZone => text.Get(locale, MeetingsTextKeys.UnknownZone, BotText.Quote(request.Rest ?? string.Empty)),
        MeetingScheduleError.NoReviewTime => text.Get(locale, MeetingsTextKeys.NoReviewTime),
        MeetingScheduleError.BadLead => request.Rest is { } lead
            ? text.Get(locale, MeetingsTextKeys.BadLead, BotText.Quote(lead))
            : text.Get(locale, MeetingsTextKeys.NoLead),
        _ => text.Get(locale, MeetingsTextKeys.NotUnderstood, BotText.Quote(request.Rest ?? string.Empty)),
    };

    private string TeamZoneId(SalesTeam team)
    {
        var zone = clock.TeamZone(team.TimeZone);
        return zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
    }

    internal static string DayName(string? locale, DayOfWeek day) => SalesFormat.CultureOf(locale).DateTimeFormat.GetDayName(day);

    // Answers quote words people typed: plain, so Teams shows them as typed.
    internal static Activity Plain(string message)
    {
        var reply = Activity.CreateMessage(message);
        reply.TextFormat = "plain";
        return reply;
    }
}
