using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Meetings;

/// <summary>
/// <c>action [team] @owner &lt;text&gt; [due date]</c> · <c>行动项 @某人 &lt;内容&gt; [截止日期]</c>: records an action item of
/// the team's weekly meeting; <c>actions [team]</c> · <c>行动项</c> alone lists the open ones. In the team channel or the
/// 1:1 chat (a member of several teams names the team first; listing without a name shows each of their teams). Any
/// member of the team may record an item, for themself or for another member — a team lets anyone write down what the
/// meeting agreed; closing it is narrower (<see cref="DoneCommand"/>). The owner is found by mention, e-mail or name
/// among the team's members. A due date that is past or unreadable saves nothing.
/// </summary>
internal sealed class ActionCommand(
    MeetingTeams teams, ActionItemDesk desk, ActionItemStore store, PersonFinder finder, SalesCoachDbContext db, TeamAccess access, BotText text) : ICommandHandler
{
    public const string Word = "action";
    public const string ListWord = "actions";
    public const string ChineseWord = "行动项";

    public static HelpTopic Topic { get; } =
        new(Word, ChineseWord, HelpScopes.Personal | HelpScopes.Channel, MeetingsTextKeys.ActionHelp, MeetingsTextKeys.ActionArgs);

    public static HelpTopic ListTopic { get; } =
        new(ListWord, ChineseWord, HelpScopes.Personal | HelpScopes.Channel, MeetingsTextKeys.ActionsHelp, MeetingsTextKeys.ActionsArgs);

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        var topic = string.Equals(turn.CommandWord, ListWord, StringComparison.OrdinalIgnoreCase) ? ListTopic : Topic;
        if (turn.Scope is not (ConversationTypes.Channel or ConversationTypes.Personal))
        {
            await turn.SendAsync(MeetingCommand.Plain(TurnGuard.WhereItWorks(text, locale, topic, turn.CommandWord)), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!turn.TryGetMember(out var tenantId, out var caller))
        {
            await turn.SendTextAsync(TurnGuard.NoMember(text, locale), cancellationToken).ConfigureAwait(false);
            return;
        }

        var words = TypedText.Normalize(arguments).Trim();
        if (words.Length == 0 && turn.IsPersonal && !await access.IsGuestAsync(tenantId, caller.Id, cancellationToken).ConfigureAwait(false)
            && await MemberTeamsAsync(tenantId, caller.Id, cancellationToken).ConfigureAwait(false) is { Count: > 1 } several)
        {
            await ListAsync(turn, several, cancellationToken).ConfigureAwait(false);
            return;
        }

        var choice = await teams.ChooseAsync(turn, tenantId, caller.Id, words, cancellationToken).ConfigureAwait(false);
        if (choice.Team is not { } team)
        {
            await turn.SendAsync(MeetingCommand.Plain(choice.Refusal!), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (choice.Rest.Trim().Length == 0)
        {
            await ListAsync(turn, [team], cancellationToken).ConfigureAwait(false);
            return;
        }

        var answer = await CreateAsync(turn, tenantId, caller, team, choice.Rest, cancellationToken).ConfigureAwait(false);
        await turn.SendAsync(MeetingCommand.Plain(answer), cancellationToken).ConfigureAwait(false);
    }

    private async Task ListAsync(TurnContext turn, IReadOnlyList<SalesTeam> shown, CancellationToken cancellationToken)
    {
        var sections = new List<ActionListSection>();
        foreach (var team in shown)
        {
            sections.Add(new ActionListSection(team.Name, await store.OpenAsync(team.Id, cancellationToken).ConfigureAwait(false)));
        }

        var card = ActionListCard.Build(text, turn.Locale, sections, desk.TodayOf(shown[0]));
        await turn.SendAsync(Activity.CreateCard(card, card.FallbackText), cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> CreateAsync(TurnContext turn, string tenantId, KnownMember caller, SalesTeam team, string rest, CancellationToken cancellationToken)
    {
        var locale = turn.Locale;
        var (mention, words) = ActionItemParser.ReadOwner(rest);
        var people = await desk.PeopleAsync(tenantId, team.Id, locale, cancellationToken).ConfigureAwait(false);
        var named = people.Select(p => new NamedPerson(p.MemberId, p.Name, p.Email, p.TeamsUserId)).ToList();
        var (who, typed) = mention is not null
            ? (mention, string.Join(' ', words))
            // A typed name may have spaces: the longest start that is exactly someone's name or e-mail, else the first word.
            : ActionItemParser.Split(words).Cast<(string Who, string Text)?>().FirstOrDefault(s => PersonFinder.IsExactly(named, s!.Value.Who))
                ?? ActionItemParser.Split(words).Last();
        var found = await finder.FindAsync(turn.Activity, named, who, cancellationToken).ConfigureAwait(false);
        if (mention is null && found.Matches.Count == 0 && found.ElsewhereName is null)
        {
            // Nobody of the team: the longest start that is someone else in the tenant says "not in the team" rather than "unknown".
            foreach (var (longer, after) in ActionItemParser.Split(words))
            {
                var elsewhere = await finder.FindAsync(turn.Activity, named, longer, cancellationToken).ConfigureAwait(false);
                if (elsewhere.ElsewhereName is not null)
                {
                    (found, typed) = (elsewhere, after);
                    break;
                }
            }
        }

        if (found.Matches.Count != 1)
        {
            return found.Matches.Count switch
            {
                0 when found.ElsewhereName is { } other => text.Get(locale, MeetingsTextKeys.ActionOwnerNotInTeam, other, team.Name),
                0 => text.Get(locale, MeetingsTextKeys.ActionUnknownOwner, BotText.Quote(found.Shown), team.Name),
                _ => text.Get(locale, MeetingsTextKeys.ActionAmbiguous, BotText.Quote(found.Shown),
                    BotText.List(locale, found.Matches.Select(m => m.Email is null ? m.Name ?? string.Empty : $"{m.Name} ({m.Email})"))),
            };
        }

        var owner = people.First(p => p.MemberId == found.Matches[0].MemberId);
        var split = ActionItemParser.SplitDue(typed, desk.TodayOf(team));
        switch (split.Error)
        {
            case DueDateError.Past:
                return text.Get(locale, MeetingsTextKeys.ActionPastDate, ActionItemDesk.DueText(locale, split.Due!.Value));
            case DueDateError.Unreadable:
                return text.Get(locale, MeetingsTextKeys.ActionBadDate, BotText.Quote(split.Typed ?? typed));
        }

        if (split.Text.Length == 0)
        {
            return text.Get(locale, MeetingsTextKeys.ActionWhat, owner.Name);
        }

        if (split.Text.Length > MeetingActionItem.MaxTextLength)
        {
            return text.Get(locale, MeetingsTextKeys.ActionTooLong, MeetingActionItem.MaxTextLength, split.Text.Length);
        }

        var created = await desk.CreateAsync(tenantId, team, caller, owner, split.Text, split.Due, null, cancellationToken).ConfigureAwait(false);
        return desk.CreatedAnswer(locale, team, created);
    }

    // The live teams a member is in or manages (as MeetingTeams offers them in the 1:1 chat), for a list of each.
    private async Task<IReadOnlyList<SalesTeam>> MemberTeamsAsync(string tenantId, long memberId, CancellationToken cancellationToken)
    {
        db.ForTenant(tenantId);
        return [.. (await db.SalesTeams.AsNoTracking()
                .Where(t => t.ArchivedAt == null && db.TeamMemberships.Any(m => m.SalesTeamId == t.Id && m.MemberId == memberId && m.LeftAt == null))
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .UnionBy(await access.ManagedTeamsAsync(tenantId, memberId, cancellationToken).ConfigureAwait(false), t => t.Id)
            .OrderBy(t => t.Id)];
    }
}

/// <summary>
/// <c>done [team] &lt;n&gt;</c> · <c>完成 &lt;n&gt;</c>: closes the team's action item number n (the team's own numbers). Its
/// owner, whoever recorded it, and the team's managers may; anyone else is told who can. In the team channel or the
/// 1:1 chat (a member of several teams names the team first).
/// </summary>
internal sealed class DoneCommand(MeetingTeams teams, ActionItemDesk desk, BotText text) : ICommandHandler
{
    public const string Word = "done";
    public const string ChineseWord = "完成";

    public static HelpTopic Topic { get; } =
        new(Word, ChineseWord, HelpScopes.Personal | HelpScopes.Channel, MeetingsTextKeys.DoneHelp, MeetingsTextKeys.DoneArgs);

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

        var choice = await teams.ChooseAsync(turn, tenantId, caller.Id, TypedText.Normalize(arguments).Trim(), cancellationToken).ConfigureAwait(false);
        if (choice.Team is not { } team)
        {
            await turn.SendAsync(MeetingCommand.Plain(choice.Refusal!), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (ReadNumber(choice.Rest) is not { } number)
        {
            await turn.SendAsync(MeetingCommand.Plain(text.Get(locale, MeetingsTextKeys.DoneWhich)), cancellationToken).ConfigureAwait(false);
            return;
        }

        var (outcome, item, updated) = await desk.CloseAsync(tenantId, team, caller.Id, number, cancellationToken).ConfigureAwait(false);
        await turn.SendAsync(MeetingCommand.Plain(desk.CloseAnswer(locale, team, number, outcome, item, updated)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An item number as typed: 3, #3, ＃3, 第3项; null when it is none.</summary>
    public static int? ReadNumber(string? typed)
    {
        var value = TypedText.Normalize(typed).Trim().TrimStart('#', '＃', '第').TrimEnd('项', '条', '号').Trim();
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
    }
}
