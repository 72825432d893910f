using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Cards;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Targets;

/// <summary>
/// <c>set target &lt;who&gt; &lt;kpi&gt; &lt;period&gt; &lt;value&gt;</c> · <c>设定目标 &lt;谁&gt; &lt;指标&gt; &lt;周期&gt; &lt;数值&gt;</c> in the 1:1
/// chat, by a manager: a year sets the yearly target (split by the plan), a quarter, month or week sets that period's
/// own target — on top of a yearly one or without it. A half year is refused (set its quarters). Only a manager of a
/// team the person is an active rep of (or a tenant admin) may set it; anything else — a rep, a manager of another
/// team, a channel, bad input — gets a clear answer and changes nothing. Several reps matching the name get a card to
/// pick one (<see cref="SetTargetPickAction"/>).
/// </summary>
internal sealed partial class SetTargetCommand(
    SalesCoachDbContext store,
    TeamAccess access,
    PersonFinder finder,
    TargetPlan plan,
    SalesClock clock,
    WorkingCalendars calendars,
    IKpiCatalog catalog,
    BotText text,
    ILogger<SetTargetCommand> logger) : ICommandHandler
{
    // The tenant's KPI words (its own aliases too), read once per turn before the arguments are parsed.
    private KpiVocabulary? vocabulary;

    public const string Word = "set";
    public const string ChineseWord = "设定目标";

    /// <summary>As many managers say it: 设置目标.</summary>
    public const string OtherChineseWord = "设置目标";

    private static readonly string[] TeamWords = ["team", "团队"];

    public static HelpTopic Topic { get; } =
        new(Word, ChineseWord, HelpScopes.Personal, TargetsTextKeys.SetHelp, TargetsTextKeys.SetArgs, WrittenAs: "set target") { OtherWords = [OtherChineseWord] };

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var (reply, card) = await ReplyAsync(turn, arguments, picked: null, cancellationToken).ConfigureAwait(false);
        if (card is not null)
        {
            await turn.SendAsync(Activity.CreateCard(card, card.FallbackText), cancellationToken).ConfigureAwait(false);
            return;
        }

        var message = Activity.CreateMessage(reply!);
        // Replies quote what was typed (names, words): plain, so Teams shows them as typed.
        message.TextFormat = "plain";
        await turn.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What <c>set target</c> answers: a text, or (several reps match the name) a card to pick one. With
    /// <paramref name="picked"/> (a button of that card) the person is that member and the request comes from the card;
    /// every check runs again, as for a typed command.
    /// </summary>
    internal async Task<(string? Text, AdaptiveCard? Card)> ReplyAsync(
        TurnContext turn, string arguments, SetTargetPick? picked, CancellationToken cancellationToken)
    {
        var locale = turn.Locale;
        if (TurnGuard.PersonalMember(turn, text, Topic) is { } refusal)
        {
            return (refusal, null);
        }

        _ = turn.TryGetMember(out var tenantId, out var caller);

        var managed = await access.ManagedTeamsAsync(tenantId, caller.Id, cancellationToken).ConfigureAwait(false);
        if (managed.Count == 0)
        {
            LogRefused(logger, caller.Id);
            return (text.Get(locale, TargetsTextKeys.SetOnlyManagers), null);
        }

        store.ForTenant(tenantId);
        var zone = clock.TeamZone(managed[0].TimeZone);
        var today = clock.TodayIn(zone);
        var calendar = await calendars.ForTeamAsync(tenantId, managed[0].WorkingCalendar, zone, cancellationToken).ConfigureAwait(false);
        var kpis = await store.Kpis.AsNoTracking().Where(k => k.IsActive).OrderBy(k => k.SortOrder).ThenBy(k => k.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        vocabulary = await catalog.VocabularyAsync(cancellationToken).ConfigureAwait(false);

        var usage = text.Get(locale, TargetsTextKeys.SetUsage);
        // Only the English "set" needs "target" after it; the Chinese words already say it.
        var afterSet = string.Equals(turn.CommandWord, Word, StringComparison.OrdinalIgnoreCase);
        var request = picked?.Request
            ?? SetTargetParser.Parse(arguments, afterSet, w => FindKpi(kpis, w) is not null, w => PeriodWords.TryRead(w, today, YearlessPeriod.Ahead, out _));
        if (request is null)
        {
            return (usage, null);
        }

        // Setting a target looks ahead: in December, "March" is next March (the reply names the year).
        if (!PeriodWords.TryRead(request.Period, today, YearlessPeriod.Ahead, out var period))
        {
            return (text.Get(locale, TargetsTextKeys.SetBadPeriod, BotText.Quote(request.Period)) + "\n\n" + usage, null);
        }

        if (FindKpi(kpis, request.Kpi) is not { } kpi)
        {
            var known = BotText.List(locale, kpis.Select(k => KpiDefaults.NameOf(text, locale, k)));
            return (text.Get(locale, TargetsTextKeys.SetUnknownKpi, BotText.Quote(request.Kpi), known) + "\n\n" + usage, null);
        }

        if (period.Kind == SalesPeriodKind.HalfYear)
        {
            // A half is its two quarters; a target of its own would disagree with them.
            var first = SalesPeriod.Containing(SalesPeriodKind.Quarter, period.Start);
            return (text.Get(locale, TargetsTextKeys.SetHalfYear, SalesFormat.PeriodName(text, locale, period),
                SalesFormat.PeriodName(text, locale, first), SalesFormat.PeriodName(text, locale, first.Next())), null);
        }

        var kpiName = KpiDefaults.NameOf(text, locale, kpi);
        if (AmountError(locale, kpi, kpiName, request, out var amount) is { } amountError)
        {
            return (amountError + "\n\n" + usage, null);
        }

        var owner = await OwnerAsync(turn, tenantId, managed, request, picked?.MemberId, period, locale, cancellationToken).ConfigureAwait(false);
        if (owner.Error is not null || owner.Card is not null)
        {
            return (owner.Error, owner.Card);
        }

        var target = owner.Owner!.Value;
        var ownerName = owner.Name;
        if (period.Kind == SalesPeriodKind.Year)
        {
            await plan.SetYearlyAsync(target, kpi.Id, period.Start.Year, amount, setByMemberId: caller.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
            LogSet(logger, caller.Id, target.MemberId, target.SalesTeamId, kpi.Id, period.Kind, period.Start);
            var month = period.Start.Year == today.Year ? SalesPeriod.Containing(SalesPeriodKind.Month, today) : SalesPeriod.Month(period.Start.Year, 1);
            var monthly = await plan.TargetForAsync(target, kpi.Id, month, calendar, cancellationToken).ConfigureAwait(false) ?? 0m;
            return (text.Get(locale, TargetsTextKeys.SetDoneYear, kpiName, ownerName, period.Start.Year,
                Amount(locale, kpi, amount), Amount(locale, kpi, monthly), Amount(locale, kpi, Roughly(amount / 52, kpi.Unit))), null);
        }

        // A quarter, month or week: its own target, with or without a yearly one to split (see StagedTargets).
        var year = period.TargetYear;
        var owned = target.MemberId is { } memberId
            ? store.SalesTargets.Where(t => t.MemberId == memberId)
            : store.SalesTargets.Where(t => t.SalesTeamId == target.SalesTeamId);
        var hasYearly = await owned.AnyAsync(t => t.KpiId == kpi.Id && t.PeriodKind == TargetPeriodKind.Year && t.Year == year, cancellationToken).ConfigureAwait(false);
        var label = SalesFormat.PeriodName(text, locale, period);
        await plan.OverrideAsync(target, kpi.Id, period, amount, caller.Id, cancellationToken).ConfigureAwait(false);
        LogSet(logger, caller.Id, target.MemberId, target.SalesTeamId, kpi.Id, period.Kind, period.Start);
        return hasYearly
            ? (text.Get(locale, TargetsTextKeys.SetDoneOverride, kpiName, ownerName, label, Amount(locale, kpi, amount)), null)
            : (text.Get(locale, TargetsTextKeys.SetDoneNoYearly, kpiName, ownerName, label, Amount(locale, kpi, amount), year), null);
    }

    /// <summary>A KPI by key, custom name, default name in either language, or a log alias (revenue/营收/销售额, 合同, …).</summary>
    internal KpiDefinition? FindKpi(IReadOnlyList<KpiDefinition> kpis, string word)
    {
        bool Same(string? a) => a is not null && string.Equals(a.Trim(), word.Trim(), StringComparison.OrdinalIgnoreCase);
        return kpis.FirstOrDefault(k => Same(k.Key))
            ?? kpis.FirstOrDefault(k => Same(k.NameEn) || Same(k.NameZh))
            ?? kpis.FirstOrDefault(k => BotText.Locales.Any(l => KpiDefaults.IsDefault(k) && Same(text.Get(l, KpiDefaults.NameKey(k.Key)))))
            // A log word may add to several KPIs (a deal is revenue and one contract): its target is the amount's KPI.
            ?? (KpiAliases.Find(word)?.Effects.FirstOrDefault(e => e.FixedAmount is null) is { } effect
                ? kpis.FirstOrDefault(k => k.Key == effect.KpiKey)
                : null)
            // A word the tenant added (kpi alias collections 收款); only active KPIs get targets.
            ?? (vocabulary?.FindKpi(word) is { } own ? kpis.FirstOrDefault(k => k.Id == own.Id) : null);
    }

    private string? AmountError(string? locale, KpiDefinition kpi, string kpiName, SetTargetRequest request, out decimal amount)
    {
        amount = 0;
        var written = request.Amount;
        if (!AmountParser.TryParse(written, out ParsedAmount? parsed, out _) || parsed is null)
        {
            return text.Get(locale, TargetsTextKeys.SetBadAmount, BotText.Quote(written));
        }

        if (kpi.Unit == KpiUnit.Count && parsed.LooksLikeMoney)
        {
            // 签约 50万 is a deal amount: say which command sets that target instead of 500,000 contracts.
            var chinese = BotText.IsChinese(locale);
            var meant = string.Join(' ',
                chinese ? ChineseWord : Word + " target",
                PersonFinder.StripAt(request.Who).Trim() is var who && request.Who.StartsWith("<at>", StringComparison.OrdinalIgnoreCase) ? "@" + who : who,
                chinese ? "营收" : "revenue",
                request.Period,
                chinese ? AmountParser.Normalize(written).Trim() : parsed.Value.ToString("0.##", CultureInfo.InvariantCulture));
            return text.Get(locale, TargetsTextKeys.SetCountWithMoney, kpiName, BotText.Quote(written), meant);
        }

        if (kpi.Unit == KpiUnit.Count && parsed.Value != decimal.Truncate(parsed.Value))
        {
            return text.Get(locale, TargetsTextKeys.SetWholeNumber, kpiName, BotText.Quote(written));
        }

        if (kpi.Unit == KpiUnit.Currency && parsed.Currency is { } currency && kpi.Currency is { } expected
            && !string.Equals(currency, expected, StringComparison.OrdinalIgnoreCase))
        {
            return text.Get(locale, TargetsTextKeys.SetCurrency, kpiName, SalesFormat.CurrencyName(text, locale, expected), BotText.Quote(written),
                SalesFormat.CurrencyName(text, locale, currency));
        }

        if (parsed.Value != Math.Round(parsed.Value, TargetSplitter.DecimalsFor(kpi.Unit)))
        {
            return text.Get(locale, TargetsTextKeys.SetBadAmount, BotText.Quote(written));
        }

        amount = parsed.Value;
        return null;
    }

    /// <summary>
    /// Whose target, after the role check: team word, or a rep of a team the caller manages by mention, e-mail, exact
    /// display name, or a unique word or beginning of the display name (<c>Rita</c> → Rita Rep, <c>张</c> → 张伟), all
    /// ignoring case; several matches → a card to pick one; or why not.
    /// </summary>
    private async Task<(TargetOwner? Owner, string Name, string? Error, AdaptiveCard? Card)> OwnerAsync(
        TurnContext turn, string tenantId, IReadOnlyList<SalesTeam> managed, SetTargetRequest request, long? pickedMemberId,
        SalesPeriod period, string? locale, CancellationToken cancellationToken)
    {
        var who = request.Who;
        var words = who.Split(' ', 2);
        if (pickedMemberId is null && TeamWords.Contains(words[0], StringComparer.OrdinalIgnoreCase))
        {
            var names = BotText.List(locale, managed.Select(t => t.Name));
            SalesTeam? team;
            if (words.Length == 1)
            {
                if (managed.Count > 1)
                {
                    return (null, string.Empty, text.Get(locale, TargetsTextKeys.SetTeamAmbiguous, names), null);
                }

                team = managed[0];
            }
            else
            {
                team = TeamAccess.Named(managed, words[1]);
                if (team is null)
                {
                    return (null, string.Empty, text.Get(locale, TargetsTextKeys.SetNoTeamNamed, BotText.Quote(words[1]), names), null);
                }
            }

            return (TargetOwner.Team(team.Id), text.Get(locale, TargetsTextKeys.SetTeamOwner, team.Name), null, null);
        }

        store.ForTenant(tenantId);
        var callerId = turn.Identity()?.Member?.Id ?? 0;
        var managedIds = managed.Select(t => t.Id).ToList();
        // A person is only ever looked for among the active reps of the caller's teams, in the turn's tenant.
        var reps = (await store.TeamMemberships.AsNoTracking()
                .Where(m => managedIds.Contains(m.SalesTeamId) && m.LeftAt == null && m.Role == TeamRole.Rep)
                .Select(m => new NamedPerson(m.MemberId, m.Member!.Name, m.Member.Email, m.Member.TeamsUserId))
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .DistinctBy(c => c.MemberId).ToList();

        PersonMatch found;
        if (pickedMemberId is { } picked)
        {
            // A button of the pick card: its member id came back from the client, so it counts only if still one of the reps.
            var elsewhere = reps.Any(r => r.MemberId == picked)
                ? null
                : await store.Members.Where(m => m.Id == picked).Select(m => m.Name ?? string.Empty).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            found = new PersonMatch([.. reps.Where(r => r.MemberId == picked)], string.Empty, elsewhere);
        }
        else
        {
            found = await finder.FindAsync(turn.Activity, reps, who, cancellationToken).ConfigureAwait(false);
        }

        var matches = found.Matches;
        switch (matches.Count)
        {
            case 1:
                return (TargetOwner.Member(matches[0].MemberId), matches[0].Name ?? found.Shown, null, null);
            case 0 when found.ElsewhereName is { } other:
                // Someone of that name, e-mail or mention exists, but not as a rep of the caller's teams.
                LogRefused(logger, callerId);
                return (null, string.Empty, text.Get(locale, TargetsTextKeys.SetNotYourRep, other.Length > 0 ? other : found.Shown), null);
            case 0:
                return pickedMemberId is not null
                    ? (null, string.Empty, text.Get(locale, TargetsTextKeys.SetPickStale), null)
                    : (null, string.Empty, text.Get(locale, TargetsTextKeys.SetUnknownPerson, BotText.Quote(found.Shown)), null);
            default:
                var choices = matches
                    .OrderBy(m => m.Name ?? string.Empty, BotText.NameOrder(locale))
                    .Select(m => new SetTargetPickCard.Choice(m.MemberId, m.Name ?? string.Empty, m.Email))
                    .ToList();
                // The card carries the period as a key (2027-03), so a press later still means the period meant now.
                var pickRequest = request with { Who = string.Empty, Period = PeriodWords.Key(period) };
                return (null, string.Empty, null, SetTargetPickCard.Build(text, locale, BotText.Quote(found.Shown), choices, pickRequest));
        }
    }

    private static string Amount(string? locale, KpiDefinition kpi, decimal amount) => SalesFormat.Amount(locale, kpi.Unit, kpi.Currency, amount);

    // "About" a week: a yearly target over 52 weeks, to two significant figures or so (weeks differ in working days).
    internal static decimal Roughly(decimal amount, KpiUnit unit)
    {
        var step = unit == KpiUnit.Count || amount < 1_000m ? 1m : amount < 10_000m ? 100m : 1_000m;
        return Math.Round(amount / step, MidpointRounding.AwayFromZero) * step;
    }

    // Names and mentions compared as typed but ignoring case and repeated spaces.
    [LoggerMessage(Level = LogLevel.Information, Message = "Target set by member {SetterId} for member {MemberId} / team {TeamId}: KPI {KpiId}, {PeriodKind} from {PeriodStart}")]
    private static partial void LogSet(ILogger logger, long setterId, long? memberId, long? teamId, long kpiId, SalesPeriodKind periodKind, DateOnly periodStart);

    [LoggerMessage(Level = LogLevel.Information, Message = "Set target refused for member {SetterId}: not a manager of the person's team")]
    private static partial void LogRefused(ILogger logger, long setterId);
}
