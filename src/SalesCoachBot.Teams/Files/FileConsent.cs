using System.Text.Json;
using SalesCoachBot.Teams.Activities;

namespace SalesCoachBot.Teams.Files;

/// <summary>
/// Teams' file consent flow in a 1:1 chat (the manifest's bot needs <c>supportsFiles</c>): the bot sends a file consent
/// card (<see cref="ConsentAttachment"/>); the person accepts or declines; Teams then sends the invoke
/// <see cref="InvokeName"/> whose value (<see cref="FileConsentResponse"/>) carries the context the bot put on the card and,
/// on accept, an upload session in the person's OneDrive (<see cref="FileUploadInfo"/>). The bot PUTs the file there
/// (<see cref="FileUploadClient"/>), then shows it with a file info card (<see cref="InfoAttachment"/>), and answers the
/// invoke with 200.
/// </summary>
public static class FileConsent
{
    /// <summary>The invoke name of an accepted or declined file consent card.</summary>
    public const string InvokeName = "fileConsent/invoke";

    /// <summary>The attachment content type of a file consent card.</summary>
    public const string ConsentContentType = "application/vnd.microsoft.teams.card.file.consent";

    /// <summary>The attachment content type of a file info card (a file uploaded to the person's OneDrive).</summary>
    public const string InfoContentType = "application/vnd.microsoft.teams.card.file.info";

    /// <summary><see cref="FileConsentResponse.Action"/> when the person accepted.</summary>
    public const string Accept = "accept";

    /// <summary><see cref="FileConsentResponse.Action"/> when the person declined.</summary>
    public const string Decline = "decline";

    /// <summary>A file consent card for a file of <paramref name="fileName"/>; Teams shows the name, size and description.</summary>
    public static Attachment ConsentAttachment(string fileName, FileConsentCard card) => new()
    {
        ContentType = ConsentContentType,
        Name = fileName,
        Content = card,
    };

    /// <summary>A file info card for a file the bot uploaded: its name, OneDrive URL, unique id and type (e.g. xlsx).</summary>
    public static Attachment InfoAttachment(FileUploadInfo uploaded)
    {
        ArgumentNullException.ThrowIfNull(uploaded);
        return new Attachment
        {
            ContentType = InfoContentType,
            Name = uploaded.Name,
            ContentUrl = uploaded.ContentUrl,
            Content = new FileInfoCard(uploaded.UniqueId, uploaded.FileType),
        };
    }

    /// <summary>The value of a <see cref="InvokeName"/> invoke, or null when the activity carries none that reads as one.</summary>
    public static FileConsentResponse? Read(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        try
        {
            return value.Deserialize<FileConsentResponse>(BotJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// The content of a file consent card. <see cref="AcceptContext"/> and <see cref="DeclineContext"/> come back unchanged in
/// the invoke (<see cref="FileConsentResponse.Context"/>): they are client-held, so anything in them must be verifiable
/// (e.g. signed), never trusted.
/// </summary>
/// <param name="Description">What the file is, shown on the card.</param>
/// <param name="SizeInBytes">The file's size, shown on the card.</param>
/// <param name="AcceptContext">Returned when the person accepts.</param>
/// <param name="DeclineContext">Returned when the person declines.</param>
public sealed record FileConsentCard(string Description, long SizeInBytes, object? AcceptContext, object? DeclineContext);

/// <summary>The content of a file info card.</summary>
/// <param name="UniqueId">The uploaded file's id (from <see cref="FileUploadInfo.UniqueId"/>).</param>
/// <param name="FileType">Its extension without the dot, e.g. xlsx.</param>
public sealed record FileInfoCard(string? UniqueId, string? FileType);

/// <summary>The value of a <see cref="FileConsent.InvokeName"/> invoke.</summary>
/// <param name="Type">fileUpload.</param>
/// <param name="Action"><see cref="FileConsent.Accept"/> or <see cref="FileConsent.Decline"/>.</param>
/// <param name="Context">The card's accept or decline context, as the client sent it back.</param>
/// <param name="UploadInfo">On accept: where to upload the file.</param>
public sealed record FileConsentResponse(string? Type, string? Action, JsonElement Context, FileUploadInfo? UploadInfo)
{
    /// <summary>True when the person accepted.</summary>
    public bool IsAccepted => string.Equals(Action, FileConsent.Accept, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Where an accepted file goes: an upload session in the person's OneDrive.</summary>
/// <param name="Name">The file name Teams chose (it may add a suffix when the name exists).</param>
/// <param name="UploadUrl">The upload session URL to PUT the bytes to (pre-authenticated: no bot token).</param>
/// <param name="ContentUrl">Where the file will be, for the file info card.</param>
/// <param name="UniqueId">The file's id, for the file info card.</param>
/// <param name="FileType">Its extension without the dot.</param>
public sealed record FileUploadInfo(string? Name, string? UploadUrl, string? ContentUrl, string? UniqueId, string? FileType);
