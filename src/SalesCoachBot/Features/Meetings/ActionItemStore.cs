using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;

namespace SalesCoachBot.Features.Meetings;

/// <summary>An action item as lists, cards and the agenda show it: the team's number, owner, text, due date and whether it is done.</summary>
internal sealed record ActionItemView(
    long Id, long SalesTeamId, int Number, long OwnerMemberId, string OwnerName, string Text, DateOnly? DueDate, long? CreatedByMemberId, DateTimeOffset? DoneAt);

/// <summary>
/// The only code that reads and writes <c>meeting_action_items</c>, for the tenant the scope's store is bound to. Writes
/// join the caller's transaction when one is open (the owner's note goes into the outbox with the item).
/// </summary>
internal sealed class ActionItemStore(SalesCoachDbContext db, TimeProvider time)
{
    /// <summary>
    /// Stores a new item under the team's next number (the highest so far plus one). Two creates at once may take the
    /// same number: the unique index refuses the second, which throws <see cref="DbUpdateException"/> for the caller to
    /// retry in a new transaction (PostgreSQL aborts the transaction a failed insert ran in).
    /// </summary>
    public async Task<MeetingActionItem> AddAsync(
        string tenantId, long salesTeamId, long ownerId, string text, DateOnly? dueDate, long createdBy, string? formEntryId, CancellationToken cancellationToken)
    {
        db.ForTenant(tenantId);
        var last = await db.MeetingActionItems.Where(i => i.SalesTeamId == salesTeamId).MaxAsync(i => (int?)i.Number, cancellationToken).ConfigureAwait(false);
        var item = new MeetingActionItem
        {
            TenantId = tenantId,
            SalesTeamId = salesTeamId,
            Number = (last ?? 0) + 1,
            OwnerMemberId = ownerId,
            Text = text,
            DueDate = dueDate,
            CreatedByMemberId = createdBy,
            CreatedAt = time.GetUtcNow(),
            FormEntryId = formEntryId,
        };
        db.MeetingActionItems.Add(item);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            db.Entry(item).State = EntityState.Detached;
            throw;
        }

        return item;
    }

    /// <summary>The item a form stored already (one per form), or null.</summary>
    public async Task<ActionItemView?> FromFormAsync(string formEntryId, CancellationToken cancellationToken) =>
        await Views(db.MeetingActionItems.Where(i => i.FormEntryId == formEntryId)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    public async Task<ActionItemView?> FindAsync(long salesTeamId, int number, CancellationToken cancellationToken) =>
        await Views(db.MeetingActionItems.Where(i => i.SalesTeamId == salesTeamId && i.Number == number)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    public async Task<ActionItemView?> FindByIdAsync(long id, CancellationToken cancellationToken) =>
        await Views(db.MeetingActionItems.Where(i => i.Id == id)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The team's open items, by number.</summary>
    public async Task<IReadOnlyList<ActionItemView>> OpenAsync(long salesTeamId, CancellationToken cancellationToken) =>
        await Views(db.MeetingActionItems.Where(i => i.SalesTeamId == salesTeamId && i.DoneAt == null).OrderBy(i => i.Number))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>For the agenda: the team's open items and those closed at or after <paramref name="doneSince"/>, by number.</summary>
    public async Task<IReadOnlyList<ActionItemView>> ForAgendaAsync(long salesTeamId, DateTimeOffset doneSince, CancellationToken cancellationToken) =>
        await Views(db.MeetingActionItems.Where(i => i.SalesTeamId == salesTeamId && (i.DoneAt == null || i.DoneAt >= doneSince)).OrderBy(i => i.Number))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Closes an open item; false when it was closed already (by someone else meanwhile).</summary>
    public async Task<bool> CloseAsync(long id, long doneBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.MeetingActionItems.Where(i => i.Id == id && i.DoneAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.DoneAt, now).SetProperty(i => i.DoneByMemberId, doneBy), cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Open items due on or before <paramref name="until"/> whose reminder has not gone out, by id.</summary>
    public async Task<IReadOnlyList<ActionItemView>> DueUnremindedAsync(DateOnly until, CancellationToken cancellationToken) =>
        await Views(db.MeetingActionItems.Where(i => i.DoneAt == null && i.RemindedAt == null && i.DueDate != null && i.DueDate <= until).OrderBy(i => i.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Marks the due reminder as done; false when another run marked it first.</summary>
    public async Task<bool> MarkRemindedAsync(long id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.MeetingActionItems.Where(i => i.Id == id && i.RemindedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RemindedAt, now), cancellationToken).ConfigureAwait(false) == 1;
    }

    private IQueryable<ActionItemView> Views(IQueryable<MeetingActionItem> items) =>
        items.AsNoTracking().Select(i => new ActionItemView(
            i.Id, i.SalesTeamId, i.Number, i.OwnerMemberId,
            db.Members.Where(m => m.Id == i.OwnerMemberId).Select(m => m.Name).FirstOrDefault() ?? string.Empty,
            i.Text, i.DueDate, i.CreatedByMemberId, i.DoneAt));
}
