using SalesCoachBot.Data;

namespace SalesCoachBot.Features.Imports;

/// <summary>One KPI a result row adds to, with the external id that makes a re-import find it.</summary>
internal sealed record PendingEffect(long KpiId, decimal Amount, string ExternalId);

/// <summary>A checked result row, waiting in <see cref="Data.PendingImport.RowsJson"/>.</summary>
internal sealed record PendingResult(int Line, long MemberId, DateOnly Date, string? Customer, string? Note, IReadOnlyList<PendingEffect> Effects);

/// <summary>A checked target row: yearly (with optional month weights) when <see cref="Period"/> is null, else an override.</summary>
internal sealed record PendingTarget(int Line, long MemberId, long KpiId, int Year, string? Period, decimal Amount, IReadOnlyList<decimal>? Weights);

/// <summary>A refused row: its line (header = 1) and why, in the uploader's language.</summary>
internal sealed record RejectedLine(int Line, string Reason);

/// <summary>What checking a file found: the rows to import, the refused ones, and a few valid rows as the member will read them.</summary>
internal sealed record CheckedUpload(
    ImportKind Kind,
    IReadOnlyList<PendingResult> Results,
    IReadOnlyList<PendingTarget> Targets,
    IReadOnlyList<RejectedLine> Rejected,
    IReadOnlyList<string> Samples)
{
    public int ValidCount => Kind == ImportKind.Results ? Results.Count : Targets.Count;

    public int RowCount => ValidCount + Rejected.Count;
}
