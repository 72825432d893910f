namespace SalesCoachBot.Uploads;

/// <summary>
/// One data row of an uploaded table: its line (header = 1; in a CSV the physical line, so a quoted cell over two lines
/// moves the next row's number on), its cells by lower-cased header name (trimmed), and how many fields the line had.
/// </summary>
internal sealed record SheetRow(int Line, IReadOnlyDictionary<string, string> Cells, int FieldCount)
{
    /// <summary>The cell, or null when the column is absent or the cell empty.</summary>
    public string? this[string column] => Cells.TryGetValue(column, out var value) && value.Length > 0 ? value : null;
}

/// <summary>The header (lower-cased, trimmed, repeats kept) and rows of an uploaded file.</summary>
internal sealed record SheetContent(IReadOnlyList<string> Header, IReadOnlyList<SheetRow> Rows);

/// <summary>
/// The whole file is unusable and nothing of it is taken. <see cref="TextKey"/> with <see cref="Args"/> says why in the
/// member's language (chat uploads); <see cref="Exception.Message"/> says it in English, with no cell values, for the
/// admin API's 400 answer and for logs.
/// </summary>
internal sealed class UploadRefusedException(string textKey, IReadOnlyList<object?> args, string message) : Exception(message)
{
    public string TextKey { get; } = textKey;

    public IReadOnlyList<object?> Args { get; } = args;
}

/// <summary>The file types an upload may be: CSV or XLSX.</summary>
internal enum SheetFormat
{
    Csv,
    Xlsx,
}
