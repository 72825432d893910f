using System.Globalization;
using System.Text.Json;

namespace SalesCoachBot.Sales;

/// <summary>
/// Reads a working-day calendar file, one per year:
/// <code>
/// { "year": 2026,
///   "holidays": ["2026-01-01", "2026-02-15..2026-02-23"],
///   "workdays": ["2026-02-14"] }
/// </code>
/// Entries are ISO dates or inclusive ranges "from..to"; every date must fall in "year"; "holidays"
/// are days off, "workdays" are weekend days worked instead (调休). Other properties (e.g. "source",
/// "comment") are ignored so the file can say where its dates come from.
/// </summary>
internal static class WorkingCalendarFile
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>Calendars shipped with the app, by embedded name (see SalesCoachBot.csproj).</summary>
    public static WorkingCalendar LoadBundled(string name)
    {
        var resource = $"SalesCoachBot.Calendars.{name}.json";
        using var stream = typeof(WorkingCalendarFile).Assembly.GetManifestResourceStream(resource)
            ?? throw new ArgumentException($"No bundled calendar named '{name}'.", nameof(name));
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>China's 2026 public holidays and adjusted working days (State Council notice of 2025-11-04).</summary>
    public static WorkingCalendar China2026 => LoadBundled("cn-2026");

    /// <exception cref="WorkingCalendarFileException">The file is not valid; the message names each bad entry.</exception>
    public static WorkingCalendar Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new WorkingCalendarFileException([$"not valid JSON (line {ex.LineNumber + 1}): {ex.Message}"]);
        }

        using (document)
        {
            var errors = new List<string>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new WorkingCalendarFileException(["the file must be a JSON object with \"year\", \"holidays\" and \"workdays\""]);
            }

            int? year = null;
            if (!root.TryGetProperty("year", out var yearElement))
            {
                errors.Add("\"year\" is missing");
            }
            else if (yearElement.ValueKind != JsonValueKind.Number || !yearElement.TryGetInt32(out var y) || y is < 2000 or > 2100)
            {
                errors.Add($"\"year\": '{yearElement}' is not a year between 2000 and 2100");
            }
            else
            {
                year = y;
            }

            var holidays = ReadDays(root, "holidays", year, errors);
            var workdays = ReadDays(root, "workdays", year, errors);

            foreach (var (day, entry) in workdays)
            {
                if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    errors.Add($"{entry}: {Format(day)} is a {day.DayOfWeek}, already a working day");
                }

                if (holidays.Any(h => h.Day == day))
                {
                    errors.Add($"{entry}: {Format(day)} is also listed in \"holidays\"");
                }
            }

            if (errors.Count > 0)
            {
                throw new WorkingCalendarFileException(errors);
            }

            return new WorkingCalendar(holidays.Select(h => h.Day), workdays.Select(w => w.Day));
        }
    }

    private static List<(DateOnly Day, string Entry)> ReadDays(JsonElement root, string property, int? year, List<string> errors)
    {
        var days = new List<(DateOnly, string)>();
        if (!root.TryGetProperty(property, out var list))
        {
            return days;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"\"{property}\" must be a list of dates");
            return days;
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var entry = $"{property}[{index++}]";
            var text = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.ToString();
            var parts = text.Split("..", 2);
            if (item.ValueKind != JsonValueKind.String || !TryParseDate(parts[0], out var from)
                || !TryParseDate(parts.Length == 2 ? parts[1] : parts[0], out var to))
            {
                errors.Add($"{entry}: '{text}' is not a date ({DateFormat}) or range ({DateFormat}..{DateFormat})");
                continue;
            }

            if (to < from)
            {
                errors.Add($"{entry}: '{text}' ends before it starts");
                continue;
            }

            if (year is { } y && (from.Year != y || to.Year != y))
            {
                errors.Add($"{entry}: '{text}' is not in {y}");
                continue;
            }

            for (var day = from; day <= to; day = day.AddDays(1))
            {
                days.Add((day, entry));
            }
        }

        return days;
    }

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string Format(DateOnly day) => day.ToString(DateFormat, CultureInfo.InvariantCulture);
}

/// <summary>A calendar file was rejected; <see cref="Errors"/> names each bad entry.</summary>
internal sealed class WorkingCalendarFileException : FormatException
{
    public WorkingCalendarFileException(IReadOnlyList<string> errors)
        : base("Invalid working-day calendar: " + string.Join("; ", errors)) => Errors = errors;

    public IReadOnlyList<string> Errors { get; }
}
