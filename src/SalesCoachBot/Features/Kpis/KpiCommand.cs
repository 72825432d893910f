using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Kpis;

/// <summary>
/// <c>kpi</c> · <c>指标</c> in the 1:1 chat: the tenant's KPIs (anyone); <c>add</c>, <c>rename</c>, <c>alias</c>,
/// <c>retire</c>, <c>restore</c> (添加, 改名, 别名, 停用, 恢复) for a manager of any of the tenant's teams or a tenant admin.
/// </summary>
internal sealed class KpiCommand(KpiBook book, TeamAccess access, BotText text) : ICommandHandler
{
    public const string Word = "kpi";
    public const string ChineseWord = "指标";

    /// <summary>The plural people also type.</summary>
    public const string PluralWord = "kpis";

    public static HelpTopic Topic { get; } = new(Word, ChineseWord, HelpScopes.Personal, KpisTextKeys.Help, KpisTextKeys.Args) { OtherWords = [PluralWord] };

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        if (TurnGuard.PersonalMember(turn, text, Topic) is { } refusal)
        {
            await turn.SendAsync(Plain(refusal), cancellationToken).ConfigureAwait(false);
            return;
        }

        _ = turn.TryGetMember(out var tenantId, out var caller);
        var request = KpiCommandParser.Read(arguments);
        if (request.Verb == KpiVerb.List)
        {
            var vocabulary = await book.VocabularyAsync(cancellationToken).ConfigureAwait(false);
            var rows = vocabulary.Kpis.Select(k => KpiListCard.RowOf(text, k, vocabulary.AliasesOf(k))).ToList();
            var card = KpiListCard.Build(text, locale, rows);
            await turn.SendAsync(Activity.CreateCard(card, card.FallbackText), cancellationToken).ConfigureAwait(false);
            return;
        }

        // Every change is a manager's: the refusal comes before any word is read, so it never hints at what exists.
        if (!await access.IsAdminAsync(tenantId, caller.Id, cancellationToken).ConfigureAwait(false)
            && (await access.ManagedTeamIdsAsync(tenantId, caller.Id, cancellationToken).ConfigureAwait(false)).Count == 0)
        {
            await turn.SendAsync(Plain(text.Get(locale, KpisTextKeys.OnlyManagers)), cancellationToken).ConfigureAwait(false);
            return;
        }

        var answer = await ChangeAsync(locale, tenantId, request, cancellationToken).ConfigureAwait(false);
        await turn.SendAsync(Plain(answer), cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> ChangeAsync(string? locale, string tenantId, KpiRequest request, CancellationToken cancellationToken)
    {
        var usage = text.Get(locale, KpisTextKeys.Usage);
        switch (request.Verb)
        {
            case KpiVerb.Add when request.BadUnit:
                return text.Get(locale, KpisTextKeys.BadUnit);
            case KpiVerb.Add:
                {
                    var change = await book.AddAsync(tenantId, request.NameEn, request.NameZh, request.Unit!.Value, request.Aggregation, cancellationToken: cancellationToken).ConfigureAwait(false);
                    if (change.Status != KpiChangeStatus.Done)
                    {
                        return Refusal(locale, change);
                    }

                    var kpi = change.Kpi!;
                    var row = KpiListCard.RowOf(text, kpi, []);
                    var logWord = BotText.IsChinese(locale) ? kpi.NameZh ?? kpi.Key : kpi.Key;
                    return text.Get(locale, KpisTextKeys.Added, KpiDefaults.NameOf(text, locale, kpi), kpi.Key,
                        KpiListCard.Unit(text, locale, row), KpiListCard.Aggregation(text, locale, kpi.Aggregation), logWord);
                }

            case KpiVerb.Rename:
                {
                    var vocabulary = await book.VocabularyAsync(cancellationToken).ConfigureAwait(false);
                    var before = vocabulary.FindKpi(request.Kpi!) is { } found ? KpiDefaults.NameOf(text, locale, found) : request.Kpi!;
                    var change = await book.RenameAsync(request.Kpi!, request.Value!, request.Language, cancellationToken).ConfigureAwait(false);
                    return change.Status == KpiChangeStatus.Done
                        ? text.Get(locale, KpisTextKeys.Renamed, before, request.Value!)
                        : Refusal(locale, change);
                }

            case KpiVerb.Alias:
                {
                    var change = await book.AliasAsync(tenantId, request.Kpi!, request.Value!, cancellationToken).ConfigureAwait(false);
                    return change.Status == KpiChangeStatus.Done
                        ? text.Get(locale, KpisTextKeys.AliasAdded, KpiAliases.Normalize(request.Value!), KpiDefaults.NameOf(text, locale, change.Kpi!))
                        : Refusal(locale, change);
                }

            case KpiVerb.Retire or KpiVerb.Restore:
                {
                    var change = await book.SetActiveAsync(request.Kpi!, request.Verb == KpiVerb.Restore, cancellationToken).ConfigureAwait(false);
                    if (change.Status is not (KpiChangeStatus.Done or KpiChangeStatus.AlreadyActive or KpiChangeStatus.AlreadyRetired))
                    {
                        return Refusal(locale, change);
                    }

                    var name = KpiDefaults.NameOf(text, locale, change.Kpi!);
                    return change.Status switch
                    {
                        KpiChangeStatus.AlreadyActive => text.Get(locale, KpisTextKeys.AlreadyActive, name),
                        KpiChangeStatus.AlreadyRetired => text.Get(locale, KpisTextKeys.AlreadyRetired, name),
                        _ when request.Verb == KpiVerb.Retire => text.Get(locale, KpisTextKeys.Retired, name, change.Kpi!.Key),
                        _ => text.Get(locale, KpisTextKeys.Restored, name),
                    };
                }

            default:
                return usage;
        }
    }

    private string Refusal(string? locale, KpiChange change) => change.Status switch
    {
        KpiChangeStatus.Unknown => text.Get(locale, KpisTextKeys.Unknown, BotText.Quote(change.Word ?? string.Empty))
            + (change.Suggestion is { } suggestion ? " " + text.Get(locale, KpisTextKeys.Suggestion, suggestion) : string.Empty),
        KpiChangeStatus.DefaultWord => text.Get(locale, KpisTextKeys.DefaultWord, BotText.Quote(change.Word ?? string.Empty), HolderName(locale, change.Holder)),
        KpiChangeStatus.Taken => text.Get(locale, KpisTextKeys.NameTaken, BotText.Quote(change.Word ?? string.Empty), HolderName(locale, change.Holder)),
        _ => text.Get(locale, KpisTextKeys.BadName, BotText.Quote(change.Word ?? string.Empty), KpiBook.MaxNameLength),
    };

    private string HolderName(string? locale, KpiDefinition? holder) =>
        holder is null ? string.Empty : KpiDefaults.NameOf(text, locale, holder);

    // Answers quote words people typed: plain, so Teams shows them as typed.
    private static Activity Plain(string message)
    {
        var reply = Activity.CreateMessage(message);
        reply.TextFormat = "plain";
        return reply;
    }
}
