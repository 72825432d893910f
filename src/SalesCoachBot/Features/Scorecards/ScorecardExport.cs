using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Exports;
using SalesCoachBot.Localization;

namespace SalesCoachBot.Features.Scorecards;

/// <summary>
/// The "scorecard" export: the team's scorecards as <see cref="ScorecardReader"/> reads them for the card (the same
/// calculation), figures rounded as the card shows them. Sheet 1 (also the CSV): per rep, one row per scored KPI —
/// target, actual, attainment, score, its final weight and the weighted points — then a total row whose points are the
/// rep's total score. Sheet 2: one row per rep with rank and total.
/// </summary>
internal sealed class ScorecardExport(ScorecardReader reader, SalesCoachDbContext store, BotText text) : IExportSource
{
    public string Kind => ExportKinds.Scorecard;

    public async Task<ExportContent> BuildAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var locale = request.Language;
        var scorecard = await reader.ReadAsync(request.TenantId, request.TeamId, request.Period, locale, null, cancellationToken).ConfigureAwait(false);
        var reps = scorecard?.Reps ?? [];
        var ids = reps.Select(r => r.MemberId).ToList();
        var emails = await store.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.Email })
            .ToDictionaryAsync(m => m.Id, m => m.Email, cancellationToken).ConfigureAwait(false);
        string H(string key) => text.Get(locale, key);

        var detail = new List<IReadOnlyList<object?>>();
        var summary = new List<IReadOnlyList<object?>>();
        var rank = 0;
        foreach (var rep in reps)
        {
            var email = emails.GetValueOrDefault(rep.MemberId);
            var scored = rep.Score.Scored.ToList();
            foreach (var kpi in scored)
            {
                var about = scorecard!.Kpi(kpi.KpiId);
                var share = kpi.ShareOfTotal!.Value;
                detail.Add([
                    rep.Name, email, about.Name, Unit(about, locale), kpi.Target, kpi.Actual,
                    ScorecardCalculator.Round(kpi.Attainment!.Value), ScorecardCalculator.Round(kpi.Score!.Value),
                    ScorecardCalculator.Round(share), ScorecardCalculator.Round(share * kpi.Score!.Value / 100m),
                ]);
            }

            var total = rep.Score.Total is { } value ? ScorecardCalculator.Round(value) : (decimal?)null;
            detail.Add([rep.Name, email, H(ScorecardsTextKeys.ExportTotal), null, null, null, null, null, scored.Count > 0 ? 100m : null, total]);
            summary.Add([total is null ? null : ++rank, rep.Name, email, total, (decimal)scored.Count]);
        }

        var detailSheet = new ExportSheet(H(ScorecardsTextKeys.ExportSheet), [
            new(H(ScorecardsTextKeys.ExportRep), ExportCellKind.Text, 16), new(H(ScorecardsTextKeys.ExportEmail), ExportCellKind.Text, 24), new(H(ScorecardsTextKeys.ExportKpi), ExportCellKind.Text, 16),
            new(H(ScorecardsTextKeys.ExportUnit), ExportCellKind.Text, 8), new(H(ScorecardsTextKeys.ExportTarget), ExportCellKind.Amount), new(H(ScorecardsTextKeys.ExportActual), ExportCellKind.Amount),
            new(H(ScorecardsTextKeys.ExportAttainment), ExportCellKind.Figure), new(H(ScorecardsTextKeys.ExportScore), ExportCellKind.Figure), new(H(ScorecardsTextKeys.ExportWeight), ExportCellKind.Figure),
            new(H(ScorecardsTextKeys.ExportPoints), ExportCellKind.Figure),
        ], detail);
        var summarySheet = new ExportSheet(H(ScorecardsTextKeys.ExportSummarySheet), [
            new(H(ScorecardsTextKeys.ExportRank), ExportCellKind.Whole, 6), new(H(ScorecardsTextKeys.ExportRep), ExportCellKind.Text, 16), new(H(ScorecardsTextKeys.ExportEmail), ExportCellKind.Text, 24),
            new(H(ScorecardsTextKeys.ExportTotalScore), ExportCellKind.Figure), new(H(ScorecardsTextKeys.ExportKpisScored), ExportCellKind.Whole),
        ], [.. summary.Select(r => (IReadOnlyList<object?>)[.. r.Select(c => c is int n ? (decimal)n : c)])]);
        return new ExportContent([detailSheet, summarySheet]);
    }

    private string Unit(ScorecardKpi kpi, string locale) => kpi.Unit switch
    {
        KpiUnit.Currency => kpi.Currency ?? string.Empty,
        KpiUnit.Percent => "%",
        _ => text.Get(locale, ScorecardsTextKeys.ExportUnitCount),
    };
}
