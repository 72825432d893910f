using System.Globalization;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Messaging;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Meetings;

/// <summary>A team's next monthly review: the team, its series (with the review time) and the occurrence.</summary>
internal sealed record ReviewNext(SalesTeam Team, MeetingSeries Series, MeetingOccurrence Occurrence)
{
    public TimeOnly ReviewTime => Series.ReviewLocalTime!.Value;
}

/// <summary>
/// Posts a team's monthly review agenda and reminder in its channel through the outbox, and updates a posted review
/// agenda in place. The occurrence is the next review after now (the last working day of this month, or of the next once
/// it has begun); the keys <c>review-agenda:{teamId}:{yyyy-MM}</c> and <c>review-reminder:{teamId}:{yyyy-MM}</c> make any
/// second run a no-op. The daily jobs post only when due; the admin trigger posts at once.
/// </summary>
internal sealed class ReviewDesk(
    SalesCoachDbContext db, MeetingStore store, MeetingDesk desk, AgendaReader reader, Outbox outbox, WorkingCalendars calendars, SalesClock clock,
    BotText text, TimeProvider time)
{
    public static string AgendaKey(long teamId, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"review-agenda:{teamId}:{ReviewClock.Month(date)}");

    public static string ReminderKey(long teamId, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"review-reminder:{teamId}:{ReviewClock.Month(date)}");

    public static string UpdateKey(long teamId, DateOnly date, long itemId) =>
        string.Create(CultureInfo.InvariantCulture, $"review-update:{teamId}:{ReviewClock.Month(date)}:{itemId}");

    /// <summary>The team's next review after now, or null when the team (or its series, or its review) is gone.</summary>
    public async Task<ReviewNext?> NextAsync(string tenantId, long teamId, CancellationToken cancellationToken)
    {
        db.ForTenant(tenantId);
        var team = await desk.LiveTeamAsync(teamId, cancellationToken).ConfigureAwait(false);
        var series = team is null ? null : await store.SeriesAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (team is null || series?.ReviewLocalTime is not { } reviewTime)
        {
            return null;
        }

        return new ReviewNext(team, series, await OccurrenceAsync(tenantId, team, series, reviewTime, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The next review of a series with a review time, in the team's working calendar.</summary>
    public async Task<MeetingOccurrence> OccurrenceAsync(string tenantId, SalesTeam team, MeetingSeries series, TimeOnly reviewTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        var calendar = await calendars.ForTeamAsync(tenantId, team.WorkingCalendar, clock.TeamZone(team.TimeZone), cancellationToken).ConfigureAwait(false);
        return ReviewClock.Next(reviewTime, MeetingClock.Zone(series), calendar, time.GetUtcNow());
    }

    /// <summary>
    /// Posts the next review's agenda in the channel (once per month); with <paramref name="onlyWhenDue"/> (the daily
    /// job) only inside [review − agenda lead, review).
    /// </summary>
    public async Task<MeetingPost> PostAgendaAsync(string tenantId, long teamId, bool onlyWhenDue, CancellationToken cancellationToken)
    {
        if (await NextAsync(tenantId, teamId, cancellationToken).ConfigureAwait(false) is not { } next)
        {
            return await NoneAsync(teamId, cancellationToken).ConfigureAwait(false);
        }

        var (team, series, occurrence) = next;
        if (onlyWhenDue && !ReviewClock.IsDue(occurrence, next.ReviewTime, MeetingClock.Zone(series), series.AgendaLeadMinutes, time.GetUtcNow()))
        {
            return new MeetingPost(MeetingPostOutcome.NotDue, occurrence.Date);
        }

        if (await desk.ChannelAsync(tenantId, team, cancellationToken).ConfigureAwait(false) is not { } channel)
        {
            return new MeetingPost(MeetingPostOutcome.NoChannel, occurrence.Date);
        }

        var key = AgendaKey(team.Id, occurrence.Date);
        if (await outbox.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
        {
            return new MeetingPost(MeetingPostOutcome.AlreadyPosted, occurrence.Date);
        }

        var card = await CardAsync(tenantId, next, cancellationToken).ConfigureAwait(false);
        var result = await outbox.EnqueueForConversationAsync(channel, key, AutomaticMessageKinds.Agendas, card, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return new MeetingPost(result == EnqueueResult.Enqueued ? MeetingPostOutcome.Posted : MeetingPostOutcome.AlreadyPosted, occurrence.Date);
    }

    /// <summary>Posts the next review's reminder in the channel when it is due (once per month), linking to the review agenda when it was sent.</summary>
    public async Task<MeetingPost> PostReminderAsync(string tenantId, long teamId, CancellationToken cancellationToken)
    {
        if (await NextAsync(tenantId, teamId, cancellationToken).ConfigureAwait(false) is not { } next)
        {
            return await NoneAsync(teamId, cancellationToken).ConfigureAwait(false);
        }

        var (team, series, occurrence) = next;
        var now = time.GetUtcNow();
        var zone = MeetingClock.Zone(series);
        if (!ReviewClock.IsDue(occurrence, next.ReviewTime, zone, series.ReminderLeadMinutes, now))
        {
            return new MeetingPost(MeetingPostOutcome.NotDue, occurrence.Date);
        }

        if (await desk.ChannelAsync(tenantId, team, cancellationToken).ConfigureAwait(false) is not { } channel)
        {
            return new MeetingPost(MeetingPostOutcome.NoChannel, occurrence.Date);
        }

        var agendaId = await outbox.SentActivityIdAsync(AgendaKey(team.Id, occurrence.Date), cancellationToken).ConfigureAwait(false);
        var link = agendaId is null ? null : MeetingDesk.DeepLink(tenantId, team, agendaId);
        var locale = await desk.TeamLocaleAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var minutes = (int)Math.Max(0, Math.Round((occurrence.StartsAt - now).TotalMinutes));
        var localStart = TimeZoneInfo.ConvertTime(occurrence.StartsAt, zone);
        var card = MeetingReminderCard.Build(text, locale, team.Name, localStart.ToString("HH:mm", CultureInfo.InvariantCulture), minutes, link, review: true);
        var result = await outbox.EnqueueForConversationAsync(
            channel, ReminderKey(team.Id, occurrence.Date), AutomaticMessageKinds.Reminders, Teams.Activities.Activity.CreateCard(card, card.FallbackText),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return new MeetingPost(result == EnqueueResult.Enqueued ? MeetingPostOutcome.Posted : MeetingPostOutcome.AlreadyPosted, occurrence.Date);
    }

    /// <summary>After an item was added for the review: when its agenda was posted, the posted card is replaced in place. True when an update was enqueued.</summary>
    public async Task<bool> RefreshAgendaAsync(string tenantId, ReviewNext next, long itemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        db.ForTenant(tenantId);
        var key = AgendaKey(next.Team.Id, next.Occurrence.Date);
        if (!await outbox.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var card = await CardAsync(tenantId, next, cancellationToken).ConfigureAwait(false);
        var result = await outbox.EnqueueUpdateAsync(key, UpdateKey(next.Team.Id, next.Occurrence.Date, itemId), card, cancellationToken).ConfigureAwait(false);
        return result == EnqueueResult.Enqueued;
    }

    /// <summary>The review agenda card in the team's language.</summary>
    private async Task<Teams.Activities.Activity> CardAsync(string tenantId, ReviewNext next, CancellationToken cancellationToken)
    {
        var locale = await desk.TeamLocaleAsync(next.Team.Id, cancellationToken).ConfigureAwait(false);
        var view = await reader.ReadAsync(tenantId, next.Team, next.Series, next.Occurrence, AgendaKind.Review, locale, cancellationToken).ConfigureAwait(false);
        return AgendaCard.ToActivity(AgendaCard.Build(text, locale, view));
    }

    private async Task<MeetingPost> NoneAsync(long teamId, CancellationToken cancellationToken)
    {
        if (await desk.LiveTeamAsync(teamId, cancellationToken).ConfigureAwait(false) is null)
        {
            return new MeetingPost(MeetingPostOutcome.NoTeam);
        }

        return new MeetingPost(await store.SeriesAsync(teamId, cancellationToken).ConfigureAwait(false) is null ? MeetingPostOutcome.NoMeeting : MeetingPostOutcome.NoReview);
    }
}

/// <summary>
/// Runs daily at the local time of day a team's review agenda is due: posts it on the day it is due (the agenda lead
/// before the last working day's review), once per month (the outbox key); nothing on the other days.
/// </summary>
internal sealed partial class ReviewAgendaJob(ReviewDesk desk, ILogger<ReviewAgendaJob> logger)
{
    public async Task RunAsync(string tenantId, long salesTeamId, CancellationToken cancellationToken)
    {
        var post = await desk.PostAgendaAsync(tenantId, salesTeamId, onlyWhenDue: true, cancellationToken).ConfigureAwait(false);
        if (post.Outcome != MeetingPostOutcome.NotDue)
        {
            LogRan(logger, salesTeamId, post.Date, post.Outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Monthly review agenda of sales team {TeamId} for {Date}: {Outcome}")]
    private static partial void LogRan(ILogger logger, long teamId, DateOnly date, MeetingPostOutcome outcome);
}

/// <summary>Runs daily at the local time of day a team's review reminder is due: posts it on that day only, once per month.</summary>
internal sealed partial class ReviewReminderJob(ReviewDesk desk, ILogger<ReviewReminderJob> logger)
{
    public async Task RunAsync(string tenantId, long salesTeamId, CancellationToken cancellationToken)
    {
        var post = await desk.PostReminderAsync(tenantId, salesTeamId, cancellationToken).ConfigureAwait(false);
        if (post.Outcome != MeetingPostOutcome.NotDue)
        {
            LogRan(logger, salesTeamId, post.Date, post.Outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Monthly review reminder of sales team {TeamId} for {Date}: {Outcome}")]
    private static partial void LogRan(ILogger logger, long teamId, DateOnly date, MeetingPostOutcome outcome);
}
