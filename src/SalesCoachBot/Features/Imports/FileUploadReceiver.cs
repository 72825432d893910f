using System.Text.Json;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;
using SalesCoachBot.Uploads;

namespace SalesCoachBot.Features.Imports;

/// <summary>
/// Takes the messages that carry a file the member sent the bot (Teams attachment
/// <see cref="FileDownloadInfoType"/>; the bot manifest has <c>supportsFiles</c>). What needs no download is answered at
/// once (wrong chat, unknown member, unsupported type, a link outside Teams file storage); otherwise the turn answers
/// "Reading your file…" and hands the file to <see cref="UploadReadQueue"/>, which downloads, reads and checks it outside
/// the request and replaces that message with the preview card. Other messages pass on. Register after the contact
/// recorder, which puts the member and tenant on the turn.
/// </summary>
internal sealed class FileUploadReceiver(FileDownloader downloader, UploadReadQueue reads, BotText text) : ITurnMiddleware
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
        var (downloadUrl, fileType) = ContentOf(file);
        var format = UploadedTable.FormatOf(fileType, fileName);
        var refusal = format is null ? text.Get(locale, ImportsTextKeys.UnsupportedType, fileName)
            : downloadUrl is null ? text.Get(locale, ImportsTextKeys.Unavailable)
            : !downloader.IsAllowed(downloadUrl) ? text.Get(locale, ImportsTextKeys.HostNotAllowed)
            : null;
        if (refusal is not null)
        {
            await turn.SendAsync(UploadReader.Plain(refusal), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Answer at once and read outside the request: a large file would otherwise hold the turn past Teams' timeout.
            var placeholder = UploadReader.Plain(text.Get(locale, ImportsTextKeys.Reading, fileName));
            var sent = await turn.SendAsync(placeholder, cancellationToken).ConfigureAwait(false);
            reads.Enqueue(new UploadRead(
                tenantId, known.Id, downloadUrl!, format!.Value, fileName, locale,
                placeholder.ServiceUrl!, placeholder.Conversation!, sent.Id, placeholder.ChannelId, placeholder.From, placeholder.Recipient));
        }

        if (files.Count > 1)
        {
            await turn.SendAsync(UploadReader.Plain(text.Get(locale, ImportsTextKeys.OnlyFirstFile, fileName)), cancellationToken).ConfigureAwait(false);
        }
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
}

/// <summary>How pending rows are stored as JSON.</summary>
internal static class ImportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
