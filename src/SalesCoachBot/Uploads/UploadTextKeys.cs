namespace SalesCoachBot.Uploads;

/// <summary>
/// Keys of the reasons a whole file is refused. They live in Localization/imports.*.json because chat uploads are where
/// a member reads them; the admin API answers with the exception's English message instead.
/// </summary>
internal static class UploadTextKeys
{
    /// <summary>Argument: the limit in MB.</summary>
    public const string TooLarge = "imports.tooLarge";
    public const string Unreadable = "imports.unreadable";
    public const string Encoding = "imports.encoding";
    public const string Empty = "imports.empty";

    /// <summary>Argument: the row limit.</summary>
    public const string TooManyRows = "imports.tooManyRows";

    /// <summary>Argument: the column limit.</summary>
    public const string TooManyColumns = "imports.tooManyColumns";

    /// <summary>Argument: the unpacked-size limit in MB.</summary>
    public const string UnpackedTooLarge = "imports.unpackedTooLarge";
}
