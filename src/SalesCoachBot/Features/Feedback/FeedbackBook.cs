using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Feedback;

/// <summary>A feedback note with the names of the giver and the receiver, as cards show it.</summary>
internal sealed record FeedbackView(FeedbackNote Note, string GiverName, string ReceiverName);

/// <summary>
/// The feedback store of the tenant the scope's store is bound to: the only code that reads and writes
/// <c>feedback_notes</c>. Adding is idempotent by entry id; acknowledging keeps the first time. Also the team card's
/// <see cref="IFeedbackLog"/>.
/// </summary>
internal sealed class FeedbackBook(SalesCoachDbContext store, TimeProvider time) : IFeedbackLog
{
    /// <summary>Stores the note, or returns the one already stored with its entry id (IsNew false).</summary>
    public async Task<(FeedbackNote Note, bool IsNew)> AddAsync(FeedbackNote note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (await ByEntryAsync(note.EntryId, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return (stored, false);
        }

        note.GivenAt = time.GetUtcNow();
        store.FeedbackNotes.Add(note);
        try
        {
            await store.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return (note, true);
        }
        catch (DbUpdateException)
        {
            // The same form sent twice at once: the other request stored it.
            store.Entry(note).State = EntityState.Detached;
            var other = await ByEntryAsync(note.EntryId, cancellationToken).ConfigureAwait(false);
            return other is null ? throw new InvalidOperationException("The feedback note was neither stored nor found.") : (other, false);
        }
    }

    public async Task<FeedbackView?> FindAsync(long id, CancellationToken cancellationToken) =>
        (await ViewsAsync(store.FeedbackNotes.Where(f => f.Id == id), cancellationToken).ConfigureAwait(false)) is [var view] ? view : null;

    /// <summary>Records the acknowledgement (the first one counts) and returns the note as it is now, or null when gone.</summary>
    public async Task<FeedbackNote?> AcknowledgeAsync(long id, CancellationToken cancellationToken)
    {
        var note = await store.FeedbackNotes.FirstOrDefaultAsync(f => f.Id == id, cancellationToken).ConfigureAwait(false);
        if (note is { AcknowledgedAt: null })
        {
            note.AcknowledgedAt = time.GetUtcNow();
            await store.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return note;
    }

    /// <summary>Remembers where the manager's copy is, so the acknowledgement can update it in place.</summary>
    public async Task SetGiverCopyAsync(long id, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var note = await store.FeedbackNotes.FirstAsync(f => f.Id == id, cancellationToken).ConfigureAwait(false);
        note.GiverConversationId = conversationId;
        note.GiverActivityId = activityId;
        await store.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What the member received before <paramref name="before"/> (null: from the newest), newest first.</summary>
    public async Task<IReadOnlyList<FeedbackView>> ReceivedAsync(long memberId, DateTimeOffset? before, int take, CancellationToken cancellationToken)
    {
        var notes = store.FeedbackNotes.Where(f => f.ReceiverMemberId == memberId);
        if (before is { } until)
        {
            notes = notes.Where(f => f.GivenAt < until);
        }

        return await ViewsAsync(notes.OrderByDescending(f => f.GivenAt).ThenByDescending(f => f.Id).Take(take), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What a giver gave one member, newest first.</summary>
    public Task<IReadOnlyList<FeedbackView>> GivenAsync(long giverId, long receiverId, int take, CancellationToken cancellationToken) =>
        ViewsAsync(store.FeedbackNotes.Where(f => f.GiverMemberId == giverId && f.ReceiverMemberId == receiverId)
            .OrderByDescending(f => f.GivenAt).ThenByDescending(f => f.Id).Take(take), cancellationToken);

    public async Task<IReadOnlyDictionary<long, DateTimeOffset>> LastReceivedAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        var ids = memberIds.Distinct().ToList();
        var rows = await store.FeedbackNotes.AsNoTracking()
            .Where(f => ids.Contains(f.ReceiverMemberId))
            .GroupBy(f => f.ReceiverMemberId)
            .Select(g => new { MemberId = g.Key, Last = g.Max(f => f.GivenAt) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.MemberId, r => r.Last);
    }

    private Task<FeedbackNote?> ByEntryAsync(string entryId, CancellationToken cancellationToken) =>
        store.FeedbackNotes.AsNoTracking().FirstOrDefaultAsync(f => f.EntryId == entryId, cancellationToken);

    // The notes in their order, with the names of the people (one more query); a member without a name shows as empty.
    private async Task<IReadOnlyList<FeedbackView>> ViewsAsync(IQueryable<FeedbackNote> notes, CancellationToken cancellationToken)
    {
        var rows = await notes.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = rows.SelectMany(f => new[] { f.GiverMemberId, f.ReceiverMemberId }).Distinct().ToList();
        var names = await store.Members.AsNoTracking().Where(m => ids.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.Name ?? string.Empty, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(f => new FeedbackView(f, names.GetValueOrDefault(f.GiverMemberId, string.Empty), names.GetValueOrDefault(f.ReceiverMemberId, string.Empty)))];
    }
}
