using SalesCoachBot.Data;
using SalesCoachBot.Uploads;

namespace SalesCoachBot.Features.Imports;

/// <summary>
/// The columns an upload may have, by their English or Chinese header (any case), and how the header tells a results
/// file from a targets file: a <c>year</c> column means targets, a <c>date</c> column results.
/// </summary>
internal static class ImportColumns
{
    public const string Date = "date";
    public const string Kpi = "kpi";
    public const string Amount = "amount";
    public const string Member = "member";
    public const string Customer = "customer";
    public const string Note = "note";
    public const string Id = "id";
    public const string Year = "year";
    public const string Period = "period";
    public const string Weights = "weights";

    private static readonly Dictionary<string, string> ByHeader = new(StringComparer.Ordinal)
    {
        ["date"] = Date, ["日期"] = Date,
        ["kpi"] = Kpi, ["指标"] = Kpi,
        ["amount"] = Amount, ["金额"] = Amount, ["数量"] = Amount, ["target"] = Amount, ["目标"] = Amount,
        ["member"] = Member, ["email"] = Member, ["e-mail"] = Member, ["成员"] = Member, ["邮箱"] = Member,
        ["customer"] = Customer, ["客户"] = Customer,
        ["note"] = Note, ["备注"] = Note,
        ["id"] = Id, ["编号"] = Id,
        ["year"] = Year, ["年"] = Year, ["年份"] = Year,
        ["period"] = Period, ["期间"] = Period,
        ["weights"] = Weights, ["权重"] = Weights,
    };

    public static IReadOnlyList<string> ResultsRequired { get; } = [Date, Kpi, Amount];

    public static IReadOnlyList<string> TargetsRequired { get; } = [Member, Kpi, Year, Amount];

    public static string? Canonical(string header) => ByHeader.GetValueOrDefault(header.Trim().ToLowerInvariant());

    /// <summary>
    /// Renames the rows' cells to the canonical column names and tells the kind. Columns nobody asked for (a CRM export
    /// has many) are left out. Throws <see cref="UploadRefusedException"/> when the header fits neither kind.
    /// </summary>
    public static (ImportKind Kind, IReadOnlyList<SheetRow> Rows) Normalize(SheetContent sheet)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in sheet.Header)
        {
            if (Canonical(header) is not { } column)
            {
                continue;
            }

            if (map.ContainsValue(column))
            {
                throw new UploadRefusedException(ImportsTextKeys.ColumnTwice, [header], "Two columns name the same field.");
            }

            map[header] = column;
        }

        var present = map.Values.ToHashSet(StringComparer.Ordinal);
        ImportKind kind;
        if (present.Contains(Year))
        {
            kind = ImportKind.Targets;
        }
        else if (present.Contains(Date))
        {
            kind = ImportKind.Results;
        }
        else
        {
            throw new UploadRefusedException(ImportsTextKeys.UnknownKind, [], "The header names neither a year (targets) nor a date (results) column.");
        }

        var required = kind == ImportKind.Targets ? TargetsRequired : ResultsRequired;
        var missing = required.Where(c => !present.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new UploadRefusedException(
                kind == ImportKind.Targets ? ImportsTextKeys.MissingTargetsColumns : ImportsTextKeys.MissingResultsColumns,
                [string.Join(", ", missing)],
                $"Missing column(s): {string.Join(", ", missing)}.");
        }

        var rows = sheet.Rows.Select(row => row with
            {
                Cells = row.Cells.Where(c => map.ContainsKey(c.Key)).ToDictionary(c => map[c.Key], c => map[c.Key] == Note ? c.Value : SalesCoachBot.Teams.Routing.TypedText.Normalize(c.Value), StringComparer.Ordinal),
            })
            .ToList();
        return (kind, rows);
    }
}
