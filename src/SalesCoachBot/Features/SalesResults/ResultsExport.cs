using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Exports;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.SalesResults;

/// <summary>
/// The "results" export: every result (not undone) of the team's active reps in the period — the same reps and results
/// the ledger's actuals count — oldest first: date, rep, e-mail, KPI (in the reader's language), amount, customer, note,
/// source and external id.
/// </summary>
internal sealed class ResultsExport(SalesCoachDbContext store, BotText text) : IExportSource
{
    public string Kind => ExportKinds.Results;

    public async Task<ExportContent> BuildAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        store.ForTenant(request.TenantId);
        var (from, to) = (request.Period.Start, request.Period.End);
        var repIds = store.TeamMemberships
            .Where(m => m.SalesTeamId == request.TeamId && m.LeftAt == null && m.Role == TeamRole.Rep)
            .Select(m => m.MemberId);
        var rows = await store.SalesResults.AsNoTracking()
            .Where(r => repIds.Contains(r.MemberId) && r.OccurredOn >= from && r.OccurredOn <= to && r.UndoneAt == null)
            .Join(store.Members, r => r.MemberId, m => m.Id, (r, m) => new { r.Id, r.OccurredOn, m.Name, m.Email, r.KpiId, r.Amount, r.Customer, r.Note, r.Source, r.ExternalId })
            .OrderBy(r => r.OccurredOn).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var kpiIds = rows.Select(r => r.KpiId).Distinct().ToList();
        var kpis = await store.Kpis.AsNoTracking().Where(k => kpiIds.Contains(k.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var locale = request.Language;
        var names = kpis.ToDictionary(k => k.Id, k => KpiDefaults.NameOf(text, locale, k));
        string H(string key) => text.Get(locale, key);

        var sheet = new ExportSheet(H(ResultsTextKeys.ExportSheet), [
            new(H(ResultsTextKeys.ExportDate), ExportCellKind.Date, 10), new(H(ResultsTextKeys.ExportRep), ExportCellKind.Text, 16),
            new(H(ResultsTextKeys.ExportEmail), ExportCellKind.Text, 24), new(H(ResultsTextKeys.ExportKpi), ExportCellKind.Text, 16),
            new(H(ResultsTextKeys.ExportAmount), ExportCellKind.Amount), new(H(ResultsTextKeys.ExportCustomer), ExportCellKind.Text, 20),
            new(H(ResultsTextKeys.ExportNote), ExportCellKind.Text, 30), new(H(ResultsTextKeys.ExportSource), ExportCellKind.Text, 10),
            new(H(ResultsTextKeys.ExportExternalId), ExportCellKind.Text, 16),
        ], [.. rows.Select(r => (IReadOnlyList<object?>)[
            r.OccurredOn, r.Name, r.Email, names.GetValueOrDefault(r.KpiId), r.Amount, r.Customer, r.Note, r.Source, r.ExternalId])]);
        return new ExportContent([sheet]);
    }
}
