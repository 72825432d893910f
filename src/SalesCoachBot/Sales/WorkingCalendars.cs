using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;

namespace SalesCoachBot.Sales;

/// <summary>A tenant's own year of a country's calendar, as the admin API lists it.</summary>
internal sealed record TenantCalendarYearInfo(int Year, string? Source, int WorkingDays, DateTimeOffset UpdatedAt);

/// <summary>
/// The one place that says which days a sales team works, for every card and command. A team works by the calendar a
/// tenant admin chose for it (<see cref="SalesTeam.WorkingCalendar"/>), else China's in a China zone and weekends only
/// elsewhere. China's calendar is per tenant: the bundled years (<see cref="WorkingCalendarFile.ChinaYears"/>) with
/// the tenant's own years (table <c>tenant_calendar_years</c>, only through this type) replacing or adding years.
/// Years it does not cover count Monday to Friday; <see cref="UncoveredYears"/> names them so cards can say so.
/// </summary>
internal sealed partial class WorkingCalendars(
    SalesCoachDbContext store, WorkingCalendarCache cache, TimeProvider time, ILogger<WorkingCalendars> logger)
{
    /// <summary>The country code of China's calendar, in routes and rows.</summary>
    public const string China = "cn";

    /// <summary>The calendar of a team's days: the <paramref name="chosen"/> one, else the default of its zone.</summary>
    public async Task<WorkingCalendar> ForTeamAsync(
        string tenantId, WorkingCalendarKind? chosen, TimeZoneInfo zone, CancellationToken cancellationToken = default) =>
        (chosen ?? DefaultFor(zone)) == WorkingCalendarKind.WeekendsOnly
            ? WorkingCalendar.WeekendsOnly
            : await ChinaAsync(tenantId, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// A member's calendar: the one chosen for their home team (the active team they joined first), else the default of
    /// <paramref name="zone"/>, the zone their cards count in.
    /// </summary>
    public async Task<WorkingCalendar> ForMemberAsync(string tenantId, long memberId, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        store.ForTenant(tenantId);
        var chosen = await store.HomeTeamCalendarAsync(memberId, cancellationToken).ConfigureAwait(false);
        return await ForTeamAsync(tenantId, chosen, zone, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>China's holidays for zones in mainland China, weekends only elsewhere.</summary>
    public static WorkingCalendarKind DefaultFor(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.Id is "Asia/Shanghai" or "Asia/Chongqing" or "Asia/Chungking" or "Asia/Harbin" or "Asia/Urumqi" or "PRC" or "China Standard Time"
            ? WorkingCalendarKind.China
            : WorkingCalendarKind.WeekendsOnly;
    }

    /// <summary>
    /// The years of <paramref name="period"/> whose holidays <paramref name="calendar"/> does not know (pace counts
    /// Monday to Friday there); the first time this process meets such a year, the log says how to supply it.
    /// </summary>
    public IReadOnlyList<int> UncoveredYears(WorkingCalendar calendar, SalesPeriod period)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var years = calendar.UncoveredYears(period);
        foreach (var year in years)
        {
            if (cache.FirstWarningFor(year))
            {
                LogYearNotLoaded(logger, year);
            }
        }

        return years;
    }

    /// <summary>The tenant's China calendar: the bundled years, the tenant's own years replacing them.</summary>
    public async Task<WorkingCalendar> ChinaAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (cache.TryGet(tenantId, now, out var cached))
        {
            return cached;
        }

        var own = await OwnYearsAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var calendar = WorkingCalendarFile.China.With(WorkingCalendarFile.Combine(own));
        cache.Remember(tenantId, calendar, now);
        return calendar;
    }

    /// <summary>The tenant's own China years, in order.</summary>
    public async Task<IReadOnlyList<TenantCalendarYearInfo>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        store.ForTenant(tenantId);
        var rows = await store.TenantCalendarYears.AsNoTracking().Where(c => c.Country == China).OrderBy(c => c.Year)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(Info)];
    }

    /// <summary>The tenant's own file for a China year, or null when the tenant has not supplied that year.</summary>
    public async Task<WorkingCalendarYear?> OwnYearAsync(string tenantId, int year, CancellationToken cancellationToken = default)
    {
        store.ForTenant(tenantId);
        var row = await store.TenantCalendarYears.AsNoTracking().FirstOrDefaultAsync(c => c.Country == China && c.Year == year, cancellationToken)
            .ConfigureAwait(false);
        return row is null ? null : WorkingCalendarFile.Read(row.Content);
    }

    /// <summary>
    /// Stores the tenant's file for a China year (replacing the one stored before) in its canonical form; true when the
    /// year is new for the tenant. From the next read on, this instance uses it.
    /// </summary>
    /// <exception cref="DbUpdateException">Another request stored the same year at the same moment.</exception>
    public async Task<(TenantCalendarYearInfo Stored, bool Created)> SaveAsync(
        string tenantId, WorkingCalendarYear year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(year);
        store.ForTenant(tenantId);
        var now = time.GetUtcNow();
        if (!await store.Tenants.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            // An admin may set up a tenant's calendar before anyone there has used the bot.
            store.Tenants.Add(new Tenant { TenantId = tenantId, FirstSeenAt = now });
        }

        var row = await store.TenantCalendarYears.FirstOrDefaultAsync(c => c.Country == China && c.Year == year.Year, cancellationToken)
            .ConfigureAwait(false);
        var created = row is null;
        row ??= store.TenantCalendarYears.Add(new TenantCalendarYear
        {
            TenantId = tenantId, Country = China, Year = year.Year, Content = string.Empty, CreatedAt = now,
        }).Entity;
        row.Content = WorkingCalendarFile.Write(year);
        row.UpdatedAt = now;
        await store.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        cache.Forget(tenantId);
        LogStored(logger, tenantId, year.Year, created);
        return (Info(row), created);
    }

    /// <summary>Deletes the tenant's own file for a China year (the bundled year, if any, applies again); false when there was none.</summary>
    public async Task<bool> DeleteAsync(string tenantId, int year, CancellationToken cancellationToken = default)
    {
        store.ForTenant(tenantId);
        var deleted = await store.TenantCalendarYears.Where(c => c.Country == China && c.Year == year)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        cache.Forget(tenantId);
        if (deleted > 0)
        {
            LogDeleted(logger, tenantId, year);
        }

        return deleted > 0;
    }

    private async Task<IReadOnlyList<WorkingCalendarYear>> OwnYearsAsync(string tenantId, CancellationToken cancellationToken)
    {
        store.ForTenant(tenantId);
        var contents = await store.TenantCalendarYears.AsNoTracking().Where(c => c.Country == China).OrderBy(c => c.Year)
            .Select(c => c.Content).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. contents.Select(WorkingCalendarFile.Read)];
    }

    private static TenantCalendarYearInfo Info(TenantCalendarYear row)
    {
        var year = WorkingCalendarFile.Read(row.Content);
        return new TenantCalendarYearInfo(row.Year, year.Source, year.Calendar.WorkingDays(SalesPeriod.Year(row.Year)), row.UpdatedAt);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "China's holiday schedule for {Year} is not loaded, so pace in that year counts Monday to Friday. Add Sales/Calendars/cn-<year>.json " +
        "from the State Council notice, or have a tenant admin supply it: PUT /api/admin/tenants/<tenantId>/calendars/cn/<year> (README, Working calendars)")]
    private static partial void LogYearNotLoaded(ILogger logger, int year);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} stored its China calendar for {Year} (new: {Created})")]
    private static partial void LogStored(ILogger logger, string tenantId, int year, bool created);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} deleted its China calendar for {Year}")]
    private static partial void LogDeleted(ILogger logger, string tenantId, int year);
}

/// <summary>
/// Each tenant's China calendar as last read, and the years this process has already warned about. Per instance: a
/// change through the admin API clears its tenant here at once; other instances read it again when their entry is
/// older than <see cref="Lifetime"/>.
/// </summary>
internal sealed class WorkingCalendarCache
{
    /// <summary>How long another instance may count with a tenant's calendar from before a change.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    // Tenants are few and a calendar is a few hundred days: no bound needed beyond the number of tenants.
    private readonly ConcurrentDictionary<string, (WorkingCalendar Calendar, DateTimeOffset ReadAt)> calendars = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, bool> warned = new();

    public bool TryGet(string tenantId, DateTimeOffset now, out WorkingCalendar calendar)
    {
        if (calendars.TryGetValue(tenantId, out var entry) && now - entry.ReadAt < Lifetime && now >= entry.ReadAt)
        {
            calendar = entry.Calendar;
            return true;
        }

        calendar = WorkingCalendar.WeekendsOnly;
        return false;
    }

    public void Remember(string tenantId, WorkingCalendar calendar, DateTimeOffset now) => calendars[tenantId] = (calendar, now);

    public void Forget(string tenantId) => calendars.TryRemove(tenantId, out _);

    /// <summary>True the first time a year is asked about in this process.</summary>
    public bool FirstWarningFor(int year) => warned.TryAdd(year, true);
}
