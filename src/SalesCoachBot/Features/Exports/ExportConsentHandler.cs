using System.Text.Json;
using SalesCoachBot.Contacts;
using SalesCoachBot.Exports;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Files;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Features.Exports;

/// <summary>
/// The answer to an export's file consent card (<see cref="FileConsent.InvokeName"/>). The card's context is a signed
/// ticket, and the client may send anything back, so before anything is uploaded: the signature and expiry, that the
/// invoke comes from the 1:1 chat of the same tenant and member the ticket was made for, and (in
/// <see cref="ExportFiles.BuildForAsync"/>) that they still manage the team. Accept: the file is built again and PUT to
/// the upload session, then shown with a file info card. Decline: the download link. A failed upload: an apology with
/// the link. Every answer to the invoke itself is 200 (Teams expects it; refusals are told in the chat).
/// </summary>
internal sealed partial class ExportConsentHandler(
    ExportFiles files, ExportSigner signer, ExportLinks links, FileUploadClient uploads, IHostEnvironment environment, BotText text,
    ILogger<ExportConsentHandler> logger) : IInvokeHandler
{
    /// <summary>The key of the ticket in the card's accept and decline contexts.</summary>
    public const string TokenKey = "export";

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        var consent = FileConsent.Read(turn.Activity);
        if (consent is null)
        {
            return InvokeResponse.BadRequest("The file consent answer has no value.");
        }

        var token = consent.Context.ValueKind == JsonValueKind.Object && consent.Context.TryGetProperty(TokenKey, out var value)
            && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var check = signer.TryRead(token, out var ticket);
        if (!turn.TryGetMember(out var tenantId, out var caller) || !turn.IsPersonal || check == TicketCheck.Forged
            || ticket!.TenantId != tenantId || ticket.MemberId != caller.Id)
        {
            await Say(turn, text.Get(locale, ExportsTextKeys.NotAllowed), cancellationToken).ConfigureAwait(false);
            return InvokeResponse.Ok;
        }

        if (check == TicketCheck.Expired)
        {
            await Say(turn, text.Get(locale, ExportsTextKeys.Expired), cancellationToken).ConfigureAwait(false);
            return InvokeResponse.Ok;
        }

        var renewed = signer.Renew(ticket);
        if (!consent.IsAccepted)
        {
            var team = await files.TeamAsync(ticket.TenantId, ticket.TeamId, cancellationToken).ConfigureAwait(false);
            var name = ExportText.FileName(ticket.Kind, team?.Name ?? string.Empty, ticket.PeriodKey, ticket.Format);
            await Say(turn, text.Get(locale, ExportsTextKeys.Declined, links.LifetimeMinutes, name, links.For(renewed)), cancellationToken)
                .ConfigureAwait(false);
            return InvokeResponse.Ok;
        }

        var (file, _) = await files.BuildForAsync(ticket, cancellationToken).ConfigureAwait(false);
        if (file is null)
        {
            await Say(turn, text.Get(locale, ExportsTextKeys.NotAllowed), cancellationToken).ConfigureAwait(false);
            return InvokeResponse.Ok;
        }

        var upload = consent.UploadInfo;
        try
        {
            if (upload?.UploadUrl is null || !Uri.TryCreate(upload.UploadUrl, UriKind.Absolute, out var uploadUrl))
            {
                throw new FileUploadException("The file consent answer has no upload URL.");
            }

            await uploads.UploadAsync(uploadUrl, file.Content, allowLoopback: environment.IsDevelopment(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is FileUploadException or HttpRequestException
            || error is TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUploadFailed(logger, error, tenantId, ticket.TeamId);
            await Say(turn, text.Get(locale, ExportsTextKeys.UploadFailed, links.LifetimeMinutes, file.FileName, links.For(renewed)), cancellationToken)
                .ConfigureAwait(false);
            return InvokeResponse.Ok;
        }

        var shown = upload with { Name = upload.Name ?? file.FileName, FileType = upload.FileType ?? file.FileType };
        await turn.SendAsync(new Activity { Type = ActivityTypes.Message, Attachments = [FileConsent.InfoAttachment(shown)] }, cancellationToken)
            .ConfigureAwait(false);
        return InvokeResponse.Ok;
    }

    private static Task<Teams.Connector.ResourceResponse> Say(TurnContext turn, string message, CancellationToken cancellationToken)
    {
        var reply = Activity.CreateMessage(message);
        reply.TextFormat = "markdown";
        return turn.SendAsync(reply, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Uploading an export of sales team {TeamId} in tenant {TenantId} to the person's OneDrive failed; they got the download link")]
    private static partial void LogUploadFailed(ILogger logger, Exception error, string tenantId, long teamId);
}
