using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;

namespace SalesCoachBot.Features.Meetings;

/// <summary>An agenda item as the card shows it: its text and who added it.</summary>
internal sealed record AgendaItemView(long Id, string Text, string? AddedBy);

/// <summary>
/// The only code that reads and writes <c>meeting_series</c> and <c>meeting_agenda_items</c>, for the tenant the
/// scope's store is bound to.
/// </summary>
internal sealed partial class MeetingStore(SalesCoachDbContext db, TimeProvider time)
{
    public Task<MeetingSeries?> SeriesAsync(long salesTeamId, CancellationToken cancellationToken = default) =>
        db.MeetingSeries.AsNoTracking().FirstOrDefaultAsync(s => s.SalesTeamId == salesTeamId, cancellationToken);

    /// <summary>Creates or replaces the team's series (weekday, time, zone); lead times and skipped dates are kept on a change.</summary>
    public async Task<MeetingSeries> SaveAsync(
        string tenantId, long salesTeamId, DayOfWeek weekday, TimeOnly localTime, string zoneId, long setBy, CancellationToken cancellationToken = default)
    {
        db.ForTenant(tenantId);
        var now = time.GetUtcNow();
        var series = await db.MeetingSeries.FirstOrDefaultAsync(s => s.SalesTeamId == salesTeamId, cancellationToken).ConfigureAwait(false);
        if (series is null)
        {
            series = new MeetingSeries { TenantId = tenantId, SalesTeamId = salesTeamId, TimeZone = zoneId, CreatedAt = now };
            db.MeetingSeries.Add(series);
        }

        series.Weekday = weekday;
        series.LocalTime = localTime;
        series.TimeZone = zoneId;
        series.SetByMemberId = setBy;
        series.UpdatedAt = now;
        // A skipped date of the old weekday means nothing for the new one.
        series.SkippedDates = string.Join(',', MeetingClock.Skipped(series).Where(d => d.DayOfWeek == weekday)
            .Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException) when (series.Id == 0)
        {
            // Another manager created the series at the same moment: this change replaces theirs.
            db.ChangeTracker.Clear();
            return await SaveAsync(tenantId, salesTeamId, weekday, localTime, zoneId, setBy, cancellationToken).ConfigureAwait(false);
        }

        return series;
    }

    /// <summary>Marks an occurrence as skipped (dates before <paramref name="today"/> are dropped); false when there is no series.</summary>
    public async Task<bool> SkipAsync(long salesTeamId, DateOnly date, DateOnly today, CancellationToken cancellationToken = default)
    {
        var series = await db.MeetingSeries.FirstOrDefaultAsync(s => s.SalesTeamId == salesTeamId, cancellationToken).ConfigureAwait(false);
        if (series is null)
        {
            return false;
        }

        series.SkippedDates = MeetingClock.SkippedText(MeetingClock.Skipped(series).Append(date), today);
        series.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Removes the team's series; false when there was none.</summary>
    public async Task<bool> RemoveAsync(long salesTeamId, CancellationToken cancellationToken = default) =>
        await db.MeetingSeries.Where(s => s.SalesTeamId == salesTeamId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;

    public async Task<MeetingAgendaItem> AddItemAsync(
        string tenantId, long salesTeamId, DateOnly occurrence, string text, long addedBy, CancellationToken cancellationToken = default)
    {
        db.ForTenant(tenantId);
        var item = new MeetingAgendaItem
        {
            TenantId = tenantId,
            SalesTeamId = salesTeamId,
            OccurrenceDate = occurrence,
            Text = text,
            AddedByMemberId = addedBy,
            CreatedAt = time.GetUtcNow(),
        };
        db.MeetingAgendaItems.Add(item);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return item;
    }

    /// <summary>The items of one occurrence, in the order they were added.</summary>
    public async Task<IReadOnlyList<AgendaItemView>> ItemsAsync(long salesTeamId, DateOnly occurrence, CancellationToken cancellationToken = default) =>
        await db.MeetingAgendaItems.AsNoTracking()
            .Where(i => i.SalesTeamId == salesTeamId && i.OccurrenceDate == occurrence)
            .OrderBy(i => i.Id)
            .Select(i => new AgendaItemView(i.Id, i.Text, db.Members.Where(m => m.Id == i.AddedByMemberId).Select(m => m.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    // The monthly review and the lead times: columns of the same row, changed one at a time.

    /// <summary>Turns the team's monthly review on at a local time (null: off); null when the team has no series.</summary>
    public Task<MeetingSeries?> SetReviewAsync(long salesTeamId, TimeOnly? reviewTime, CancellationToken cancellationToken = default) =>
        UpdateSeriesAsync(salesTeamId, s => s.ReviewLocalTime = reviewTime, cancellationToken);

    /// <summary>Sets the agenda's and the reminder's lead times (minutes before the start); null when the team has no series.</summary>
    public Task<MeetingSeries?> SetLeadsAsync(long salesTeamId, int agendaLeadMinutes, int reminderLeadMinutes, CancellationToken cancellationToken = default) =>
        UpdateSeriesAsync(salesTeamId, s => (s.AgendaLeadMinutes, s.ReminderLeadMinutes) = (agendaLeadMinutes, reminderLeadMinutes), cancellationToken);

    private async Task<MeetingSeries?> UpdateSeriesAsync(long salesTeamId, Action<MeetingSeries> change, CancellationToken cancellationToken)
    {
        var series = await db.MeetingSeries.FirstOrDefaultAsync(s => s.SalesTeamId == salesTeamId, cancellationToken).ConfigureAwait(false);
        if (series is null)
        {
            return null;
        }

        change(series);
        series.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return series;
    }
}
