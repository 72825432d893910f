using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SalesCoachBot.Sales;

/// <summary>One year's calendar file as read: its year, where its dates come from (optional), and its days.</summary>
internal sealed record WorkingCalendarYear(int Year, string? Source, WorkingCalendar Calendar);

/// <summary>
/// Reads a working-day calendar file, one per year:
/// <code>
/// { "year": 2026,
///   "holidays": ["2026-01-01", "2026-02-15..2026-02-23"],
///   "workdays": ["2026-02-14"] }
/// </code>
/// Entries are ISO dates or inclusive ranges "from..to"; every date must fall in "year"; "holidays"
/// are days off, "workdays" are weekend days worked instead (调休). "source" (optional) says where the dates come
/// from; other properties (e.g. "comment") are ignored.
/// </summary>
internal static class WorkingCalendarFile
{
    /// <summary>Largest file accepted (a real year is under 2 KB; this leaves room for comments, not for abuse).</summary>
    public const int MaxFileBytes = 64 * 1024;

    /// <summary>Most entries in "holidays" or "workdays": a year has at most 366 days.</summary>
    public const int MaxEntries = 366;

    /// <summary>Longest "source" text kept.</summary>
    public const int MaxSourceLength = 500;

    /// <summary>The prefix of China's bundled files (Sales/Calendars/cn-YYYY.json).</summary>
    public const string ChinaPrefix = "cn-";

    private const string DateFormat = "yyyy-MM-dd";

    private const int MaxErrors = 50;

    private const string ResourcePrefix = "SalesCoachBot.Calendars.";

    private static readonly Lazy<IReadOnlyList<WorkingCalendarYear>> BundledChina = new(() =>
        [.. typeof(WorkingCalendarFile).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix + ChinaPrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => ReadBundled(n[ResourcePrefix.Length..^".json".Length]))
            .OrderBy(y => y.Year)]);

    private static readonly Lazy<WorkingCalendar> ChinaCalendar = new(() => Combine(BundledChina.Value));

    /// <summary>Calendars shipped with the app, by embedded name (see SalesCoachBot.csproj).</summary>
    public static WorkingCalendar LoadBundled(string name) => ReadBundled(name).Calendar;

    /// <summary>
    /// A bundled year by name ("cn-2026"); the name's year must be the file's, so a copied file cannot pass for
    /// another year.
    /// </summary>
    public static WorkingCalendarYear ReadBundled(string name)
    {
        var resource = $"{ResourcePrefix}{name}.json";
        using var stream = typeof(WorkingCalendarFile).Assembly.GetManifestResourceStream(resource)
            ?? throw new ArgumentException($"No bundled calendar named '{name}'.", nameof(name));
        using var reader = new StreamReader(stream);
        var year = Read(reader.ReadToEnd());
        if (!name.EndsWith("-" + year.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            throw new WorkingCalendarFileException([$"the bundled file '{name}' says \"year\": {year.Year}"]);
        }

        return year;
    }

    /// <summary>China's bundled years (public holidays and adjusted working days from the State Council notices), in order.</summary>
    public static IReadOnlyList<WorkingCalendarYear> ChinaYears => BundledChina.Value;

    /// <summary>Every bundled China year in one calendar; it covers exactly those years.</summary>
    public static WorkingCalendar China => ChinaCalendar.Value;

    /// <summary>Several years' files in one calendar (a later file replaces an earlier one of the same year).</summary>
    public static WorkingCalendar Combine(IEnumerable<WorkingCalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        return years.Aggregate(new WorkingCalendar(coveredYears: []), (all, year) => all.With(year.Calendar));
    }

    /// <summary>The days of a file; see <see cref="Read"/>.</summary>
    /// <exception cref="WorkingCalendarFileException">The file is not valid; the message names each bad entry.</exception>
    public static WorkingCalendar Parse(string json) => Read(json).Calendar;

    /// <summary>
    /// The canonical form of a year's file: "year", "source" when known, and "holidays" and "workdays" with consecutive
    /// days written as ranges. <see cref="Read"/> reads it back to the same calendar.
    /// </summary>
    public static string Write(WorkingCalendarYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("year", year.Year);
            if (!string.IsNullOrEmpty(year.Source))
            {
                json.WriteString("source", year.Source);
            }

            json.WriteStartArray("holidays");
            foreach (var range in Ranges(year.Calendar.Holidays))
            {
                json.WriteStringValue(range);
            }

            json.WriteEndArray();
            json.WriteStartArray("workdays");
            foreach (var range in Ranges(year.Calendar.ExtraWorkingDays))
            {
                json.WriteStringValue(range);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Sorted days as entries: a single day, or "from..to" for consecutive days.</summary>
    public static IReadOnlyList<string> Ranges(IReadOnlyList<DateOnly> sortedDays)
    {
        ArgumentNullException.ThrowIfNull(sortedDays);
        var entries = new List<string>();
        for (var i = 0; i < sortedDays.Count;)
        {
            var j = i;
            while (j + 1 < sortedDays.Count && sortedDays[j + 1] == sortedDays[j].AddDays(1))
            {
                j++;
            }

            entries.Add(i == j ? Format(sortedDays[i]) : $"{Format(sortedDays[i])}..{Format(sortedDays[j])}");
            i = j + 1;
        }

        return entries;
    }

    /// <summary>A year's file, checked whole: every problem is listed, not only the first.</summary>
    /// <exception cref="WorkingCalendarFileException">The file is not valid; the message names each bad entry.</exception>
    public static WorkingCalendarYear Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Encoding.UTF8.GetByteCount(json) > MaxFileBytes)
        {
            throw new WorkingCalendarFileException([$"the file is larger than {MaxFileBytes} bytes"]);
        }

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

            string? source = null;
            if (root.TryGetProperty("source", out var sourceElement))
            {
                if (sourceElement.ValueKind != JsonValueKind.String)
                {
                    errors.Add("\"source\" must be a text");
                }
                else if (sourceElement.GetString()!.Length > MaxSourceLength)
                {
                    errors.Add($"\"source\" is longer than {MaxSourceLength} characters");
                }
                else
                {
                    source = sourceElement.GetString()!.Trim();
                }
            }

            var holidays = ReadDays(root, "holidays", year, errors);
            var workdays = ReadDays(root, "workdays", year, errors);

            var off = holidays.Select(h => h.Day).ToHashSet();
            foreach (var (day, entry) in workdays)
            {
                if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    errors.Add($"{entry}: {Format(day)} is a {day.DayOfWeek}, already a working day");
                }

                if (off.Contains(day))
                {
                    errors.Add($"{entry}: {Format(day)} is also listed in \"holidays\"");
                }
            }

            if (errors.Count > MaxErrors)
            {
                // A whole year of wrong days would list hundreds of lines; the first ones show what is wrong.
                var more = errors.Count - MaxErrors;
                errors = [.. errors.Take(MaxErrors), $"… and {more} more"];
            }

            if (errors.Count > 0)
            {
                throw new WorkingCalendarFileException(errors);
            }

            // No errors: the year was read.
            var fileYear = year!.Value;
            var calendar = new WorkingCalendar(holidays.Select(h => h.Day), workdays.Select(w => w.Day), [fileYear]);
            return new WorkingCalendarYear(fileYear, string.IsNullOrEmpty(source) ? null : source, calendar);
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

        if (list.GetArrayLength() > MaxEntries)
        {
            errors.Add($"\"{property}\" has {list.GetArrayLength()} entries; at most {MaxEntries} are allowed (write consecutive days as a range)");
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
