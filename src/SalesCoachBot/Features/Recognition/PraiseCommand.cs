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
/// <c>praise @Alice @Bob closed the Acme deal #customer-first</c> · <c>表扬 @张伟 拿下华为 #客户第一</c> (also 点赞, 夸), in a
/// team channel or the 1:1 chat: a recognition card in the team channel that @mentions each person praised (a reply in the
/// thread where it was asked; from the 1:1 chat a new post through the outbox), and a 1:1 note to each of them.
/// <c>praise private @x …</c> · <c>私下表扬 @x …</c> goes to the people praised and their managers in 1:1 only, never to a
/// channel. People are read from the mention entities, never from the text. Every refusal (guest, self, outsider, no one,
/// no reason, unknown value, daily quota) stores and sends nothing but the refusal.
/// </summary>
internal sealed partial class PraiseCommand(
    RecognitionTeams teams, RecognitionStore store, ContactDirectory contacts, Outbox outbox, SalesCoachDbContext db, SalesClock clock, BotText text,
    ILogger<PraiseCommand> logger) : ICommandHandler
{
    public const string Word = "praise";
    public const string ChineseWord = "表扬";

    /// <summary>点赞 (a thumbs-up), as people say it in WeChat and DingTalk.</summary>
    public const string LikeWord = "点赞";

    /// <summary>夸 (to commend).</summary>
    public const string CommendWord = "夸";

    /// <summary>私下表扬: praise sent to the person (and their managers) only.</summary>
    public const string PrivateWord = "私下表扬";

    public static HelpTopic Topic { get; } =
        new(Word, ChineseWord, HelpScopes.Personal | HelpScopes.Channel, RecognitionTextKeys.PraiseHelp, RecognitionTextKeys.PraiseArgs)
        {
            OtherWords = [LikeWord, CommendWord, PrivateWord],
        };

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        if (turn.Scope is not (ConversationTypes.Channel or ConversationTypes.Personal))
        {
            await turn.SendAsync(Plain(TurnGuard.WhereItWorks(text, locale, Topic, turn.CommandWord)), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!turn.TryGetMember(out var tenantId, out var giver))
        {
            await turn.SendTextAsync(TurnGuard.NoMember(text, locale), cancellationToken).ConfigureAwait(false);
            return;
        }

        var words = PraiseParser.Read(arguments);
        var isPrivate = words.IsPrivate || string.Equals(turn.CommandWord, PrivateWord, StringComparison.Ordinal);
        var choice = await teams.ChooseAsync(turn, tenantId, giver.Id, turn.IsPersonal ? words.Before : string.Empty, mustName: false,
            RecognitionTextKeys.PraiseExample, cancellationToken).ConfigureAwait(false);
        if (choice.Team is not { } team)
        {
            await turn.SendAsync(Plain(choice.Refusal!), cancellationToken).ConfigureAwait(false);
            return;
        }

        var checkedPraise = await CheckAsync(turn, giver, team, words, choice.NameUsed, cancellationToken).ConfigureAwait(false);
        if (checkedPraise.Refusal is { } refusal)
        {
            LogRefused(logger, team.Id, giver.Id);
            await turn.SendAsync(Plain(refusal), cancellationToken).ConfigureAwait(false);
            return;
        }

        var praise = checkedPraise.Praise!;
        if (isPrivate)
        {
            await PrivatelyAsync(turn, tenantId, team, praise, cancellationToken).ConfigureAwait(false);
        }
        else if (turn.Scope == ConversationTypes.Channel)
        {
            await InChannelAsync(turn, tenantId, team, praise, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await FromPersonalChatAsync(turn, tenantId, team, praise, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every guard in the order people meet them; a praise ready to send, or the refusal.</summary>
    private async Task<(CheckedPraise? Praise, string? Refusal)> CheckAsync(
        TurnContext turn, KnownMember giver, SalesTeam team, PraiseWords words, bool teamNamed, CancellationToken cancellationToken)
    {
        var locale = turn.Locale;
        var activity = turn.Activity;
        var mentioned = activity.GetMentions()
            .Select(m => m.Mentioned)
            .Where(m => m.Id is { Length: > 0 } && !activity.IsRecipient(m))
            .DistinctBy(m => m.Id, StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (mentioned.Count == 0)
        {
            return (null, text.Get(locale, RecognitionTextKeys.PraiseNoOne));
        }

        if (mentioned.Any(m => string.Equals(m.Id, giver.TeamsUserId, StringComparison.OrdinalIgnoreCase)))
        {
            return (null, text.Get(locale, RecognitionTextKeys.PraiseSelf));
        }

        var people = (await store.PeopleAsync(team.Id, cancellationToken).ConfigureAwait(false))
            .ToDictionary(p => p.TeamsUserId, StringComparer.OrdinalIgnoreCase);
        var outsiders = mentioned.Where(m => !people.ContainsKey(m.Id!)).Select(m => m.Name ?? m.Id!).ToList();
        if (outsiders.Count > 0)
        {
            return (null, text.Get(locale, RecognitionTextKeys.PraiseOutsider, BotText.List(locale, outsiders), team.Name));
        }

        // In the 1:1 chat the words before the first mention named the team, or they belong to the reason.
        var reason = teamNamed || words.Before.Length == 0 ? words.Reason : string.Join(' ', new[] { words.Before, words.Reason }.Where(w => w.Length > 0));
        if (reason.Length == 0)
        {
            return (null, text.Get(locale, RecognitionTextKeys.PraiseEmptyReason));
        }

        var points = RecognitionStore.DefaultPoints;
        string? value = null;
        if (words.Value is { } written)
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
        var zone = clock.TeamZone(team.TimeZone);
        var today = clock.TodayIn(zone).ToDateTime(TimeOnly.MinValue);
        // In UTC: PostgreSQL stores and compares timestamptz only with a zero offset.
        var dayStart = new DateTimeOffset(today, zone.GetUtcOffset(today)).ToUniversalTime();
        if (await store.GivenSinceAsync(team.Id, giver.Id, dayStart, cancellationToken).ConfigureAwait(false) >= quota)
        {
            return (null, text.Get(locale, RecognitionTextKeys.PraiseQuota, quota, team.Name));
        }

        var giverPerson = people.GetValueOrDefault(giver.TeamsUserId);
        var receivers = mentioned.Select(m => people[m.Id!]).ToList();
        var cut = reason.Length <= Praise.MaxReasonLength ? reason : reason[..Praise.MaxReasonLength];
        return (new CheckedPraise(giver.Id, giverPerson?.Name ?? giver.Name ?? giver.TeamsUserId, receivers, cut, value, points, people.Values.ToList()), null);
    }

    private async Task InChannelAsync(TurnContext turn, string tenantId, SalesTeam team, CheckedPraise praise, CancellationToken cancellationToken)
    {
        // Posted first: if Teams refuses it, nothing is stored and no note points to a post that does not exist.
        var card = RecognitionCard.Build(text, turn.Locale, praise.CardView(team.Name));
        var posted = await turn.SendAsync(RecognitionCard.ToActivity(card), cancellationToken).ConfigureAwait(false);
        var channelId = turn.Activity.ChannelData?.Channel?.Id ?? ChannelOf(turn.Activity.Conversation?.Id) ?? team.ChannelId ?? string.Empty;
        var link = posted.Id is { Length: > 0 } postId
            ? MessageLink(tenantId, channelId, team.AadGroupId, ThreadRootOf(turn.Activity.Conversation?.Id) ?? postId, postId)
            : ChannelLink(tenantId, channelId, team);
        await StoreAsync(tenantId, team, praise, isPrivate: false, posted.Id, channelPost: null, link, cancellationToken).ConfigureAwait(false);
    }

    private async Task FromPersonalChatAsync(TurnContext turn, string tenantId, SalesTeam team, CheckedPraise praise, CancellationToken cancellationToken)
    {
        var channelId = team.ChannelId ?? team.TeamsTeamId;
        var conversation = channelId is null ? null : await contacts.ConversationRowIdAsync(tenantId, channelId, cancellationToken).ConfigureAwait(false);
        if (conversation is not { } conversationId)
        {
            await turn.SendAsync(Plain(text.Get(turn.Locale, RecognitionTextKeys.PraiseNoChannel, team.Name)), cancellationToken).ConfigureAwait(false);
            return;
        }

        var card = RecognitionCard.Build(text, turn.Locale, praise.CardView(team.Name));
        await StoreAsync(tenantId, team, praise, isPrivate: false, postId: null, (conversationId, RecognitionCard.ToActivity(card)),
            ChannelLink(tenantId, channelId!, team), cancellationToken).ConfigureAwait(false);
        var names = BotText.List(turn.Locale, praise.Receivers.Select(r => r.Name ?? r.TeamsUserId));
        await turn.SendAsync(Plain(text.Get(turn.Locale, RecognitionTextKeys.PraisePosted, team.Name, names)), cancellationToken).ConfigureAwait(false);
    }

    private async Task PrivatelyAsync(TurnContext turn, string tenantId, SalesTeam team, CheckedPraise praise, CancellationToken cancellationToken)
    {
        await StoreAsync(tenantId, team, praise, isPrivate: true, postId: null, channelPost: null, link: null, cancellationToken).ConfigureAwait(false);
        var names = BotText.List(turn.Locale, praise.Receivers.Select(r => r.Name ?? r.TeamsUserId));
        // Typed in a channel, the answer there says nothing of the praise: not who, not why.
        var answer = turn.IsPersonal
            ? text.Get(turn.Locale, RecognitionTextKeys.PraiseSentPrivately, names)
            : text.Get(turn.Locale, RecognitionTextKeys.PraiseSentPrivatelyHere);
        await turn.SendAsync(Plain(answer), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The praise, the channel post (from the 1:1 chat) and every 1:1 note in one transaction: all of them or none, and
    /// each message once, by an idempotency key that names the praise and the person.
    /// </summary>
    private async Task StoreAsync(
        string tenantId, SalesTeam team, CheckedPraise praise, bool isPrivate, string? postId, (long ConversationId, Activity Card)? channelPost, string? link,
        CancellationToken cancellationToken)
    {
        // PostgreSQL's retrying strategy runs the whole transaction again after a transient failure.
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionLifetime = transaction.ConfigureAwait(false);
            var receiverIds = praise.Receivers.Select(r => r.MemberId).ToList();
            var praiseId = await store.AddPraiseAsync(tenantId,
                new NewPraise(team.Id, praise.GiverId, receiverIds, praise.Reason, praise.Value, praise.Points, isPrivate, postId), cancellationToken).ConfigureAwait(false);
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
            var names = BotText.List(locale, praise.Receivers.Select(r => r.Name ?? r.TeamsUserId));
            var note = text.Get(locale, RecognitionTextKeys.NoteManager, praise.GiverName, names, team.Name, OneLine(praise.Reason), PointsText(locale, praise));
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

    // Refusals and notes quote what people typed (names, reasons): plain, so Teams shows them as typed.
    private static Activity Plain(string message)
    {
        var reply = Activity.CreateMessage(message);
        reply.TextFormat = "plain";
        return reply;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Praise {PraiseId} in sales team {TeamId}: {Receivers} receiver(s), private {IsPrivate}")]
    private static partial void LogPraised(ILogger logger, long praiseId, long teamId, int receivers, bool isPrivate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Praise in sales team {TeamId} by member {MemberId} refused")]
    private static partial void LogRefused(ILogger logger, long teamId, long memberId);

    /// <summary>A praise that passed every guard.</summary>
    private sealed record CheckedPraise(
        long GiverId, string GiverName, IReadOnlyList<TeamPerson> Receivers, string Reason, string? Value, int Points, IReadOnlyList<TeamPerson> Team)
    {
        public RecognitionCardView CardView(string teamName) =>
            new(GiverName, [.. Receivers.Select(r => new PraisedPerson(r.TeamsUserId, r.Name ?? r.TeamsUserId))], Reason, Value, Points, teamName);
    }
}
