using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;
using SalesCoachBot.Uploads;

namespace SalesCoachBot.Features.Admin;

/// <summary>
/// The working calendars of a tenant: its own years of China's calendar (in the bundled files' JSON format, each
/// replacing the bundled year for this tenant only) and each sales team's choice of calendar. The years are read and
/// written only through <see cref="WorkingCalendars"/>, which also forgets its cached copy when they change.
/// </summary>
internal static partial class CalendarAdminEndpoints
{
    /// <summary>Largest body of a team's calendar choice: it is one short property.</summary>
    private const int MaxChoiceBytes = 4 * 1024;

    private const string ChinaWord = "china";
    private const string WeekendsWord = "weekends";
    private const string AutomaticWord = "auto";

    /// <summary>GET calendars/cn: the bundled years, the tenant's own years, and each live team's calendar.</summary>
    public static async Task<IResult> ListAsync(
        string tenantId, SalesCoachDbContext db, WorkingCalendars calendars, SalesClock clock, CancellationToken cancellationToken)
    {
        var own = await calendars.ListAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var bundled = WorkingCalendarFile.ChinaYears.Select(y => y.Year).ToList();
        db.ForTenant(tenantId);
        var teams = await db.SalesTeams.AsNoTracking().Where(t => t.ArchivedAt == null).OrderBy(t => t.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(new
        {
            bundledYears = bundled,
            tenantYears = own.Select(y => new { year = y.Year, source = y.Source, workingDays = y.WorkingDays, updatedAt = y.UpdatedAt }),
            coveredYears = bundled.Union(own.Select(y => y.Year)).Order(),
            teams = teams.Select(t => TeamCalendar(t, clock)),
        });
    }

    /// <summary>GET calendars/cn/{year}: the year in force for this tenant (its own, else the bundled one), or 404.</summary>
    public static async Task<IResult> GetYearAsync(string tenantId, string year, WorkingCalendars calendars, CancellationToken cancellationToken)
    {
        if (ParseYear(year) is not { } number)
        {
            return Refused([YearError(year)], "No such year.");
        }

        if (await calendars.OwnYearAsync(tenantId, number, cancellationToken).ConfigureAwait(false) is { } own)
        {
            return Results.Ok(FileBody(own, "tenant"));
        }

        return WorkingCalendarFile.ChinaYears.FirstOrDefault(y => y.Year == number) is { } bundled
            ? Results.Ok(FileBody(bundled, "bundled"))
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No China calendar for {number}: none is bundled and this tenant has not supplied one.");
    }

    /// <summary>
    /// PUT calendars/cn/{year}: stores the tenant's own year (201 when new, 200 when it replaced one); a bad file gets 400
    /// with every error and changes nothing.
    /// </summary>
    public static async Task<IResult> PutYearAsync(
        string tenantId, string year, HttpRequest request, WorkingCalendars calendars, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        List<string> errors = [];
        var number = ParseYear(year);
        if (number is null)
        {
            errors.Add(YearError(year));
        }

        var body = await UploadedTable.ReadLimitedAsync(request.Body, request.ContentLength, WorkingCalendarFile.MaxFileBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Refused([.. errors, $"the body is larger than {WorkingCalendarFile.MaxFileBytes} bytes"]);
        }

        if (Utf8(body) is not { } json)
        {
            return Refused([.. errors, "the body is not UTF-8 text"]);
        }

        WorkingCalendarYear file;
        try
        {
            file = WorkingCalendarFile.Read(json);
        }
        catch (WorkingCalendarFileException error)
        {
            return Refused([.. errors, .. error.Errors]);
        }

        if (number is { } expected && file.Year != expected)
        {
            errors.Add($"\"year\" is {file.Year} but the address says {expected}");
        }

        if (errors.Count > 0)
        {
            return Refused(errors);
        }

        (TenantCalendarYearInfo Stored, bool Created) saved;
        try
        {
            saved = await calendars.SaveAsync(tenantId, file, cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Two requests stored the same new year at once: the unique key kept one.
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The same year was stored at the same time; send it again.");
        }

        var stored = new
        {
            year = file.Year,
            source = file.Source,
            holidays = WorkingCalendarFile.Ranges(file.Calendar.Holidays),
            workdays = WorkingCalendarFile.Ranges(file.Calendar.ExtraWorkingDays),
            workingDays = saved.Stored.WorkingDays,
            replacesBundled = WorkingCalendarFile.ChinaYears.Any(y => y.Year == file.Year),
            updatedAt = saved.Stored.UpdatedAt,
        };
        return saved.Created
            ? Results.Created($"/api/admin/tenants/{Uri.EscapeDataString(tenantId)}/calendars/{WorkingCalendars.China}/{file.Year}", stored)
            : Results.Ok(stored);
    }

    /// <summary>DELETE calendars/cn/{year}: drops the tenant's own year (204); the bundled year, if any, applies again. 404 when there is none.</summary>
    public static async Task<IResult> DeleteYearAsync(string tenantId, string year, WorkingCalendars calendars, CancellationToken cancellationToken)
    {
        if (ParseYear(year) is not { } number)
        {
            return Refused([YearError(year)]);
        }

        return await calendars.DeleteAsync(tenantId, number, cancellationToken).ConfigureAwait(false)
            ? Results.NoContent()
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"This tenant has supplied no China calendar for {number}; bundled years cannot be deleted.");
    }

    /// <summary>
    /// PUT teams/{teamId}/calendar with {"calendar": "china" | "weekends" | "auto"}: the team's working calendar ("auto" =
    /// by its zone again). 404 for a team that is not a live team of this tenant.
    /// </summary>
    public static async Task<IResult> PutTeamCalendarAsync(
        string tenantId, string teamId, HttpRequest request, SalesCoachDbContext db, SalesClock clock, ILogger<AdminOptions> logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await UploadedTable.ReadLimitedAsync(request.Body, request.ContentLength, MaxChoiceBytes, cancellationToken).ConfigureAwait(false);
        if (ReadChoice(body, out var chosen) is { } error)
        {
            return Refused([error]);
        }

        db.ForTenant(tenantId);
        var team = long.TryParse(teamId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await db.SalesTeams.FirstOrDefaultAsync(t => t.Id == id && t.ArchivedAt == null, cancellationToken).ConfigureAwait(false)
            : null;
        if (team is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such sales team in this tenant.");
        }

        team.WorkingCalendar = chosen;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        LogTeamCalendar(logger, tenantId, team.Id, chosen);
        return Results.Ok(TeamCalendar(team, clock));
    }

    // What the admin reads back about a team: the calendar in force and whether it was chosen or follows the zone.
    private static object TeamCalendar(SalesTeam team, SalesClock clock)
    {
        var kind = team.WorkingCalendar ?? WorkingCalendars.DefaultFor(clock.TeamZone(team.TimeZone));
        return new
        {
            teamId = team.Id,
            name = team.Name,
            timeZone = team.TimeZone,
            calendar = kind == WorkingCalendarKind.China ? ChinaWord : WeekendsWord,
            chosen = team.WorkingCalendar is not null,
        };
    }

    private static object FileBody(WorkingCalendarYear file, string origin) => new
    {
        origin,
        year = file.Year,
        source = file.Source,
        holidays = WorkingCalendarFile.Ranges(file.Calendar.Holidays),
        workdays = WorkingCalendarFile.Ranges(file.Calendar.ExtraWorkingDays),
        workingDays = file.Calendar.WorkingDays(SalesPeriod.Year(file.Year)),
    };

    // The body's "calendar"; the error in English for the operator, or null when it is one of the three words.
    private static string? ReadChoice(byte[]? body, out WorkingCalendarKind? chosen)
    {
        chosen = null;
        const string Expected = $"the body must be {{\"calendar\": \"{ChinaWord}\"}}, {{\"calendar\": \"{WeekendsWord}\"}} or {{\"calendar\": \"{AutomaticWord}\"}}";
        if (body is null || Utf8(body) is not { } json)
        {
            return Expected;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("calendar", out var value) || value.ValueKind != JsonValueKind.String)
            {
                return Expected;
            }

            switch (value.GetString()!.Trim().ToLowerInvariant())
            {
                case ChinaWord:
                    chosen = WorkingCalendarKind.China;
                    return null;
                case WeekendsWord:
                    chosen = WorkingCalendarKind.WeekendsOnly;
                    return null;
                case AutomaticWord:
                    return null;
                default:
                    return $"unknown calendar '{Cut(value.GetString()!)}'; {Expected}";
            }
        }
        catch (JsonException)
        {
            return Expected;
        }
    }

    private static int? ParseYear(string year) =>
        int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 2000 and <= 2100 ? number : null;

    private static string YearError(string year) => $"the year in the address, '{Cut(year)}', is not a year between 2000 and 2100";

    private static string Cut(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static string? Utf8(byte[] body)
    {
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(body).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    // 400 with every error: in "errors" to read one by one, and in "detail" for a quick look.
    private static IResult Refused(IReadOnlyList<string> errors, string title = "The calendar was not stored; nothing was changed.") =>
        Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: title,
            detail: string.Join("; ", errors),
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = errors });

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} set the working calendar of sales team {TeamId} to {Calendar} (none = by its zone)")]
    private static partial void LogTeamCalendar(ILogger logger, string tenantId, long teamId, WorkingCalendarKind? calendar);
}
