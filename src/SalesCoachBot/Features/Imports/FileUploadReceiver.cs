using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;
using SalesCoachBot.Uploads;

namespace SalesCoachBot.Features.Imports;

/// <summary>
/// Takes the messages that carry a file the member sent the bot (Teams attachment
/// <see cref="FileDownloadInfoType"/>; the bot manifest has <c>supportsFiles</c>) and answers with a preview card; other
/// messages pass on. Register after the contact recorder, which puts the member and tenant on the turn.
/// </summary>
internal sealed partial class FileUploadReceiver(
    FileDownloader downloader, UploadChecker checker, SalesCoachDbContext store, BotText text, TimeProvider time,
    IOptions<ImportOptions> options, ILogger<FileUploadReceiver> logger) : ITurnMiddleware
{
    public const string FileDownloadInfoType = "application/vnd.microsoft.teams.file.download.info";

    public async Task OnTurnAsync(TurnContext turn, Func<Task> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(next);
        var files = turn.Activity.Type == ActivityTypes.Message
            ? (turn.Activity.Attachments ?? []).Where(a => string.Equals(a.ContentType, FileDownloadInfoType, StringComparison.OrdinalIgnoreCase)).ToList()
            : [];
        if (files.Count == 0)
        {
            await next().ConfigureAwait(false);
            return;
        }

        var locale = turn.Locale;
        if (!turn.IsPersonal)
        {
            await turn.SendTextAsync(text.Get(locale, ImportsTextKeys.PersonalOnly), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!turn.TryGetMember(out var tenantId, out var known))
        {
            await turn.SendTextAsync(TurnGuard.NoMember(text, locale), cancellationToken).ConfigureAwait(false);
            return;
        }

        var file = files[0];
        var fileName = FileNameOf(file);
        var reply = await PreviewAsync(tenantId, known.Id, file, fileName, locale, cancellationToken).ConfigureAwait(false);
        await turn.SendAsync(reply, cancellationToken).ConfigureAwait(false);
        if (files.Count > 1)
        {
            await turn.SendAsync(Plain(text.Get(locale, ImportsTextKeys.OnlyFirstFile, fileName)), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Activity> PreviewAsync(
        string tenantId, long memberId, Attachment file, string fileName, string? locale, CancellationToken cancellationToken)
    {
        var (downloadUrl, fileType) = ContentOf(file);
        var format = UploadedTable.FormatOf(fileType, fileName);
        if (format is null)
        {
            return Plain(text.Get(locale, ImportsTextKeys.UnsupportedType, fileName));
        }

        if (downloadUrl is null)
        {
            return Plain(text.Get(locale, ImportsTextKeys.Unavailable));
        }

        var (content, failure) = await downloader.DownloadAsync(downloadUrl, cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return Plain(failure switch
            {
                DownloadFailure.HostNotAllowed => text.Get(locale, ImportsTextKeys.HostNotAllowed),
                DownloadFailure.TooLarge => text.Get(locale, UploadTextKeys.TooLarge, Math.Round(options.Value.MaxFileBytes / (1024m * 1024m), 1)),
                _ => text.Get(locale, ImportsTextKeys.Unavailable),
            });
        }

        store.ForTenant(tenantId);
        var uploader = await store.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken).ConfigureAwait(false);
        if (uploader is null)
        {
            return Plain(TurnGuard.NoMember(text, locale));
        }

        CheckedUpload checkedUpload;
        try
        {
            var sheet = UploadedTable.Read(format.Value, content, options.Value.Limits);
            var (kind, rows) = ImportColumns.Normalize(sheet);
            checkedUpload = await checker.CheckAsync(tenantId, uploader, kind, rows, locale, cancellationToken).ConfigureAwait(false);
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
                TenantId = tenantId,
                MemberId = uploader.Id,
                FileName = fileName,
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
            fileName, checkedUpload.Kind, checkedUpload.RowCount, checkedUpload.ValidCount, checkedUpload.Rejected, checkedUpload.Samples,
            importId, options.Value.PreviewLifetime));
        return Activity.CreateCard(card, card.FallbackText);
    }

    private static (Uri? DownloadUrl, string? FileType) ContentOf(Attachment file)
    {
        var content = file.Content switch
        {
            JsonElement element => element,
            null => default,
            var other => JsonSerializer.SerializeToElement(other, BotJson.Options),
        };
        if (content.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        var url = content.TryGetProperty("downloadUrl", out var u) && u.ValueKind == JsonValueKind.String
            && Uri.TryCreate(u.GetString(), UriKind.Absolute, out var parsed) ? parsed : null;
        var type = content.TryGetProperty("fileType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return (url, type);
    }

    private static string FileNameOf(Attachment file)
    {
        var name = Path.GetFileName(file.Name?.Trim() ?? string.Empty);
        if (name.Length == 0)
        {
            return "file";
        }

        return name.Length <= ColumnLengths.Name ? name : name[..ColumnLengths.Name];
    }

    // The texts quote the file name: plain, so Teams shows it as sent.
    private static Activity Plain(string message)
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

/// <summary>How pending rows are stored as JSON.</summary>
internal static class ImportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
