using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Messaging;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Recognition;

/// <summary>
/// A person a praise is for, as the giver named them: by a mention entity (<paramref name="TeamsUserId"/>) in a typed
/// praise, by member id in the form. <paramref name="Shown"/> names them in a refusal.
/// </summary>
internal sealed record PraiseTarget(string? TeamsUserId, long? MemberId, string Shown);

/// <summary>What a giver asked for: the people, the reason (empty: none) and the company value written (null: none).</summary>
internal sealed record PraiseRequest(IReadOnlyList<PraiseTarget> People, string Reason, string? Value);

/// <summary>A praise that passed every guard.</summary>
internal sealed record CheckedPraise(
    long GiverId, string GiverName, IReadOnlyList<TeamPerson> Receivers, string Reason, string? Value, int Points, IReadOnlyList<TeamPerson> Team)
{
    public RecognitionCardView CardView(string teamName) =>
        new(GiverName, [.. Receivers.Select(r => new PraisedPerson(r.TeamsUserId, r.Name ?? r.TeamsUserId))], Reason, Value, Points, teamName);
}

/// <summary>
/// Giving praise, whoever asks for it: the typed <c>praise</c> command and the praise form run the same guards (self,
/// outsider, empty reason, unknown value, daily quota; the guest and team checks come from <see cref="RecognitionTeams"/>)
/// and the same delivery (the channel card with mentions, the 1:1 notes, private praise to the people praised and their
/// managers only), so the two can never drift apart.
/// </summary>
internal sealed partial class PraiseDesk(
    RecognitionStore store, ContactDirectory contacts, Outbox outbox, SalesCoachDbContext db, SalesClock clock, BotText text, ILogger<PraiseDesk> logger)
{
    /// <summary>Every guard in the order people meet them; a praise ready to send, or the refusal.</summary>
    public async Task<(CheckedPraise? Praise, string? Refusal)> CheckAsync(
        string? locale, KnownMember giver, SalesTeam team, PraiseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(giver);
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(request);
        if (request.People.Count == 0)
        {
            return (null, text.Get(locale, RecognitionTextKeys.PraiseNoOne));
        }

        if (request.People.Any(p => p.MemberId == giver.Id || string.Equals(p.TeamsUserId, giver.TeamsUserId, StringComparison.OrdinalIgnoreCase)))
        {
            return (null, text.Get(locale, RecognitionTextKeys.PraiseSelf));
        }

        var members = await store.PeopleAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var byTeamsId = members.ToDictionary(p => p.TeamsUserId, StringComparer.OrdinalIgnoreCase);
        var byMemberId = members.ToDictionary(p => p.MemberId);
        TeamPerson? Find(PraiseTarget target) =>
            target.MemberId is { } id ? byMemberId.GetValueOrDefault(id)
            : target.TeamsUserId is { } teamsId ? byTeamsId.GetValueOrDefault(teamsId)
            : null;
        var outsiders = request.People.Where(p => Find(p) is null).Select(p => p.Shown).ToList();
        if (outsiders.Count > 0)
        {
            return (null, text.Get(locale, RecognitionTextKeys.PraiseOutsider, BotText.List(locale, outsiders), team.Name));
        }

        var reason = request.Reason.Trim();
        if (reason.Length == 0)
        {
            return (null, text.Get(locale, RecognitionTextKeys.PraiseEmptyReason));
        }

        var points = RecognitionStore.DefaultPoints;
        string? value = null;
        if (request.Value is { } written)
        {
            var values = await store.ValuesAsync(team.Id, cancellationToken).ConfigureAwait(false);
            var found = values.FirstOrDefault(v => string.Equals(v.Name, written, StringComparison.OrdinalIgnoreCase));
            if (found is null)
            {
                var quoted = BotText.Quote("#" + written);
                return (null, values.Count == 0
                    ? text.Get(locale, RecognitionTextKeys.PraiseNoValues, quoted, team.Name)
                    : text.Get(locale, RecognitionTextKeys.PraiseUnknownValue, quoted, team.Name, ValuesCommand.List(text, locale, values)));
            }

            value = found.Name;
            points = found.Points;
        }

        var quota = await store.DailyQuotaAsync(team.Id, cancellationToken).ConfigureAwait(false);
        if (await store.GivenSinceAsync(team.Id, giver.Id, DayStart(team), cancellationToken).ConfigureAwait(false) >= quota)
        {
            return (null, text.Get(locale, RecognitionTextKeys.PraiseQuota, quota, team.Name));
        }

        var giverPerson = byTeamsId.GetValueOrDefault(giver.TeamsUserId);
        var receivers = request.People.Select(p => Find(p)!).DistinctBy(p => p.MemberId).ToList();
        var cut = reason.Length <= Praise.MaxReasonLength ? reason : reason[..Praise.MaxReasonLength];
        return (new CheckedPraise(giver.Id, giverPerson?.Name ?? giver.Name ?? giver.TeamsUserId, receivers, cut, value, points, members), null);
    }

    /// <summary>Posts the card in the turn's channel (a reply in its thread), then stores the praise and the notes.</summary>
    public async Task InChannelAsync(TurnContext turn, string tenantId, SalesTeam team, CheckedPraise praise, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(praise);
        // Posted first: if Teams refuses it, nothing is stored and no note points to a post that does not exist.
        var card = RecognitionCard.Build(text, turn.Locale, praise.CardView(team.Name));
        var posted = await turn.SendAsync(RecognitionCard.ToActivity(card), cancellationToken).ConfigureAwait(false);
        var channelId = turn.Activity.ChannelData?.Channel?.Id ?? ChannelOf(turn.Activity.Conversation?.Id) ?? team.ChannelId ?? string.Empty;
        var link = posted.Id is { Length: > 0 } postId
            ? MessageLink(tenantId, channelId, team.AadGroupId, ThreadRootOf(turn.Activity.Conversation?.Id) ?? postId, postId)
            : ChannelLink(tenantId, channelId, team);
        await StoreAsync(tenantId, team, praise, isPrivate: false, posted.Id, channelPost: null, link, entryId: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// From the 1:1 chat: the card goes to the team channel through the outbox, with the praise, in one transaction.
    /// The answer for the giver (Posted false: nothing stored); <paramref name="entryId"/> (the form's) makes a second send store nothing.
    /// </summary>
    public async Task<(bool Posted, string Answer)> ToChannelAsync(
        string? locale, string tenantId, SalesTeam team, CheckedPraise praise, string? entryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(praise);
        var channelId = team.ChannelId ?? team.TeamsTeamId;
        var conversation = channelId is null ? null : await contacts.ConversationRowIdAsync(tenantId, channelId, cancellationToken).ConfigureAwait(false);
        if (conversation is not { } conversationId)
        {
            return (false, text.Get(locale, RecognitionTextKeys.PraiseNoChannel, team.Name));
        }

        var card = RecognitionCard.Build(text, locale, praise.CardView(team.Name));
        await StoreAsync(tenantId, team, praise, isPrivate: false, postId: null, (conversationId, RecognitionCard.ToActivity(card)),
            ChannelLink(tenantId, channelId!, team), entryId, cancellationToken).ConfigureAwait(false);
        return (true, text.Get(locale, RecognitionTextKeys.PraisePosted, team.Name, Names(locale, praise)));
    }

    /// <summary>Private praise: to the people praised and their managers in 1:1 only. The answer for the giver (in a channel, it names nobody).</summary>
    public async Task<string> PrivatelyAsync(
        string? locale, bool inPersonalChat, string tenantId, SalesTeam team, CheckedPraise praise, string? entryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(praise);
        await StoreAsync(tenantId, team, praise, isPrivate: true, postId: null, channelPost: null, link: null, entryId, cancellationToken).ConfigureAwait(false);
        // Typed in a channel, the answer there says nothing of the praise: not who, not why.
        return inPersonalChat
            ? text.Get(locale, RecognitionTextKeys.PraiseSentPrivately, Names(locale, praise))
            : text.Get(locale, RecognitionTextKeys.PraiseSentPrivatelyHere);
    }

    /// <summary>The start of the team's day, in UTC.</summary>
    private DateTimeOffset DayStart(SalesTeam team)
    {
        var zone = clock.TeamZone(team.TimeZone);
        return SalesClock.StartOfDay(clock.TodayIn(zone), zone);
    }

    private static string Names(string? locale, CheckedPraise praise) => BotText.List(locale, praise.Receivers.Select(r => r.Name ?? r.TeamsUserId));

    /// <summary>
    /// The praise, the channel post (from the 1:1 chat) and every 1:1 note in one transaction: all of them or none, and
    /// each message once, by an idempotency key that names the praise and the person. A form's entry id already stored
    /// stores nothing more.
    /// </summary>
    private async Task StoreAsync(
        string tenantId, SalesTeam team, CheckedPraise praise, bool isPrivate, string? postId, (long ConversationId, Activity Card)? channelPost, string? link,
        string? entryId, CancellationToken cancellationToken)
    {
        // PostgreSQL's retrying strategy runs the whole transaction again after a transient failure.
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionLifetime = transaction.ConfigureAwait(false);
            if (entryId is not null && await store.FormPraiseAsync(entryId, cancellationToken).ConfigureAwait(false) is not null)
            {
                return;
            }

            var receiverIds = praise.Receivers.Select(r => r.MemberId).ToList();
            var praiseId = await store.AddPraiseAsync(tenantId,
                new NewPraise(team.Id, praise.GiverId, receiverIds, praise.Reason, praise.Value, praise.Points, isPrivate, postId), cancellationToken).ConfigureAwait(false);
            if (entryId is not null && !await store.TryAddFormEntryAsync(tenantId, entryId, praiseId, cancellationToken).ConfigureAwait(false))
            {
                // The same form sent twice at once: the other request stored it; this one rolls back.
                db.ChangeTracker.Clear();
                return;
            }

            if (channelPost is { } post)
            {
                await outbox.EnqueueForConversationAsync(post.ConversationId, Key(praiseId, "channel"), AutomaticMessageKinds.Recognition, post.Card,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            foreach (var receiver in praise.Receivers.OrderBy(r => r.MemberId))
            {
                var note = isPrivate
                    ? text.Get(receiver.Locale, RecognitionTextKeys.NotePrivate, praise.GiverName, team.Name, OneLine(praise.Reason), PointsText(receiver.Locale, praise))
                    : text.Get(receiver.Locale, RecognitionTextKeys.Note, praise.GiverName, team.Name, OneLine(praise.Reason), PointsText(receiver.Locale, praise), link);
                await outbox.EnqueueForMemberAsync(receiver.MemberId, Key(praiseId, "to", receiver.MemberId), AutomaticMessageKinds.Recognition, Plain(note),
                    automatic: false, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            if (isPrivate)
            {
                await TellManagersAsync(team, praise, praiseId, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            LogPraised(logger, praiseId, team.Id, praise.Receivers.Count, isPrivate);
        }).ConfigureAwait(false);
    }

    // Private praise also reaches the managers of the people praised: their line managers and the team's managers, each once.
    private async Task TellManagersAsync(SalesTeam team, CheckedPraise praise, long praiseId, CancellationToken cancellationToken)
    {
        var receiverIds = praise.Receivers.Select(r => r.MemberId).ToHashSet();
        var managerIds = praise.Receivers.Select(r => r.LineManagerId).OfType<long>()
            .Concat(praise.Team.Where(p => p.Role == TeamRole.Manager).Select(p => p.MemberId))
            .Where(id => id != praise.GiverId && !receiverIds.Contains(id))
            .Distinct()
            .Order()
            .ToList();
        if (managerIds.Count == 0)
        {
            return;
        }

        var managers = await store.MembersAsync(managerIds, cancellationToken).ConfigureAwait(false);
        foreach (var managerId in managerIds.Where(managers.ContainsKey))
        {
            var locale = managers[managerId].Locale;
            var note = text.Get(locale, RecognitionTextKeys.NoteManager, praise.GiverName, Names(locale, praise), team.Name, OneLine(praise.Reason), PointsText(locale, praise));
            await outbox.EnqueueForMemberAsync(managerId, Key(praiseId, "manager", managerId), AutomaticMessageKinds.Recognition, Plain(note),
                automatic: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private string PointsText(string? locale, CheckedPraise praise) =>
        praise.Value is { } value
            ? text.Get(locale, RecognitionTextKeys.NoteValuePoints, value, praise.Points)
            : text.Get(locale, RecognitionTextKeys.NotePoints, praise.Points);

    private static string Key(long praiseId, string what, long? memberId = null) =>
        memberId is { } id
            ? string.Create(CultureInfo.InvariantCulture, $"praise:{praiseId}:{what}:{id}")
            : string.Create(CultureInfo.InvariantCulture, $"praise:{praiseId}:{what}");

    private static string OneLine(string reason) => string.Join(' ', reason.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A link that opens the post (in its thread) in Teams.</summary>
    internal static string MessageLink(string tenantId, string channelId, string? groupId, string parentMessageId, string postId) =>
        $"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(channelId)}/{Uri.EscapeDataString(postId)}?tenantId={Uri.EscapeDataString(tenantId)}"
        + (groupId is { Length: > 0 } ? $"&groupId={Uri.EscapeDataString(groupId)}" : string.Empty)
        + $"&parentMessageId={Uri.EscapeDataString(parentMessageId)}";

    /// <summary>A link that opens the team's channel in Teams (the post's id is not known until the outbox sends it).</summary>
    internal static string ChannelLink(string tenantId, string channelId, SalesTeam team) =>
        $"https://teams.microsoft.com/l/channel/{Uri.EscapeDataString(channelId)}/{Uri.EscapeDataString(team.Name)}?tenantId={Uri.EscapeDataString(tenantId)}"
        + (team.AadGroupId is { Length: > 0 } group ? $"&groupId={Uri.EscapeDataString(group)}" : string.Empty);

    private static string? ChannelOf(string? conversationId) =>
        conversationId?.Split(";messageid=", 2, StringSplitOptions.None)[0] is { Length: > 0 } channel ? channel : null;

    private static string? ThreadRootOf(string? conversationId) =>
        conversationId?.Split(";messageid=", 2, StringSplitOptions.None) is [_, { Length: > 0 } root] ? root : null;

    // Notes quote what people typed (names, reasons): plain, so Teams shows them as typed.
    internal static Activity Plain(string message)
    {
        var reply = Activity.CreateMessage(message);
        reply.TextFormat = "plain";
        return reply;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Praise {PraiseId} in sales team {TeamId}: {Receivers} receiver(s), private {IsPrivate}")]
    private static partial void LogPraised(ILogger logger, long praiseId, long teamId, int receivers, bool isPrivate);
}
