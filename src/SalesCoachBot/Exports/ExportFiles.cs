using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Exports;

/// <summary>Why an export was not built.</summary>
internal enum ExportRefusal
{
    None = 0,

    /// <summary>The team is not a live team of the tenant.</summary>
    NoTeam = 1,

    /// <summary>The requester does not (or no longer) manage the team, or is a guest.</summary>
    NotAllowed = 2,

    /// <summary>The period key does not read as a period.</summary>
    BadPeriod = 3,

    /// <summary>No source for the kind.</summary>
    UnknownKind = 4,

    /// <summary>Larger than Exports:MaxFileBytes.</summary>
    TooLarge = 5,
}

/// <summary>
/// Builds export files: finds the team and its today, asks the kind's <see cref="IExportSource"/> for the sheets and writes
/// them as XLSX (every sheet) or CSV (the first). <see cref="BuildForAsync"/> is the one door for people (chat, the consent
/// card, the link): it checks, each time, that the requester may still manage the team and is no guest.
/// </summary>
internal sealed class ExportFiles(
    IEnumerable<IExportSource> sources, SalesCoachDbContext store, TeamAccess access, SalesClock clock, IOptions<ExportOptions> options)
{
    /// <summary>The file for a ticket's requester, or why not.</summary>
    public async Task<(ExportFile? File, ExportRefusal Refusal)> BuildForAsync(ExportTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (await access.IsGuestAsync(ticket.TenantId, ticket.MemberId, cancellationToken).ConfigureAwait(false)
            || !await access.CanManageAsync(ticket.TenantId, ticket.MemberId, ticket.TeamId, cancellationToken).ConfigureAwait(false))
        {
            return (null, ExportRefusal.NotAllowed);
        }

        return await BuildAsync(ticket.TenantId, ticket.TeamId, ticket.Kind, ticket.PeriodKey, ticket.Format, ticket.Language, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The file, with no check of who asks (the admin API: the tenant's key was checked).</summary>
    public async Task<(ExportFile? File, ExportRefusal Refusal)> BuildAsync(
        string tenantId, long teamId, string kind, string periodKey, ExportFormat format, string language, CancellationToken cancellationToken)
    {
        var source = sources.FirstOrDefault(s => string.Equals(s.Kind, kind, StringComparison.Ordinal));
        if (source is null)
        {
            return (null, ExportRefusal.UnknownKind);
        }

        if (await TeamAsync(tenantId, teamId, cancellationToken).ConfigureAwait(false) is not { } team)
        {
            return (null, ExportRefusal.NoTeam);
        }

        if (!PeriodWords.TryRead(periodKey, team.Today, YearlessPeriod.Back, out var period))
        {
            return (null, ExportRefusal.BadPeriod);
        }

        var content = await source.BuildAsync(
            new ExportRequest(tenantId, teamId, team.Name, period, BotText.Resolve(language)), cancellationToken).ConfigureAwait(false);
        var bytes = format == ExportFormat.Csv ? CsvSheetWriter.Write(content.Sheets[0]) : XlsxBookWriter.Write(content.Sheets);
        if (bytes.Length > options.Value.MaxFileBytes)
        {
            return (null, ExportRefusal.TooLarge);
        }

        var name = ExportText.FileName(kind, team.Name, PeriodWords.Key(period), format);
        return (new ExportFile(name, format == ExportFormat.Csv ? ExportFile.CsvContentType : ExportFile.XlsxContentType, format, bytes), ExportRefusal.None);
    }

    /// <summary>A live team's name and today in its time zone; null when the team is not a live team of the tenant.</summary>
    public async Task<(string Name, DateOnly Today)?> TeamAsync(string tenantId, long teamId, CancellationToken cancellationToken)
    {
        store.ForTenant(tenantId);
        var team = await store.SalesTeams.AsNoTracking().Where(t => t.Id == teamId && t.ArchivedAt == null)
            .Select(t => new { t.Name, t.TimeZone }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return team is null ? null : (team.Name, clock.TodayIn(clock.TeamZone(team.TimeZone)));
    }

    /// <summary>The default period of an export: last month, on the team's today (exports are mostly of a closed month).</summary>
    public static SalesPeriod DefaultPeriod(DateOnly today) => SalesPeriod.Containing(SalesPeriodKind.Month, today).Previous();
}
