using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Targets;

/// <summary>
/// <c>set target &lt;who&gt; &lt;kpi&gt; &lt;period&gt; &lt;value&gt;</c> · <c>设定目标 &lt;谁&gt; &lt;指标&gt; &lt;周期&gt; &lt;数值&gt;</c> in the 1:1
/// chat, by a manager: a year sets the yearly target (split by the plan), any shorter period overrides that period.
/// Only a manager of a team the person is an active rep of (or a tenant admin) may set it; anything else — a rep, a
/// manager of another team, a channel, bad input — gets a clear answer and changes nothing.
/// </summary>
internal sealed partial class SetTargetCommand(
    SalesCoachDbContext store,
    TeamAccess access,
    TargetPlan plan,
    SalesClock clock,
    WorkingCalendars calendars,
    BotText text,
    ILogger<SetTargetCommand> logger) : ICommandHandler
{
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
        var reply = await ReplyAsync(turn, arguments, cancellationToken).ConfigureAwait(false);
        var message = Activity.CreateMessage(reply);
        // Replies quote what was typed (names, words): plain, so Teams shows them as typed.
        message.TextFormat = "plain";
        await turn.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> ReplyAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var locale = turn.Locale;
        if (TurnGuard.PersonalMember(turn, text, Topic) is { } refusal)
        {
            return refusal;
        }

        _ = turn.TryGetMember(out var tenantId, out var caller);

        var managed = await access.ManagedTeamsAsync(tenantId, caller.Id, cancellationToken).ConfigureAwait(false);
        if (managed.Count == 0)
        {
            LogRefused(logger, caller.Id);
            return text.Get(locale, TargetsTextKeys.SetOnlyManagers);
        }

        var usage = text.Get(locale, TargetsTextKeys.SetUsage);
        // Only the English "set" needs "target" after it; the Chinese words already say it.
        var afterSet = string.Equals(turn.CommandWord, Word, StringComparison.OrdinalIgnoreCase);
        if (SetTargetParser.Parse(arguments, afterSet) is not { } request)
        {
            return usage;
        }

        store.ForTenant(tenantId);
        var zone = clock.TeamZone(managed[0].TimeZone);
        var today = clock.TodayIn(zone);
        var calendar = await calendars.ForTeamAsync(tenantId, managed[0].WorkingCalendar, zone, cancellationToken).ConfigureAwait(false);
        if (!SetTargetParser.TryParsePeriod(request.Period, today, out var period))
        {
            return text.Get(locale, TargetsTextKeys.SetBadPeriod, BotText.Quote(request.Period)) + "\n\n" + usage;
        }

        var kpis = await store.Kpis.AsNoTracking().Where(k => k.IsActive).OrderBy(k => k.SortOrder).ThenBy(k => k.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (FindKpi(kpis, request.Kpi) is not { } kpi)
        {
            var known = string.Join(", ", kpis.Select(k => KpiDefaults.NameOf(text, locale, k)));
            return text.Get(locale, TargetsTextKeys.SetUnknownKpi, BotText.Quote(request.Kpi), known) + "\n\n" + usage;
        }

        var kpiName = KpiDefaults.NameOf(text, locale, kpi);
        if (AmountError(locale, kpi, kpiName, request, out var amount) is { } amountError)
        {
            return amountError + "\n\n" + usage;
        }

        var (owner, ownerName, whoError) = await OwnerAsync(turn, tenantId, managed, request.Who, locale, cancellationToken).ConfigureAwait(false);
        if (whoError is not null)
        {
            return whoError;
        }

        var target = owner!.Value;
        if (period.Kind == SalesPeriodKind.Year)
        {
            await plan.SetYearlyAsync(target, kpi.Id, period.Start.Year, amount, setByMemberId: caller.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
            LogSet(logger, caller.Id, target.MemberId, target.SalesTeamId, kpi.Id, period.Kind, period.Start);
            var month = period.Start.Year == today.Year ? SalesPeriod.Containing(SalesPeriodKind.Month, today) : SalesPeriod.Month(period.Start.Year, 1);
            var monthly = await plan.TargetForAsync(target, kpi.Id, month, calendar, cancellationToken).ConfigureAwait(false) ?? 0m;
            return text.Get(locale, TargetsTextKeys.SetDoneYear, kpiName, ownerName, period.Start.Year,
                Amount(locale, kpi, amount), Amount(locale, kpi, monthly), Amount(locale, kpi, Roughly(amount / 52, kpi.Unit)));
        }

        // An override only counts on top of a yearly plan (the plan splits nothing without one): refuse rather than
        // store a target nobody would ever see.
        var year = period.TargetYear;
        var owned = target.MemberId is { } memberId
            ? store.SalesTargets.Where(t => t.MemberId == memberId)
            : store.SalesTargets.Where(t => t.SalesTeamId == target.SalesTeamId);
        var label = SalesFormat.PeriodName(text, locale, period);
        if (!await owned.AnyAsync(t => t.KpiId == kpi.Id && t.PeriodKind == TargetPeriodKind.Year && t.Year == year, cancellationToken).ConfigureAwait(false))
        {
            return text.Get(locale, TargetsTextKeys.SetNoYearly, ownerName, kpiName, year);
        }

        await plan.OverrideAsync(target, kpi.Id, period, amount, caller.Id, cancellationToken).ConfigureAwait(false);
        LogSet(logger, caller.Id, target.MemberId, target.SalesTeamId, kpi.Id, period.Kind, period.Start);
        return text.Get(locale, TargetsTextKeys.SetDoneOverride, kpiName, ownerName, label, Amount(locale, kpi, amount));
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
                : null);
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
                StripAt(request.Who).Trim() is var who && request.Who.StartsWith("<at>", StringComparison.OrdinalIgnoreCase) ? "@" + who : who,
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

    /// <summary>Whose target, by mention, e-mail, display name or team word, after the role check; or why not.</summary>
    private async Task<(TargetOwner? Owner, string Name, string? Error)> OwnerAsync(
        TurnContext turn, string tenantId, IReadOnlyList<SalesTeam> managed, string who, string? locale, CancellationToken cancellationToken)
    {
        var words = who.Split(' ', 2);
        if (TeamWords.Contains(words[0], StringComparer.OrdinalIgnoreCase))
        {
            var names = string.Join(", ", managed.Select(t => t.Name));
            SalesTeam? team;
            if (words.Length == 1)
            {
                if (managed.Count > 1)
                {
                    return (null, string.Empty, text.Get(locale, TargetsTextKeys.SetTeamAmbiguous, names));
                }

                team = managed[0];
            }
            else
            {
                team = TeamAccess.Named(managed, words[1]);
                if (team is null)
                {
                    return (null, string.Empty, text.Get(locale, TargetsTextKeys.SetNoTeamNamed, BotText.Quote(words[1]), names));
                }
            }

            return (TargetOwner.Team(team.Id), text.Get(locale, TargetsTextKeys.SetTeamOwner, team.Name), null);
        }

        store.ForTenant(tenantId);
        var callerId = turn.Identity()?.Member?.Id ?? 0;
        List<Member> matches;
        string shown;
        if (who.StartsWith("<at>", StringComparison.OrdinalIgnoreCase))
        {
            // The person comes from the mention entity (its Teams id), never from the name in the text.
            var mention = turn.Activity.GetMentions().FirstOrDefault(m => m.Text is not null && Normalize(m.Text) == Normalize(who));
            var teamsUserId = mention?.Mentioned.Id;
            shown = mention?.Mentioned.Name ?? StripAt(who);
            matches = teamsUserId is null ? [] : await store.Members.Where(m => m.TeamsUserId == teamsUserId).ToListAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (who.Contains('@', StringComparison.Ordinal))
        {
            // Imports store e-mails lower-cased; Teams keeps them as typed: either form matches.
            var email = who.Trim();
            var lower = email.ToLowerInvariant();
            shown = who;
            matches = await store.Members.Where(m => m.Email == email || m.Email == lower).ToListAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var name = who.Trim();
            shown = who;
            matches = await store.Members.Where(m => m.Name == name).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        if (matches.Count == 0)
        {
            return (null, string.Empty, text.Get(locale, TargetsTextKeys.SetUnknownPerson, BotText.Quote(shown)));
        }

        var managedIds = managed.Select(t => t.Id).ToList();
        var matchIds = matches.Select(m => m.Id).ToList();
        var repIds = await store.TeamMemberships
            .Where(m => managedIds.Contains(m.SalesTeamId) && matchIds.Contains(m.MemberId) && m.LeftAt == null && m.Role == TeamRole.Rep)
            .Select(m => m.MemberId).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        var reps = matches.Where(m => repIds.Contains(m.Id)).ToList();
        switch (reps.Count)
        {
            case 1:
                return (TargetOwner.Member(reps[0].Id), reps[0].Name ?? shown, null);
            case 0:
                LogRefused(logger, callerId);
                return (null, string.Empty, text.Get(locale, TargetsTextKeys.SetNotYourRep, matches[0].Name ?? shown));
            default:
                var candidates = string.Join(", ", reps.Select(r => r.Email is null ? r.Name : $"{r.Name} <{r.Email}>"));
                return (null, string.Empty, text.Get(locale, TargetsTextKeys.SetAmbiguous, BotText.Quote(shown), candidates));
        }
    }

    private static string Amount(string? locale, KpiDefinition kpi, decimal amount) => SalesFormat.Amount(locale, kpi.Unit, kpi.Currency, amount);

    // "About" a week: a yearly target over 52 weeks, to two significant figures or so (weeks differ in working days).
    internal static decimal Roughly(decimal amount, KpiUnit unit)
    {
        var step = unit == KpiUnit.Count || amount < 1_000m ? 1m : amount < 10_000m ? 100m : 1_000m;
        return Math.Round(amount / step, MidpointRounding.AwayFromZero) * step;
    }

    private static string Normalize(string mention) => string.Join(' ', mention.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static string StripAt(string who) => who.Replace("<at>", string.Empty, StringComparison.OrdinalIgnoreCase).Replace("</at>", string.Empty, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Target set by member {SetterId} for member {MemberId} / team {TeamId}: KPI {KpiId}, {PeriodKind} from {PeriodStart}")]
    private static partial void LogSet(ILogger logger, long setterId, long? memberId, long? teamId, long kpiId, SalesPeriodKind periodKind, DateOnly periodStart);

    [LoggerMessage(Level = LogLevel.Information, Message = "Set target refused for member {SetterId}: not a manager of the person's team")]
    private static partial void LogRefused(ILogger logger, long setterId);
}
