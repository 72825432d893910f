namespace SalesCoachBot.Uploads;

/// <summary>
/// How much of an uploaded table is read at most, so that a small file cannot make the reader walk or hold far more
/// than an export of a sales team's rows ever needs (a few-KB XLSX can span 16,384 columns × 1,048,576 rows, and a
/// zip can unpack to thousands of times its size). Every limit is checked before or while reading, never after.
/// </summary>
/// <param name="MaxRows">Most data rows (header not counted).</param>
/// <param name="MaxColumns">Most columns the table may span, from its first to its last used column.</param>
/// <param name="MaxUnpackedBytes">Most bytes an XLSX's zip entries may unpack to, added up, as the zip declares them.</param>
internal sealed record UploadLimits(int MaxRows, int MaxColumns = UploadLimits.DefaultMaxColumns, long MaxUnpackedBytes = UploadLimits.DefaultMaxUnpackedBytes)
{
    /// <summary>The importers need a handful of columns; 50 leaves room for a CRM export's extra ones.</summary>
    public const int DefaultMaxColumns = 50;

    /// <summary>A 20,000-row sheet of a dozen columns unpacks to about 5 MB; 64 MB is far above any real export.</summary>
    public const long DefaultMaxUnpackedBytes = 64L * 1024 * 1024;

    /// <summary>An XLSX has a dozen or so entries; a few hundred sheets and images are already an odd file.</summary>
    public const int MaxZipEntries = 1_000;

    /// <summary>
    /// Most an entry may unpack to per packed byte. Spreadsheet XML packs 5–30 times, a sheet of one value repeated up to
    /// about 100; a zip bomb packs hundreds to millions of times. Like Apache POI's ZipSecureFile (ratio 0.01).
    /// </summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>Entries smaller than this unpacked are not held to the ratio: tiny XML parts pack very well and harm nothing.</summary>
    public const long RatioGraceBytes = 100 * 1024;

    /// <summary>Most cells read: every cell of the largest table the row and column limits allow.</summary>
    public long MaxCells => (MaxRows + 1L) * MaxColumns;
}
