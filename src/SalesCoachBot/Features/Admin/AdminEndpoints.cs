using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;
using SalesCoachBot.Uploads;

namespace SalesCoachBot.Features.Admin;

/// <summary>
/// The CSV admin API. Every handler binds the store to the route's tenant, which <see cref="AdminApiKeyFilter"/>
/// has matched to the caller's key, so one tenant's key never reaches another tenant's rows.
/// </summary>
internal static partial class AdminEndpoints
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static async Task<IResult> ExportMembersAsync(string tenantId, SalesCoachDbContext db, CancellationToken cancellationToken) =>
        Results.Text(await MemberCsv.ExportAsync(db.ForTenant(tenantId), cancellationToken).ConfigureAwait(false), CsvContentType);

    public static async Task<IResult> ExportTeamsAsync(string tenantId, SalesCoachDbContext db, CancellationToken cancellationToken) =>
        Results.Text(await TeamCsv.ExportAsync(db.ForTenant(tenantId), cancellationToken).ConfigureAwait(false), CsvContentType);

    public static Task<IResult> ImportMembersAsync(
        string tenantId, HttpRequest request, SalesCoachDbContext db, IOptionsMonitor<AdminOptions> options, TimeProvider time,
        ILogger<AdminOptions> logger, CancellationToken cancellationToken) =>
        ImportAsync("members", MemberCsv.Columns, MemberCsv.RequiredColumns, MemberCsv.ImportAsync,
            tenantId, request, db, options.CurrentValue, time, logger, cancellationToken);

    public static Task<IResult> ImportTeamsAsync(
        string tenantId, HttpRequest request, SalesCoachDbContext db, IOptionsMonitor<AdminOptions> options, TimeProvider time,
        ILogger<AdminOptions> logger, CancellationToken cancellationToken) =>
        ImportAsync("teams", TeamCsv.Columns, TeamCsv.RequiredColumns, TeamCsv.ImportAsync,
            tenantId, request, db, options.CurrentValue, time, logger, cancellationToken);

    private static async Task<IResult> ImportAsync(
        string what,
        IReadOnlyList<string> columns,
        IReadOnlyList<string> requiredColumns,
        Func<SalesCoachDbContext, List<SheetRow>, List<RejectedRow>, DateTimeOffset, CancellationToken, Task<ImportReport>> import,
        string tenantId,
        HttpRequest request,
        SalesCoachDbContext db,
        AdminOptions options,
        TimeProvider time,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        List<SheetRow> rows;
        List<RejectedRow> rejected;
        try
        {
            (rows, rejected) = await CsvUpload.ReadAsync(request, columns, requiredColumns, options.MaxImportBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (UploadRefusedException error)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The file cannot be imported; nothing was changed.", detail: error.Message);
        }

        db.ForTenant(tenantId);
        var now = time.GetUtcNow();

        // One transaction: an import lands whole or not at all (a crash half-way leaves the previous state).
        var strategy = db.Database.CreateExecutionStrategy();
        ImportReport report;
        try
        {
            report = await strategy.ExecuteAsync(async () =>
            {
                var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using var transactionLifetime = transaction.ConfigureAwait(false);
                if (!await db.Tenants.AnyAsync(cancellationToken).ConfigureAwait(false))
                {
                    db.Tenants.Add(new Tenant { TenantId = tenantId, FirstSeenAt = now });
                }

                var result = await import(db, rows, [.. rejected], now, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // A concurrent import (or a first message from Teams) wrote the same member or team first.
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The same rows were changed at the same time; nothing was imported. Send the file again.");
        }

        LogImported(logger, what, tenantId, report.Imported, report.Unchanged, report.Rejected.Count);
        return Results.Ok(new
        {
            imported = report.Imported,
            unchanged = report.Unchanged,
            rejected = report.Rejected.OrderBy(r => r.Line).Select(r => new { line = r.Line, reason = r.Reason }),
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin import of {What} for tenant {TenantId}: {Imported} imported, {Unchanged} unchanged, {Rejected} rejected")]
    private static partial void LogImported(ILogger logger, string what, string tenantId, int imported, int unchanged, int rejected);
}
