using System.Globalization;
using Microsoft.Net.Http.Headers;
using SalesCoachBot.Contacts;
using SalesCoachBot.Exports;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Exports;

/// <summary>
/// The HTTP side of exports. <c>GET /exports/{token}</c>: the signed download link (no login: the token is the
/// credential, short-lived, and the file is built only for a requester who still manages the team). And on the admin
/// API's tenant group (which checks the tenant's key): <c>GET …/teams/{teamsTeamId}/scorecard/export</c> and
/// <c>…/results/export</c> with <c>period</c> (default last month on the team's today), <c>format</c> (xlsx | csv, default
/// xlsx) and <c>language</c> (en-US | zh-CN, default en-US).
/// </summary>
internal static class ExportEndpoints
{
    public static async Task<IResult> DownloadAsync(string token, HttpContext http, ExportSigner signer, ExportFiles files, BotText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        NoStore(http);
        var check = signer.TryRead(token, out var ticket);
        if (check == TicketCheck.Forged)
        {
            return Results.Text(text.Get(null, ExportsTextKeys.LinkInvalid), "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        var language = ticket!.Language;
        if (check == TicketCheck.Expired)
        {
            return Results.Text(text.Get(language, ExportsTextKeys.LinkExpired), "text/plain; charset=utf-8", statusCode: StatusCodes.Status410Gone);
        }

        var (file, refusal) = await files.BuildForAsync(ticket, cancellationToken).ConfigureAwait(false);
        return file is not null
            ? Results.File(file.Content, file.ContentType, file.FileName)
            : refusal == ExportRefusal.NotAllowed
                ? Results.Text(text.Get(language, ExportsTextKeys.LinkNotAllowed), "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden)
                : Results.Text(text.Get(language, ExportsTextKeys.LinkInvalid), "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
    }

    public static Task<IResult> ScorecardAsync(
        string tenantId, string teamsTeamId, HttpContext http, SalesTeamDirectory directory, ExportFiles files, CancellationToken cancellationToken) =>
        AdminAsync(ExportKinds.Scorecard, tenantId, teamsTeamId, http, directory, files, cancellationToken);

    public static Task<IResult> ResultsAsync(
        string tenantId, string teamsTeamId, HttpContext http, SalesTeamDirectory directory, ExportFiles files, CancellationToken cancellationToken) =>
        AdminAsync(ExportKinds.Results, tenantId, teamsTeamId, http, directory, files, cancellationToken);

    private static async Task<IResult> AdminAsync(
        string kind, string tenantId, string teamsTeamId, HttpContext http, SalesTeamDirectory directory, ExportFiles files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        NoStore(http);
        var team = await directory.FindByTeamsIdAsync(tenantId, teamsTeamId, cancellationToken).ConfigureAwait(false);
        if (team is not { ArchivedAt: null } || await files.TeamAsync(tenantId, team.Id, cancellationToken).ConfigureAwait(false) is not { } live)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such Teams team bound to a sales team in this tenant.");
        }

        var query = http.Request.Query;
        List<string> errors = [];
        var format = ExportFormat.Xlsx;
        if (query.TryGetValue("format", out var formatWord) && !ExportSigner.TryReadFormat(formatWord, out format))
        {
            errors.Add($"\"format\" must be xlsx or csv, not \"{formatWord}\"");
        }

        var language = BotText.English;
        if (query.TryGetValue("language", out var languageWord))
        {
            language = BotText.Locales.FirstOrDefault(l => string.Equals(l, languageWord, StringComparison.OrdinalIgnoreCase)) ?? string.Empty;
            if (language.Length == 0)
            {
                errors.Add($"\"language\" must be {string.Join(" or ", BotText.Locales)}, not \"{languageWord}\"");
            }
        }

        var period = ExportFiles.DefaultPeriod(live.Today);
        if (query.TryGetValue("period", out var periodWord) && !PeriodWords.TryRead(periodWord, live.Today, YearlessPeriod.Back, out period))
        {
            errors.Add($"\"period\" is not a period: \"{periodWord}\" (e.g. 2026-11, 2026-Q3, 2026, last month)");
        }

        foreach (var unknown in query.Keys.Where(k => k is not ("format" or "language" or "period")))
        {
            errors.Add($"unknown query parameter \"{unknown}\"");
        }

        if (errors.Count > 0)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The export was not made.",
                detail: string.Join("; ", errors),
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = errors });
        }

        var (file, refusal) = await files.BuildAsync(tenantId, team.Id, kind, PeriodWords.Key(period), format, language, cancellationToken).ConfigureAwait(false);
        return file is not null
            ? Results.File(file.Content, file.ContentType, file.FileName)
            : Results.Problem(statusCode: refusal == ExportRefusal.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status404NotFound,
                title: string.Create(CultureInfo.InvariantCulture, $"The export was not made ({refusal})."));
    }

    // Private numbers: no cache keeps a copy.
    private static void NoStore(HttpContext http) => http.Response.Headers[HeaderNames.CacheControl] = "no-store";
}
