using System.Globalization;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Recognition;

/// <summary>What <c>values</c> asks: list, add (with points) or remove, and the words that may name the team.</summary>
internal enum ValuesVerb
{
    List = 0,
    Add = 1,
    Remove = 2,
}

/// <summary>
/// <c>values [team] [add|remove …]</c> read: <paramref name="Name"/> is null when the value is missing or not a valid name,
/// <paramref name="Points"/> null when none was written (or it is not a whole number from 1 to 100: then
/// <paramref name="BadPoints"/>).
/// </summary>
internal sealed record ValuesRequest(ValuesVerb Verb, string TeamWords, string? Name, int? Points, bool BadPoints);

/// <summary>
/// <c>values</c> · <c>价值观</c>: the team's company values and their points, in its channel or the 1:1 chat (naming the team
/// first when the member is in several); <c>values add 客户第一 3</c> · <c>价值观 添加 …</c> and <c>values remove …</c> ·
/// <c>价值观 移除 …</c> for its managers only.
/// </summary>
internal sealed class ValuesCommand(RecognitionTeams teams, RecognitionStore store, TeamAccess access, BotText text) : ICommandHandler
{
    public const string Word = "values";
    public const string ChineseWord = "价值观";

    private static readonly string[] AddWords = ["add", "set", "添加", "增加", "设置"];
    private static readonly string[] RemoveWords = ["remove", "delete", "移除", "删除"];

    public static HelpTopic Topic { get; } =
        new(Word, ChineseWord, HelpScopes.Personal | HelpScopes.Channel, RecognitionTextKeys.ValuesHelp, RecognitionTextKeys.ValuesArgs);

    /// <summary>Reads the words after the command. Never throws.</summary>
    public static ValuesRequest Read(string? arguments)
    {
        var words = TypedText.Normalize(arguments).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        var at = words.FindIndex(w => AddWords.Contains(w, StringComparer.OrdinalIgnoreCase) || RemoveWords.Contains(w, StringComparer.OrdinalIgnoreCase));
        if (at < 0)
        {
            return new ValuesRequest(ValuesVerb.List, string.Join(' ', words), null, null, false);
        }

        var verb = AddWords.Contains(words[at], StringComparer.OrdinalIgnoreCase) ? ValuesVerb.Add : ValuesVerb.Remove;
        var rest = words.Skip(at + 1).ToList();
        int? points = null;
        var badPoints = false;
        if (verb == ValuesVerb.Add && rest.Count > 1 && rest[^1].All(char.IsAsciiDigit))
        {
            badPoints = !int.TryParse(rest[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                || parsed is < RecognitionStore.MinPoints or > RecognitionStore.MaxPoints;
            points = badPoints ? null : parsed;
            rest.RemoveAt(rest.Count - 1);
        }

        // A value is one word, as it is written after # in a praise: "customer first" becomes customer-first.
        var name = string.Join('-', rest.Select(w => w.TrimStart('#')).Where(w => w.Length > 0));
        var valid = name.Length is > 0 and <= CompanyValue.MaxNameLength && !name.Contains('#') && !name.Contains('<');
        return new ValuesRequest(verb, string.Join(' ', words.Take(at)), valid ? name : null, points, badPoints);
    }

    /// <summary>The values as a text lists them: <c>#customer-first (3 points), #客户第一 (2 points)</c>.</summary>
    public static string List(BotText text, string? locale, IEnumerable<CompanyValue> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        return BotText.List(locale, values.Select(v => text.Get(locale, RecognitionTextKeys.ValuesItem, v.Name, v.Points)));
    }

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        if (turn.Scope is not (ConversationTypes.Channel or ConversationTypes.Personal))
        {
            await turn.SendAsync(Plain(TurnGuard.WhereItWorks(text, locale, Topic, turn.CommandWord)), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!turn.TryGetMember(out var tenantId, out var caller))
        {
            await turn.SendTextAsync(TurnGuard.NoMember(text, locale), cancellationToken).ConfigureAwait(false);
            return;
        }

        var request = Read(arguments);
        var choice = await teams.ChooseAsync(turn, tenantId, caller.Id, turn.IsPersonal ? request.TeamWords : string.Empty, mustName: true,
            RecognitionTextKeys.ValuesExample, cancellationToken).ConfigureAwait(false);
        if (choice.Team is not { } team)
        {
            await turn.SendAsync(Plain(choice.Refusal!), cancellationToken).ConfigureAwait(false);
            return;
        }

        var answer = request.Verb == ValuesVerb.List
            ? await ListAsync(locale, team, cancellationToken).ConfigureAwait(false)
            : await ChangeAsync(locale, tenantId, caller.Id, team, request, cancellationToken).ConfigureAwait(false);
        await turn.SendAsync(Plain(answer), cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> ListAsync(string? locale, SalesTeam team, CancellationToken cancellationToken)
    {
        var values = await store.ValuesAsync(team.Id, cancellationToken).ConfigureAwait(false);
        return values.Count == 0
            ? text.Get(locale, RecognitionTextKeys.ValuesNone, team.Name)
            : text.Get(locale, RecognitionTextKeys.ValuesList, team.Name, List(text, locale, values), RecognitionStore.DefaultPoints);
    }

    private async Task<string> ChangeAsync(string? locale, string tenantId, long callerId, SalesTeam team, ValuesRequest request, CancellationToken cancellationToken)
    {
        if (!await access.CanManageAsync(tenantId, callerId, team.Id, cancellationToken).ConfigureAwait(false))
        {
            return text.Get(locale, RecognitionTextKeys.ValuesOnlyManagers, team.Name);
        }

        if (request.Name is not { } name || request.BadPoints)
        {
            return text.Get(locale, RecognitionTextKeys.ValuesUsage);
        }

        if (request.Verb == ValuesVerb.Remove)
        {
            return await store.RemoveValueAsync(team.Id, name, cancellationToken).ConfigureAwait(false) is { } removed
                ? text.Get(locale, RecognitionTextKeys.ValuesRemoved, removed, team.Name)
                : text.Get(locale, RecognitionTextKeys.ValuesNotFound, BotText.Quote(name), team.Name);
        }

        var values = await store.ValuesAsync(team.Id, cancellationToken).ConfigureAwait(false);
        var existing = values.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
        if (existing is null && values.Count >= RecognitionStore.MaxValues)
        {
            return text.Get(locale, RecognitionTextKeys.ValuesTooMany, team.Name, values.Count);
        }

        var points = request.Points ?? existing?.Points ?? RecognitionStore.DefaultPoints;
        var added = await store.SetValueAsync(tenantId, team.Id, existing?.Name ?? name, points, cancellationToken).ConfigureAwait(false);
        return added
            ? text.Get(locale, RecognitionTextKeys.ValuesAdded, name, points, team.Name)
            : text.Get(locale, RecognitionTextKeys.ValuesUpdated, existing!.Name, points, team.Name);
    }

    // Answers quote names people typed: plain, so Teams shows them as typed.
    private static Activity Plain(string message)
    {
        var reply = Activity.CreateMessage(message);
        reply.TextFormat = "plain";
        return reply;
    }
}
