using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Meetings;

/// <summary>
/// <c>agenda [team]</c> · <c>议程</c>: the agenda of the team's next meeting as it stands, in the team channel or the 1:1
/// chat; <c>agenda add [team] &lt;text&gt;</c> · <c>议程 添加 …</c>: any member of the team adds an item for the next
/// meeting (skipped weeks passed over); when that agenda was posted already, the posted card is updated in place.
/// In the 1:1 chat a member of several teams names the team first. When the team's monthly review comes before its
/// next weekly meeting, <c>agenda</c> shows the review's agenda and <c>agenda add</c> adds to it.
/// </summary>
internal sealed class AgendaCommand(
    MeetingTeams teams, MeetingStore store, MeetingDesk desk, AgendaReader reader, BotText text, ReviewDesk reviews) : ICommandHandler
{
    public const string Word = "agenda";
    public const string ChineseWord = "议程";

    private static readonly string[] AddWords = ["add", "添加", "增加", "加"];

    public static HelpTopic Topic { get; } =
        new(Word, ChineseWord, HelpScopes.Personal | HelpScopes.Channel, MeetingsTextKeys.AgendaHelp, MeetingsTextKeys.AgendaArgs);

    /// <summary>Reads the words after the command: whether it adds, and the rest (team name and/or the item). Never throws.</summary>
    public static (bool Add, string Words) Read(string? arguments)
    {
        var words = TypedText.Normalize(arguments).Trim();
        foreach (var add in AddWords)
        {
            var latin = add.All(char.IsAsciiLetter);
            if (words.StartsWith(add, StringComparison.OrdinalIgnoreCase)
                && (!latin || words.Length == add.Length || char.IsWhiteSpace(words[add.Length])))
            {
                return (true, words[add.Length..].Trim());
            }
        }

        // "agenda East Sales add …": the team first, then the word.
        var at = words.IndexOf(" add ", StringComparison.OrdinalIgnoreCase);
        if (at > 0)
        {
            return (true, words[..at].Trim() + " " + words[(at + 5)..].Trim());
        }

        return (false, words);
    }

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        if (turn.Scope is not (ConversationTypes.Channel or ConversationTypes.Personal))
        {
            await turn.SendAsync(MeetingCommand.Plain(TurnGuard.WhereItWorks(text, locale, Topic, turn.CommandWord)), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!turn.TryGetMember(out var tenantId, out var caller))
        {
            await turn.SendTextAsync(TurnGuard.NoMember(text, locale), cancellationToken).ConfigureAwait(false);
            return;
        }

        var (add, rest) = Read(arguments);
        var choice = await teams.ChooseAsync(turn, tenantId, caller.Id, rest, cancellationToken).ConfigureAwait(false);
        if (choice.Team is not { } team)
        {
            await turn.SendAsync(MeetingCommand.Plain(choice.Refusal!), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await desk.NextAsync(team.Id, cancellationToken).ConfigureAwait(false) is not { } next)
        {
            await turn.SendAsync(MeetingCommand.Plain(text.Get(locale, MeetingsTextKeys.NoMeeting, team.Name)), cancellationToken).ConfigureAwait(false);
            return;
        }

        var occurrence = NotSkipped(next.Series, next.Occurrence);

        // The monthly review when it comes before the next weekly meeting: its agenda is the one shown and added to.
        var review = await reviews.NextAsync(tenantId, team.Id, cancellationToken).ConfigureAwait(false);
        var isReview = review is not null && review.Occurrence.StartsAt < occurrence.StartsAt;
        occurrence = isReview ? review!.Occurrence : occurrence;
        if (!add)
        {
            var view = await reader.ReadAsync(tenantId, team, next.Series, occurrence, isReview ? AgendaKind.Review : AgendaKind.Weekly, locale, cancellationToken)
                .ConfigureAwait(false);
            await turn.SendAsync(AgendaCard.ToActivity(AgendaCard.Build(text, locale, view)), cancellationToken).ConfigureAwait(false);
            return;
        }

        var item = choice.Rest.Trim();
        if (item.Length == 0)
        {
            await turn.SendAsync(MeetingCommand.Plain(text.Get(locale, MeetingsTextKeys.AddWhat)), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (item.Length > MeetingAgendaItem.MaxTextLength)
        {
            await turn.SendAsync(MeetingCommand.Plain(text.Get(locale, MeetingsTextKeys.AddTooLong, MeetingAgendaItem.MaxTextLength)), cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        var stored = await store.AddItemAsync(tenantId, team.Id, occurrence.Date, item, caller.Id, cancellationToken).ConfigureAwait(false);
        var updated = isReview
            ? await reviews.RefreshAgendaAsync(tenantId, review!, stored.Id, cancellationToken).ConfigureAwait(false)
            : await desk.RefreshAgendaAsync(tenantId, team, next.Series, occurrence, stored.Id, cancellationToken).ConfigureAwait(false);
        var answer = text.Get(locale, isReview ? MeetingsTextKeys.AddedReview : MeetingsTextKeys.Added, team.Name, SalesFormat.Date(locale, occurrence.Date), BotText.Quote(item));
        if (updated)
        {
            answer += " " + text.Get(locale, MeetingsTextKeys.AddedUpdated);
        }

        await turn.SendAsync(MeetingCommand.Plain(answer), cancellationToken).ConfigureAwait(false);
    }

    private static MeetingOccurrence NotSkipped(MeetingSeries series, MeetingOccurrence occurrence)
    {
        var skipped = MeetingClock.Skipped(series);
        for (var i = 0; i < 52 && skipped.Contains(occurrence.Date); i++)
        {
            occurrence = MeetingClock.Next(series, occurrence.StartsAt);
        }

        return occurrence;
    }
}
