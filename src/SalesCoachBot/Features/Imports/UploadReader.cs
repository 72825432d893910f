using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Uploads;

namespace SalesCoachBot.Features.Imports;

/// <summary>
/// An upload waiting to be read: whose it is, where to download it from, and the "Reading your file…" message (its
/// conversation and id) the preview replaces.
/// </summary>
internal sealed record UploadRead(
    string TenantId, long MemberId, Uri DownloadUrl, SheetFormat Format, string FileName, string? Locale,
    string ServiceUrl, ConversationAccount Conversation, string? PlaceholderId, string? ChannelId, ChannelAccount? Bot, ChannelAccount? Member);

/// <summary>
/// Downloads, reads and checks one uploaded file in its own scope (outside the request that brought it) and answers
/// with the preview card, or the short reason the file was refused. Keeps the valid rows as a pending import.
/// </summary>
internal sealed partial class UploadReader(
    FileDownloader downloader, UploadChecker checker, SalesCoachDbContext store, IKpiCatalog catalog, BotText text, TimeProvider time,
    IOptions<ImportOptions> options, ILogger<UploadReader> logger)
{
    public async Task<Activity> PreviewAsync(UploadRead read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var locale = read.Locale;
        var (content, failure) = await downloader.DownloadAsync(read.DownloadUrl, cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return Plain(failure switch
            {
                DownloadFailure.HostNotAllowed => text.Get(locale, ImportsTextKeys.HostNotAllowed),
                DownloadFailure.TooLarge => text.Get(locale, UploadTextKeys.TooLarge, Math.Round(options.Value.MaxFileBytes / (1024m * 1024m), 1)),
                _ => text.Get(locale, ImportsTextKeys.Unavailable),
            });
        }

        // A scope of its own, not the request's: bind the store to the uploader's tenant again.
        store.ForTenant(read.TenantId);
        var uploader = await store.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == read.MemberId, cancellationToken).ConfigureAwait(false);
        if (uploader is null)
        {
            return Plain(TurnGuard.NoMember(text, locale));
        }

        CheckedUpload checkedUpload;
        ImportHeader header;
        try
        {
            var sheet = UploadedTable.Read(read.Format, content, options.Value.Limits);
            header = ImportColumns.Normalize(sheet, await catalog.VocabularyAsync(cancellationToken).ConfigureAwait(false));
            checkedUpload = await checker.CheckAsync(read.TenantId, uploader, header.Kind, header.Rows, locale, cancellationToken).ConfigureAwait(false);
        }
        catch (UploadRefusedException refusal)
        {
            LogRefused(logger, refusal.TextKey);
            return Plain(text.Get(locale, refusal.TextKey, [.. refusal.Args]));
        }

        long? importId = null;
        if (checkedUpload.ValidCount > 0)
        {
            var now = time.GetUtcNow();
            var pending = new PendingImport
            {
                TenantId = read.TenantId,
                MemberId = uploader.Id,
                FileName = read.FileName,
                Kind = checkedUpload.Kind,
                RowsJson = checkedUpload.Kind == ImportKind.Results
                    ? JsonSerializer.Serialize(checkedUpload.Results, ImportJson.Options)
                    : JsonSerializer.Serialize(checkedUpload.Targets, ImportJson.Options),
                ValidRows = checkedUpload.ValidCount,
                RejectedRows = checkedUpload.Rejected.Count,
                CreatedAt = now,
                ExpiresAt = now + options.Value.PreviewLifetime,
                Status = PendingImportStatus.Pending,
            };
            store.PendingImports.Add(pending);
            await store.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            importId = pending.Id;
        }

        LogChecked(logger, checkedUpload.Kind, checkedUpload.ValidCount, checkedUpload.Rejected.Count);
        var card = ImportCard.Preview(text, locale, new ImportPreview(
            read.FileName, checkedUpload.Kind, checkedUpload.RowCount, checkedUpload.ValidCount, checkedUpload.Rejected, checkedUpload.Samples,
            importId, options.Value.PreviewLifetime, header.Read, header.NotTracked, header.Ignored));
        return Activity.CreateCard(card, card.FallbackText);
    }

    // The texts quote the file name: plain, so Teams shows it as sent.
    public static Activity Plain(string message)
    {
        var reply = Activity.CreateMessage(message);
        reply.TextFormat = "plain";
        return reply;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "An uploaded file was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "An uploaded {Kind} file was checked: {Valid} rows valid, {Rejected} rejected")]
    private static partial void LogChecked(ILogger logger, ImportKind kind, int valid, int rejected);
}
