using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Messaging;

namespace SalesCoachBot.Features.Meetings;

/// <summary>What became of posting an agenda or a reminder.</summary>
internal enum MeetingPostOutcome
{
    /// <summary>Enqueued for the channel now.</summary>
    Posted,
    /// <summary>This occurrence's agenda (or reminder) was enqueued before: nothing new.</summary>
    AlreadyPosted,
    /// <summary>The team has no weekly meeting.</summary>
    NoMeeting,
    /// <summary>The next occurrence is skipped: nothing posted.</summary>
    Skipped,
    /// <summary>The bot knows no channel of the team yet (nobody mentioned it there).</summary>
    NoChannel,
    /// <summary>No live sales team of the tenant.</summary>
    NoTeam,
    /// <summary>The monthly review: the team has none (the weekly meeting may go on).</summary>
    NoReview,
    /// <summary>The monthly review: its agenda (or reminder) is not due yet (a daily job on another day).</summary>
    NotDue,
}

/// <summary>The outcome and the occurrence it was for (default when there is none).</summary>
internal sealed record MeetingPost(MeetingPostOutcome Outcome, DateOnly Date = default);

/// <summary>
/// Posts a team's agenda and reminder in its channel through the outbox, and updates a posted agenda in place. The
/// occurrence is always the next meeting after now, so the recurring jobs, the admin trigger and the dashboard's
/// "Trigger now" post the same thing, and the keys (<c>agenda:{teamId}:{date}</c>, <c>meeting-reminder:{teamId}:{date}</c>)
/// make any second run a no-op. The channel's language is the one most of the team's members use.
/// </summary>
internal sealed class MeetingDesk(
    SalesCoachDbContext db, MeetingStore store, AgendaReader reader, Outbox outbox, ContactDirectory contacts, BotText text, TimeProvider time)
{
    public static string AgendaKey(long teamId, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"agenda:{teamId}:{date:yyyy-MM-dd}");

    public static string ReminderKey(long teamId, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"meeting-reminder:{teamId}:{date:yyyy-MM-dd}");

    public static string AgendaUpdateKey(long teamId, DateOnly date, long itemId) =>
        string.Create(CultureInfo.InvariantCulture, $"agenda-update:{teamId}:{date:yyyy-MM-dd}:{itemId}");

    /// <summary>Posts the agenda of the team's next meeting in its channel (once per occurrence).</summary>
    public async Task<MeetingPost> PostAgendaAsync(string tenantId, long teamId, CancellationToken cancellationToken)
    {
        db.ForTenant(tenantId);
        if (await NextAsync(teamId, cancellationToken).ConfigureAwait(false) is not { } next)
        {
            return new MeetingPost(await LiveTeamAsync(teamId, cancellationToken).ConfigureAwait(false) is null ? MeetingPostOutcome.NoTeam : MeetingPostOutcome.NoMeeting);
        }

        var (team, series, occurrence) = next;
        if (MeetingClock.Skipped(series).Contains(occurrence.Date))
        {
            return new MeetingPost(MeetingPostOutcome.Skipped, occurrence.Date);
        }

        if (await ChannelAsync(tenantId, team, cancellationToken).ConfigureAwait(false) is not { } channel)
        {
            return new MeetingPost(MeetingPostOutcome.NoChannel, occurrence.Date);
        }

        var key = AgendaKey(team.Id, occurrence.Date);
        if (await outbox.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
        {
            return new MeetingPost(MeetingPostOutcome.AlreadyPosted, occurrence.Date);
        }

        var locale = await TeamLocaleAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var view = await reader.ReadAsync(tenantId, team, series, occurrence, locale, cancellationToken).ConfigureAwait(false);
        var result = await outbox.EnqueueForConversationAsync(
            channel, key, AutomaticMessageKinds.Agendas, AgendaCard.ToActivity(AgendaCard.Build(text, locale, view)), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return new MeetingPost(result == EnqueueResult.Enqueued ? MeetingPostOutcome.Posted : MeetingPostOutcome.AlreadyPosted, occurrence.Date);
    }

    /// <summary>Posts the reminder of the team's next meeting in its channel, linking to the agenda post when it was sent.</summary>
    public async Task<MeetingPost> PostReminderAsync(string tenantId, long teamId, CancellationToken cancellationToken)
    {
        db.ForTenant(tenantId);
        if (await NextAsync(teamId, cancellationToken).ConfigureAwait(false) is not { } next)
        {
            return new MeetingPost(MeetingPostOutcome.NoMeeting);
        }

        var (team, series, occurrence) = next;
        if (MeetingClock.Skipped(series).Contains(occurrence.Date))
        {
            return new MeetingPost(MeetingPostOutcome.Skipped, occurrence.Date);
        }

        if (await ChannelAsync(tenantId, team, cancellationToken).ConfigureAwait(false) is not { } channel)
        {
            return new MeetingPost(MeetingPostOutcome.NoChannel, occurrence.Date);
        }

        var agendaId = await outbox.SentActivityIdAsync(AgendaKey(team.Id, occurrence.Date), cancellationToken).ConfigureAwait(false);
        var link = agendaId is null ? null : DeepLink(tenantId, team, agendaId);
        var locale = await TeamLocaleAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var minutes = (int)Math.Max(0, Math.Round((occurrence.StartsAt - time.GetUtcNow()).TotalMinutes));
        var localStart = TimeZoneInfo.ConvertTime(occurrence.StartsAt, MeetingClock.Zone(series));
        var card = MeetingReminderCard.Build(text, locale, team.Name, localStart.ToString("HH:mm", CultureInfo.InvariantCulture), minutes, link);
        var result = await outbox.EnqueueForConversationAsync(
            channel, ReminderKey(team.Id, occurrence.Date), AutomaticMessageKinds.Reminders, Teams.Activities.Activity.CreateCard(card, card.FallbackText),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return new MeetingPost(result == EnqueueResult.Enqueued ? MeetingPostOutcome.Posted : MeetingPostOutcome.AlreadyPosted, occurrence.Date);
    }

    /// <summary>
    /// After an item was added: when the occurrence's agenda was posted (or is about to be), the posted card is replaced
    /// in place with the new one (an outbox update, keyed by the item). True when an update was enqueued.
    /// </summary>
    public async Task<bool> RefreshAgendaAsync(string tenantId, SalesTeam team, MeetingSeries series, MeetingOccurrence occurrence, long itemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        db.ForTenant(tenantId);
        var key = AgendaKey(team.Id, occurrence.Date);
        if (!await outbox.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var locale = await TeamLocaleAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var view = await reader.ReadAsync(tenantId, team, series, occurrence, locale, cancellationToken).ConfigureAwait(false);
        var result = await outbox.EnqueueUpdateAsync(key, AgendaUpdateKey(team.Id, occurrence.Date, itemId), AgendaCard.ToActivity(AgendaCard.Build(text, locale, view)), cancellationToken)
            .ConfigureAwait(false);
        return result == EnqueueResult.Enqueued;
    }

    // Action items (issue 12, point 5): a create or a close changes the agenda's action section; the update key names the
    // item and its new state, so each change updates the posted card once.
    public static string AgendaActionUpdateKey(long teamId, DateOnly date, long actionId, string state) =>
        string.Create(CultureInfo.InvariantCulture, $"agenda-update:{teamId}:{date:yyyy-MM-dd}:action-{actionId}-{state}");

    /// <summary>As <see cref="RefreshAgendaAsync"/>, after an action item was created or closed. True when an update was enqueued.</summary>
    public async Task<bool> RefreshAgendaForActionAsync(
        string tenantId, SalesTeam team, MeetingSeries series, MeetingOccurrence occurrence, long actionId, string state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        db.ForTenant(tenantId);
        var key = AgendaKey(team.Id, occurrence.Date);
        if (!await outbox.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var locale = await TeamLocaleAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var view = await reader.ReadAsync(tenantId, team, series, occurrence, locale, cancellationToken).ConfigureAwait(false);
        var result = await outbox.EnqueueUpdateAsync(
            key, AgendaActionUpdateKey(team.Id, occurrence.Date, actionId, state), AgendaCard.ToActivity(AgendaCard.Build(text, locale, view)), cancellationToken)
            .ConfigureAwait(false);
        return result == EnqueueResult.Enqueued;
    }

    /// <summary>The team's next meeting after now (skipped or not), or null when the team has none.</summary>
    public async Task<(SalesTeam Team, MeetingSeries Series, MeetingOccurrence Occurrence)?> NextAsync(long teamId, CancellationToken cancellationToken)
    {
        var team = await LiveTeamAsync(teamId, cancellationToken).ConfigureAwait(false);
        var series = team is null ? null : await store.SeriesAsync(teamId, cancellationToken).ConfigureAwait(false);
        return team is null || series is null ? null : (team, series, MeetingClock.Next(series, time.GetUtcNow()));
    }

    /// <summary>The language most of the team's members use (English when they are as many).</summary>
    public async Task<string> TeamLocaleAsync(long teamId, CancellationToken cancellationToken)
    {
        var locales = await db.TeamMemberships.AsNoTracking()
            .Where(m => m.SalesTeamId == teamId && m.LeftAt == null)
            .Select(m => m.Member!.PreferredLocale ?? m.Member.Locale)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return BotText.MostUsed(locales);
    }

    /// <summary>
    /// The Teams deep link to a channel post: /l/message/{channel}/{message id}, with the tenant and, when known, the
    /// team's group (Teams opens the post in its thread).
    /// </summary>
    internal static Uri DeepLink(string tenantId, SalesTeam team, string activityId)
    {
        var channel = team.ChannelId ?? team.TeamsTeamId ?? string.Empty;
        var query = $"?tenantId={Uri.EscapeDataString(tenantId)}&parentMessageId={Uri.EscapeDataString(activityId)}";
        if (team.AadGroupId is { Length: > 0 } group)
        {
            query += $"&groupId={Uri.EscapeDataString(group)}";
        }

        return new Uri($"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(channel)}/{Uri.EscapeDataString(activityId)}{query}");
    }

    internal Task<SalesTeam?> LiveTeamAsync(long teamId, CancellationToken cancellationToken) =>
        db.SalesTeams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId && t.ArchivedAt == null, cancellationToken);

    internal async Task<long?> ChannelAsync(string tenantId, SalesTeam team, CancellationToken cancellationToken) =>
        (team.ChannelId ?? team.TeamsTeamId) is { } channelId
            ? await contacts.ConversationRowIdAsync(tenantId, channelId, cancellationToken).ConfigureAwait(false)
            : null;
}
