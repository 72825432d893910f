using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Cards;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Targets;

/// <summary>
/// Reads one member's targets and results for a period and builds the targets card. Shared by the <c>targets</c>
/// command, the card's period buttons and (as <see cref="IProgressCard"/>) the features that answer with the card, so
/// all show exactly the same thing.
/// </summary>
internal sealed class TargetsViewBuilder(
    SalesCoachDbContext store, IResultLedger results, TargetPlan plan, SalesClock clock, WorkingCalendars calendars, BotText text) : IProgressCard
{
    /// <summary>The card of <paramref name="period"/> with an optional <paramref name="notice"/> line on top (what the rep just did).</summary>
    public async Task<AdaptiveCard?> BuildAsync(TurnContext turn, SalesPeriod period, string? notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!turn.TryGetMember(out var tenantId, out var known))
        {
            return null;
        }

        var locale = turn.Locale;
        store.ForTenant(tenantId);
        var member = await store.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == known.Id, cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            return null;
        }

        var zone = await clock.MemberZoneAsync(member.Id, member.TimeZone, cancellationToken).ConfigureAwait(false);
        var now = clock.Now;
        var today = clock.TodayIn(zone);
        var calendar = await calendars.ForMemberAsync(tenantId, member.Id, zone, cancellationToken).ConfigureAwait(false);
        var kpis = await store.Kpis.AsNoTracking().Where(k => k.IsActive).OrderBy(k => k.SortOrder).ThenBy(k => k.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var actuals = await results.ActualsAsync(member.Id, period.Start, period.End, cancellationToken).ConfigureAwait(false);
        // One read for every KPI's target: the card's latency is mostly round trips (docs/benchmarks.md).
        var targets = await plan.MemberTargetsForAsync(member.Id, kpis, period, calendar, cancellationToken).ConfigureAwait(false);
        var rows = new List<TargetsRow>(kpis.Count);
        foreach (var kpi in kpis)
        {
            var target = targets.GetValueOrDefault(kpi.Id);
            var actual = actuals.TryGetValue(kpi.Id, out var found) ? found.Amount : 0m;
            var pace = PaceCalculator.Calculate(new PaceInput(target?.Amount ?? 0m, actual, period, today, calendar));
            rows.Add(new TargetsRow(kpi.Key, KpiDefaults.NameOf(text, locale, kpi), kpi.Unit, kpi.Currency, pace, target?.IsSumOfSetPeriods == true));
        }

        var view = new TargetsView(member.Name ?? known.Name ?? string.Empty, period, rows, now, zone, notice, calendars.UncoveredYears(calendar, period));
        return TargetsCard.Build(text, locale, view);
    }
}
