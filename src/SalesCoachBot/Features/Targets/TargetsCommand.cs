using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Help;
using SalesCoachBot.Features.Onboarding;
using SalesCoachBot.Features.SalesResults;
using SalesCoachBot.Features.Teams;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Cards;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Targets;

/// <summary>
/// Reads one member's targets and results for a period from the store and builds the targets card. Shared by the
/// <c>targets</c> command and the card's period buttons so both show exactly the same thing.
/// </summary>
internal sealed class TargetsViewBuilder(
    SalesCoachDbContext store, ResultLedger ledger, TargetPlan plan, BotText text, TimeProvider time, IOptions<TeamsOptions> teams)
{
    public static HelpTopic Topic { get; } = new("targets", "目标", HelpScopes.Personal, TargetsTextKeys.CommandHelp, TargetsTextKeys.CommandArgs);

    public static string? LocaleOf(TurnContext turn) => turn.Locale ?? turn.Activity.Locale;

    /// <summary>Why this turn gets no card (wrong scope, unknown sender), or null when it may have one.</summary>
    public string? Refusal(TurnContext turn)
    {
        var locale = LocaleOf(turn);
        if (!turn.IsPersonal)
        {
            return HelpCatalog.WhereItWorks(text, locale, Topic);
        }

        return turn.GetTenantId() is null || turn.GetMember() is null ? text.Get(locale, TargetsTextKeys.NoMember) : null;
    }

    public string UnknownPeriod(string? locale, string word) =>
        text.Get(locale, TargetsTextKeys.UnknownPeriod, HelpFallback.Quote(word)) + "\n\n" + text.Get(locale, TargetsTextKeys.Usage);

    /// <summary>The card for the turn's member, or null when the member is not in the store (any more).</summary>
    public Task<AdaptiveCard?> BuildAsync(TurnContext turn, SalesPeriodKind kind, CancellationToken cancellationToken) =>
        BuildAsync(turn, kind, notice: null, cancellationToken);

    /// <summary>The card with an optional <paramref name="notice"/> line on top (what the rep just did).</summary>
    public async Task<AdaptiveCard?> BuildAsync(TurnContext turn, SalesPeriodKind kind, string? notice, CancellationToken cancellationToken)
    {
        var locale = LocaleOf(turn);
        var tenantId = turn.GetTenantId()!;
        var known = turn.GetMember()!;
        store.ForTenant(tenantId);
        var member = await store.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == known.Id, cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            return null;
        }

        var zone = await ZoneOfAsync(member, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var period = SalesPeriod.Containing(kind, today);
        var calendar = CalendarFor(zone);
        var kpis = await store.Kpis.AsNoTracking().Where(k => k.IsActive).OrderBy(k => k.SortOrder).ThenBy(k => k.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var actuals = await ledger.ActualsAsync(member.Id, period.Start, period.End, cancellationToken).ConfigureAwait(false);
        // One read for every KPI's target: the card's latency is mostly round trips (docs/benchmarks.md).
        var targets = await plan.MemberTargetsForAsync(member.Id, kpis, period, calendar, cancellationToken).ConfigureAwait(false);
        var rows = new List<TargetsRow>(kpis.Count);
        foreach (var kpi in kpis)
        {
            var target = targets.GetValueOrDefault(kpi.Id) ?? 0m;
            var actual = actuals.TryGetValue(kpi.Id, out var found) ? found.Amount : 0m;
            var pace = PaceCalculator.Calculate(new PaceInput(target, actual, period, today, calendar));
            rows.Add(new TargetsRow(kpi.Key, NameOf(locale, kpi), kpi.Unit, kpi.Currency, pace));
        }

        var view = new TargetsView(member.Name ?? known.Name ?? string.Empty, period, rows, now, zone, notice);
        return TargetsCard.Build(text, locale, view);
    }

    /// <summary>The turn's member as stored, their zone and their sales day today, or null when not in the store (any more).</summary>
    public async Task<MemberDay?> TodayOfAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        store.ForTenant(turn.GetTenantId()!);
        var memberId = turn.GetMember()!.Id;
        var member = await store.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            return null;
        }

        var zone = await ZoneOfAsync(member, cancellationToken).ConfigureAwait(false);
        return new MemberDay(member.Id, zone, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime));
    }

    /// <summary>
    /// The working calendar for a zone. Only China's official holiday calendar is bundled, so members in a China zone
    /// get it and everyone else counts weekends only — one place to change when more calendars arrive.
    /// </summary>
    internal static WorkingCalendar CalendarFor(TimeZoneInfo zone) =>
        zone.Id is "Asia/Shanghai" or "Asia/Chongqing" or "Asia/Chungking" or "Asia/Harbin" or "Asia/Urumqi" or "PRC" or "China Standard Time"
            ? WorkingCalendarFile.China2026
            : WorkingCalendar.WeekendsOnly;

    // The member's own zone, else their (first active) team's, else the configured default.
    internal async Task<TimeZoneInfo> ZoneOfAsync(Member member, CancellationToken cancellationToken)
    {
        if (Find(member.TimeZone) is { } own)
        {
            return own;
        }

        var teamZone = await store.HomeTeamTimeZoneAsync(member.Id, cancellationToken).ConfigureAwait(false);
        return ZoneOr(teamZone, teams.Value);
    }

    /// <summary>A (team's) zone, else the configured default, else UTC.</summary>
    internal static TimeZoneInfo ZoneOr(string? id, TeamsOptions options) =>
        Find(id) ?? Find(options.DefaultTimeZone) ?? TimeZoneInfo.Utc;

    internal static TimeZoneInfo? Find(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    internal string NameOf(string? locale, KpiDefinition kpi)
    {
        var custom = BotText.IsChinese(locale) ? kpi.NameZh ?? kpi.NameEn : kpi.NameEn ?? kpi.NameZh;
        if (custom is not null)
        {
            return custom;
        }

        return KpiDefaults.Keys.Contains(kpi.Key, StringComparer.Ordinal) ? text.Get(locale, KpiDefaults.NameKey(kpi.Key)) : kpi.Key;
    }
}

/// <summary>A member's sales day: results logged now count on <paramref name="Today"/> in <paramref name="Zone"/>.</summary>
internal sealed record MemberDay(long MemberId, TimeZoneInfo Zone, DateOnly Today);

/// <summary><c>targets [week|month|quarter|year]</c> · <c>目标 [周|月|季度|年]</c> in the 1:1 chat: the progress card.</summary>
internal sealed class TargetsCommand(TargetsViewBuilder views, BotText text) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = TargetsViewBuilder.LocaleOf(turn);
        if (views.Refusal(turn) is { } refusal)
        {
            await turn.SendTextAsync(refusal, cancellationToken).ConfigureAwait(false);
            return;
        }

        var word = (arguments ?? string.Empty).Trim();
        var kind = SalesPeriodKind.Month;
        if (word.Length > 0 && !SalesPeriod.TryParseKind(word, out kind))
        {
            var reply = Activity.CreateMessage(views.UnknownPeriod(locale, word));
            // The text quotes user input: plain, so Teams shows it as typed.
            reply.TextFormat = "plain";
            await turn.SendAsync(reply, cancellationToken).ConfigureAwait(false);
            return;
        }

        var card = await views.BuildAsync(turn, kind, cancellationToken).ConfigureAwait(false);
        if (card is null)
        {
            await turn.SendTextAsync(text.Get(locale, TargetsTextKeys.NoMember), cancellationToken).ConfigureAwait(false);
            return;
        }

        await turn.SendAsync(Activity.CreateCard(card, card.FallbackText), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The card's period buttons (<see cref="TargetsCard.PeriodVerb"/>): the same card for another period, in place.</summary>
internal sealed class TargetsPeriodAction(TargetsViewBuilder views, BotText text) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var locale = TargetsViewBuilder.LocaleOf(turn);
        if (views.Refusal(turn) is { } refusal)
        {
            return CardActionResult.Text(refusal);
        }

        var word = action.GetString(TargetsCard.PeriodKey) ?? string.Empty;
        if (!SalesPeriod.TryParseKind(word, out var kind))
        {
            return CardActionResult.Text(views.UnknownPeriod(locale, word));
        }

        var card = await views.BuildAsync(turn, kind, cancellationToken).ConfigureAwait(false);
        return card is null ? CardActionResult.Text(text.Get(locale, TargetsTextKeys.NoMember)) : CardActionResult.UpdateCard(card);
    }
}
