using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Imports;

/// <summary>What happened to a pending import when its owner pressed a button.</summary>
internal enum ImportOutcome
{
    Imported,
    Cancelled,
    NotFound,
    AlreadyImported,
    AlreadyCancelled,
    Expired,
    RightsChanged,
}

/// <summary>
/// Confirms or cancels a pending import for its uploader. The import belongs to the member and tenant of the turn or it
/// is "not found" (another tenant's id is invisible through the tenant filter); it must still be pending and unexpired.
/// Confirming claims the row (pending → imported) and writes the rows in the same transaction, so pressing twice,
/// or two presses racing, import once. Rows whose id became another member's result since the preview are left out and
/// their lines returned.
/// </summary>
internal sealed partial class PendingImports(
    SalesCoachDbContext store, IResultLedger ledger, ITargetPlan plan, UploadChecker checker, TimeProvider time, ILogger<PendingImports> logger)
{
    public async Task<(ImportOutcome Outcome, PendingImport? Import, int Added, int Duplicates, IReadOnlyList<int> TakenLines)> ConfirmAsync(
        string tenantId, long memberId, long importId, CancellationToken cancellationToken)
    {
        store.ForTenant(tenantId);
        var (refusal, pending) = await FindAsync(memberId, importId, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return (refusal.Value, pending, 0, 0, []);
        }

        // Rights are checked again: a manager may have lost a team since the preview.
        var rows = Rows(pending!);
        var reachable = await checker.ReachableAsync(tenantId, memberId, pending!.Kind, cancellationToken).ConfigureAwait(false);
        if (reachable is null || rows.MemberIds.Any(id => id != memberId && !reachable.Contains(id)))
        {
            return (ImportOutcome.RightsChanged, pending, 0, 0, []);
        }

        var strategy = store.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            var transaction = await store.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionLifetime = transaction.ConfigureAwait(false);
            var claimed = await store.PendingImports
                .Where(p => p.Id == importId && p.MemberId == memberId && p.Status == PendingImportStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PendingImportStatus.Imported), cancellationToken).ConfigureAwait(false);
            if (claimed == 0)
            {
                return (ImportOutcome.AlreadyImported, pending, 0, 0, (IReadOnlyList<int>)[]);
            }

            int added, duplicates;
            var takenLines = new List<int>();
            if (pending.Kind == ImportKind.Results)
            {
                // Checked again, inside the transaction: another member may have taken one of the ids since the preview.
                // Such a row is left out whole (a deal's contract goes with its revenue) and never counts as already there.
                var taken = (await checker.TakenByOthersAsync(rows.Results, cancellationToken).ConfigureAwait(false))
                    .Select(t => t.Result.Line).ToHashSet();
                var toRecord = rows.Results.Where(r => !taken.Contains(r.Line)).ToList();
                var entries = toRecord.SelectMany(r => r.Effects.Select(e => new ResultEntry(
                        r.MemberId, e.KpiId, e.Amount, r.Date, ResultSources.File, e.ExternalId, r.Customer, r.Note, memberId)))
                    .ToList();
                var outcome = await ledger.RecordManyAsync(entries, cancellationToken).ConfigureAwait(false);
                // A row counts as already there when its first KPI was (a deal's contract follows its revenue).
                var index = 0;
                added = duplicates = 0;
                foreach (var row in toRecord)
                {
                    var statuses = outcome.Statuses.Skip(index).Take(row.Effects.Count).ToList();
                    if (statuses.Contains(BatchEntryStatus.TakenByAnotherMember))
                    {
                        taken.Add(row.Line);
                    }
                    else if (statuses[0] == BatchEntryStatus.AlreadyThere)
                    {
                        duplicates++;
                    }
                    else
                    {
                        added++;
                    }

                    index += row.Effects.Count;
                }

                takenLines.AddRange(taken.Order());
            }
            else
            {
                foreach (var row in rows.Targets)
                {
                    if (row.Period is null)
                    {
                        await plan.SetMemberYearlyAsync(row.MemberId, row.KpiId, row.Year, row.Amount, row.Weights, memberId, cancellationToken).ConfigureAwait(false);
                    }
                    else if (UploadChecker.TryParsePeriod(row.Period, out var period))
                    {
                        await plan.OverrideMemberAsync(row.MemberId, row.KpiId, period, row.Amount, memberId, cancellationToken).ConfigureAwait(false);
                    }
                }

                added = rows.Targets.Count;
                duplicates = 0;
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            LogImported(logger, pending.Id, pending.Kind, added, duplicates, takenLines.Count);
            return (ImportOutcome.Imported, pending, added, duplicates, (IReadOnlyList<int>)takenLines);
        }).ConfigureAwait(false);
    }

    private static (List<PendingResult> Results, List<PendingTarget> Targets, IEnumerable<long> MemberIds) Rows(PendingImport pending)
    {
        if (pending.Kind == ImportKind.Results)
        {
            var results = JsonSerializer.Deserialize<List<PendingResult>>(pending.RowsJson, ImportJson.Options) ?? [];
            return (results, [], results.Select(r => r.MemberId));
        }

        var targets = JsonSerializer.Deserialize<List<PendingTarget>>(pending.RowsJson, ImportJson.Options) ?? [];
        return ([], targets, targets.Select(t => t.MemberId));
    }

    public async Task<(ImportOutcome Outcome, PendingImport? Import)> CancelAsync(
        string tenantId, long memberId, long importId, CancellationToken cancellationToken)
    {
        store.ForTenant(tenantId);
        var (refusal, pending) = await FindAsync(memberId, importId, cancellationToken).ConfigureAwait(false);
        if (refusal is not null and not ImportOutcome.Expired)
        {
            return (refusal.Value, pending);
        }

        var changed = await store.PendingImports
            .Where(p => p.Id == importId && p.MemberId == memberId && p.Status == PendingImportStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PendingImportStatus.Cancelled), cancellationToken).ConfigureAwait(false);
        return (changed == 1 ? ImportOutcome.Cancelled : ImportOutcome.AlreadyImported, pending);
    }

    private async Task<(ImportOutcome? Refusal, PendingImport? Import)> FindAsync(long memberId, long importId, CancellationToken cancellationToken)
    {
        var pending = await store.PendingImports.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == importId && p.MemberId == memberId, cancellationToken).ConfigureAwait(false);
        return pending switch
        {
            null => (ImportOutcome.NotFound, null),
            { Status: PendingImportStatus.Imported } => (ImportOutcome.AlreadyImported, pending),
            { Status: PendingImportStatus.Cancelled } => (ImportOutcome.AlreadyCancelled, pending),
            _ when pending.ExpiresAt <= time.GetUtcNow() => (ImportOutcome.Expired, pending),
            _ => (null, pending),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pending import {ImportId} ({Kind}) imported: {Added} added, {Duplicates} already there, {Taken} left out as another member's ids")]
    private static partial void LogImported(ILogger logger, long importId, ImportKind kind, int added, int duplicates, int taken);
}

/// <summary>The preview card's Import button (<see cref="ImportCard.ConfirmVerb"/>).</summary>
internal sealed class ConfirmImportAction(PendingImports imports, BotText text) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var locale = turn.Locale;
        if (ImportActionGuard.Refusal(turn, action, text, out var tenantId, out var memberId, out var importId) is { } refusal)
        {
            return refusal;
        }

        try
        {
            var (outcome, import, added, duplicates, takenLines) = await imports.ConfirmAsync(tenantId, memberId, importId, cancellationToken).ConfigureAwait(false);
            return outcome == ImportOutcome.Imported
                ? CardActionResult.UpdateCard(ImportCard.Imported(text, locale, import!.FileName, import.Kind, added, duplicates, takenLines))
                : ImportActionGuard.Answer(text, locale, outcome);
        }
        catch (DbUpdateException)
        {
            // A concurrent writer (a webhook, another upload) stored one of the rows first; the transaction rolled back.
            return CardActionResult.Text(text.Get(locale, ImportsTextKeys.Failed));
        }
    }
}

/// <summary>The preview card's Cancel button (<see cref="ImportCard.CancelVerb"/>).</summary>
internal sealed class CancelImportAction(PendingImports imports, BotText text) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var locale = turn.Locale;
        if (ImportActionGuard.Refusal(turn, action, text, out var tenantId, out var memberId, out var importId) is { } refusal)
        {
            return refusal;
        }

        var (outcome, import) = await imports.CancelAsync(tenantId, memberId, importId, cancellationToken).ConfigureAwait(false);
        return outcome == ImportOutcome.Cancelled
            ? CardActionResult.UpdateCard(ImportCard.Cancelled(text, locale, import!.FileName))
            : ImportActionGuard.Answer(text, locale, outcome);
    }
}

internal static class ImportActionGuard
{
    /// <summary>Why the button cannot act (no member on the turn, no or bad import id), or null.</summary>
    public static CardActionResult? Refusal(TurnContext turn, CardAction action, BotText text, out string tenantId, out long memberId, out long importId)
    {
        var locale = turn.Locale;
        importId = 0;
        if (!turn.TryGetMember(out tenantId, out var member))
        {
            memberId = 0;
            return CardActionResult.Text(TurnGuard.NoMember(text, locale));
        }

        memberId = member.Id;

        return long.TryParse(action.GetString(ImportCard.ImportIdKey), NumberStyles.None, CultureInfo.InvariantCulture, out importId)
            ? null
            : CardActionResult.Text(text.Get(locale, ImportsTextKeys.NotFound));
    }

    public static CardActionResult Answer(BotText text, string? locale, ImportOutcome outcome) => CardActionResult.Text(text.Get(locale, outcome switch
    {
        ImportOutcome.AlreadyImported => ImportsTextKeys.AlreadyImported,
        ImportOutcome.AlreadyCancelled => ImportsTextKeys.AlreadyCancelled,
        ImportOutcome.Expired => ImportsTextKeys.Expired,
        ImportOutcome.RightsChanged => ImportsTextKeys.RightsChanged,
        _ => ImportsTextKeys.NotFound,
    }));
}
