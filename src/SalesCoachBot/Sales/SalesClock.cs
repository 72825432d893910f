using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;

namespace SalesCoachBot.Sales;

/// <summary>A member's sales day: results logged now count on <paramref name="Today"/> in <paramref name="Zone"/>.</summary>
internal sealed record MemberDay(long MemberId, TimeZoneInfo Zone, DateOnly Today);

/// <summary>
/// "Now" and "today" for a member or a sales team, with the one zone rule every feature follows: the member's own zone,
/// else their home team's, else the configured default (<see cref="SalesTeamOptions.DefaultTimeZone"/>), else UTC.
/// Which days count as working days is <see cref="WorkingCalendars"/>' business. Time comes from <see cref="TimeProvider"/>, so tests pin it.
/// </summary>
internal sealed class SalesClock(SalesCoachDbContext store, TimeProvider time, IOptionsMonitor<SalesTeamOptions> teams)
{
    /// <summary>The current instant.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Today's date in a zone.</summary>
    public DateOnly TodayIn(TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

    /// <summary>A team's zone (by its stored id), else the default, else UTC.</summary>
    /// <summary>The instant a day of <paramref name="zone"/> starts, in UTC (PostgreSQL compares timestamptz only with a zero offset).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var start = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(start, zone.GetUtcOffset(start)).ToUniversalTime();
    }

    public TimeZoneInfo TeamZone(string? teamZoneId) => ResolveZone(null, teamZoneId, teams.CurrentValue.DefaultTimeZone);

    /// <summary>
    /// The zone rule: the member's own zone, else their team's, else the configured default, else UTC. An id this
    /// machine does not know falls through to the next.
    /// </summary>
    public static TimeZoneInfo ResolveZone(string? memberZoneId, string? teamZoneId, string? defaultZoneId) =>
        FindZone(memberZoneId) ?? FindZone(teamZoneId) ?? FindZone(defaultZoneId) ?? TimeZoneInfo.Utc;

    /// <summary>A member's zone: their own (by its stored id), else their home team's, else the default, else UTC.</summary>
    public async Task<TimeZoneInfo> MemberZoneAsync(long memberId, string? ownZoneId, CancellationToken cancellationToken = default)
    {
        if (FindZone(ownZoneId) is { } own)
        {
            return own;
        }

        return TeamZone(await store.HomeTeamTimeZoneAsync(memberId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The member's sales day, or null when the member is not in the tenant's store (any more).</summary>
    public async Task<MemberDay?> MemberDayAsync(string tenantId, long memberId, CancellationToken cancellationToken = default)
    {
        store.ForTenant(tenantId);
        var member = await store.Members.AsNoTracking()
            .Where(m => m.Id == memberId)
            .Select(m => new { m.Id, m.TimeZone })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            return null;
        }

        var zone = await MemberZoneAsync(member.Id, member.TimeZone, cancellationToken).ConfigureAwait(false);
        return new MemberDay(member.Id, zone, TodayIn(zone));
    }

    /// <summary>A zone by IANA (or Windows) id, or null when the id is empty or unknown on this machine.</summary>
    public static TimeZoneInfo? FindZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
}
