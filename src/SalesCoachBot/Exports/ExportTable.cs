using SalesCoachBot.Sales;

namespace SalesCoachBot.Exports;

/// <summary>The file formats of an export.</summary>
internal enum ExportFormat
{
    Xlsx = 0,
    Csv = 1,
}

/// <summary>How a column's cells are written: text, a money-like amount (two decimals), a one-decimal figure, a date, or a whole number.</summary>
internal enum ExportCellKind
{
    Text = 0,
    Amount = 1,
    Figure = 2,
    Date = 3,
    Whole = 4,
}

/// <summary>A column: its header (in the reader's language), its kind and its width in characters (XLSX).</summary>
internal sealed record ExportColumn(string Header, ExportCellKind Kind, double Width = 14);

/// <summary>
/// One table of an export. Cells are <see cref="string"/>, <see cref="decimal"/>, <see cref="DateOnly"/> or null, as the
/// column's kind says.
/// </summary>
internal sealed record ExportSheet(string Name, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// What a source supplies: the sheets of the workbook, the first one being the CSV (a CSV holds one table, so the first
/// sheet must stand on its own).
/// </summary>
internal sealed record ExportContent(IReadOnlyList<ExportSheet> Sheets);

/// <summary>What to export: a live sales team of the tenant, a period and the language of the headers.</summary>
internal sealed record ExportRequest(string TenantId, long TeamId, string TeamName, SalesPeriod Period, string Language);

/// <summary>
/// A kind of export (<see cref="ExportKinds"/>), implemented by the feature that owns the numbers, so the export shows what
/// the feature's own cards show (the same calculation), and the export code never reads another feature's tables.
/// </summary>
internal interface IExportSource
{
    /// <summary>One of <see cref="ExportKinds"/>.</summary>
    string Kind { get; }

    /// <summary>The sheets; the request's team is live and the caller was checked.</summary>
    Task<ExportContent> BuildAsync(ExportRequest request, CancellationToken cancellationToken);
}

/// <summary>The kinds of export, as files, links and the admin API name them.</summary>
internal static class ExportKinds
{
    /// <summary>Scorecards: one row per rep and scored KPI, each rep's total (implemented by the scorecards feature).</summary>
    public const string Scorecard = "scorecard";

    /// <summary>Every result of the team's reps in the period (implemented by the sales-results feature).</summary>
    public const string Results = "results";

    public static IReadOnlyList<string> All { get; } = [Scorecard, Results];
}

/// <summary>A built file: its name, content type and bytes.</summary>
internal sealed record ExportFile(string FileName, string ContentType, ExportFormat Format, byte[] Content)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>The extension without the dot: xlsx or csv.</summary>
    public string FileType => Format == ExportFormat.Csv ? "csv" : "xlsx";
}
