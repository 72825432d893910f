using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Teams.Activities;

namespace SalesCoachBot.Messaging;

internal enum EnqueueResult
{
    /// <summary>Written; the dispatcher delivers it once the caller's transaction commits.</summary>
    Enqueued,
    /// <summary>A message with this idempotency key exists already: nothing written, nothing failed.</summary>
    AlreadyEnqueued,
    /// <summary>The member opted out of this kind of automatic message: nothing written.</summary>
    OptedOut,
    /// <summary>Teams said the member cannot be reached (blocked or removed the bot): nothing written.</summary>
    Unreachable,
    /// <summary>An update names a message that was never enqueued: nothing to update, nothing written.</summary>
    NoOriginal,
}

/// <summary>
/// Writes the decision to send a proactive message into the caller's unit of work (its <see cref="SalesCoachDbContext"/>,
/// bound to the tenant, and its transaction if one is open), so the decision commits or rolls back with the data change
/// that caused it. Delivery is the <see cref="OutboxDispatcher"/>'s job.
/// <para>
/// On PostgreSQL a write of a key that another open transaction wrote waits for that transaction, then is a no-op (or
/// is written, if the other rolled back). A job enqueuing many keys in one transaction should do so in a stable order
/// (e.g. by member id): two transactions taking overlapping keys in opposite orders can deadlock, and PostgreSQL then
/// rolls one of them back.
/// </para>
/// </summary>
internal sealed class Outbox
{
    private readonly SalesCoachDbContext _db;
    private readonly OutboxSignal _signal;
    private readonly TimeProvider _time;

    private readonly string? _defaultTimeZone;

    internal Outbox(SalesCoachDbContext db, OutboxSignal signal, TimeProvider time, string? defaultTimeZone = null)
    {
        _db = db;
        _signal = signal;
        _time = time;
        // Members with no zone of their own and no team get the default, as on every card (SalesClock.ResolveZone).
        _defaultTimeZone = defaultTimeZone;
    }

    /// <summary>
    /// A 1:1 message to a member (the dispatcher opens the chat if there is none). <paramref name="automatic"/> messages
    /// (reminders, nudges, digests…) follow the member's opt-outs and quiet hours; a direct answer to something the
    /// member did passes <c>automatic: false</c> and skips them.
    /// </summary>
    public async Task<EnqueueResult> EnqueueForMemberAsync(
        long memberId, string idempotencyKey, string kind, Activity activity,
        DateTimeOffset? dueAt = null, bool automatic = true, CancellationToken cancellationToken = default)
    {
        var tenantId = CheckArguments(idempotencyKey, kind, activity);
        var due = dueAt ?? _time.GetUtcNow();
        if (automatic)
        {
            var recipient = await LoadRecipientAsync(memberId, cancellationToken).ConfigureAwait(false);
            var decision = DeliveryPolicy.Decide(recipient, kind, due);
            switch (decision.Verdict)
            {
                case DeliveryVerdict.OptedOut:
                    return EnqueueResult.OptedOut;
                case DeliveryVerdict.Unreachable:
                    return EnqueueResult.Unreachable;
                default:
                    due = decision.DueAt;
                    break;
            }
        }
        else if (!await _db.Members.AnyAsync(m => m.Id == memberId, cancellationToken).ConfigureAwait(false))
        {
            throw new ArgumentException("No such member in this tenant.", nameof(memberId));
        }

        return await InsertAsync(tenantId, idempotencyKey, kind, memberId, null, activity, due, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A message into a stored conversation (a team channel), by its row id.</summary>
    public async Task<EnqueueResult> EnqueueForConversationAsync(
        long conversationId, string idempotencyKey, string kind, Activity activity,
        DateTimeOffset? dueAt = null, CancellationToken cancellationToken = default)
    {
        var tenantId = CheckArguments(idempotencyKey, kind, activity);
        if (!await _db.Conversations.AnyAsync(c => c.Id == conversationId, cancellationToken).ConfigureAwait(false))
        {
            throw new ArgumentException("No such conversation in this tenant.", nameof(conversationId));
        }

        return await InsertAsync(tenantId, idempotencyKey, kind, null, conversationId, activity, dueAt ?? _time.GetUtcNow(), null, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces the activity of the message enqueued under <paramref name="originalKey"/> in place (Teams' PUT), with
    /// <paramref name="activity"/>, in the same conversation. The dispatcher waits until the original was sent, and an
    /// update that a later update of the same original overtakes is not sent (each update carries the whole new
    /// activity, so the newest wins). <paramref name="idempotencyKey"/> names this update's decision, as for any message.
    /// Opt-outs and quiet hours were applied to the original; an update follows it.
    /// </summary>
    public async Task<EnqueueResult> EnqueueUpdateAsync(
        string originalKey, string idempotencyKey, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(originalKey);
        var original = await _db.Outbox.AsNoTracking()
            .Where(m => m.IdempotencyKey == originalKey && m.UpdatesKey == null)
            .Select(m => new { m.Kind, m.MemberId, m.ConversationId })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var tenantId = CheckArguments(idempotencyKey, original?.Kind ?? "update", activity);
        if (original is null)
        {
            return EnqueueResult.NoOriginal;
        }

        return await InsertAsync(
            tenantId, idempotencyKey, original.Kind, original.MemberId, original.ConversationId, activity, _time.GetUtcNow(), originalKey, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The id Teams gave the message enqueued under <paramref name="idempotencyKey"/>, once it was sent; else null.</summary>
    public async Task<string?> SentActivityIdAsync(string idempotencyKey, CancellationToken cancellationToken = default) =>
        await _db.Outbox.AsNoTracking()
            .Where(m => m.IdempotencyKey == idempotencyKey && m.Status == OutboxStatus.Sent)
            .Select(m => m.SentActivityId)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>True when a message was enqueued under <paramref name="idempotencyKey"/> (whatever became of it).</summary>
    public Task<bool> ExistsAsync(string idempotencyKey, CancellationToken cancellationToken = default) =>
        _db.Outbox.AnyAsync(m => m.IdempotencyKey == idempotencyKey, cancellationToken);

    /// <summary>Wakes the dispatcher now (enqueueing does it by itself, after the commit of an EF Core transaction).</summary>
    public void WakeDispatcher() => _signal.Pulse();

    private string CheckArguments(string idempotencyKey, string kind, Activity activity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(activity);
        if (idempotencyKey.Length > ColumnLengths.IdempotencyKey)
        {
            throw new ArgumentException($"The idempotency key is longer than {ColumnLengths.IdempotencyKey} characters.", nameof(idempotencyKey));
        }

        if (kind.Length > ColumnLengths.Kind)
        {
            throw new ArgumentException($"The kind is longer than {ColumnLengths.Kind} characters.", nameof(kind));
        }

        return _db.CurrentTenantId ?? throw new InvalidOperationException("Bind the store to a tenant (ForTenant) before enqueueing.");
    }

    private async Task<RecipientSettings> LoadRecipientAsync(long memberId, CancellationToken cancellationToken)
    {
        var member = await _db.Members.AsNoTracking()
            .Where(m => m.Id == memberId)
            .Select(m => new { m.TimeZone, m.QuietHoursStart, m.QuietHoursEnd, m.UnreachableAt, m.TeamsUserId })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new ArgumentException("No such member in this tenant.", nameof(memberId));
        var optOuts = await _db.OptOuts.AsNoTracking()
            .Where(o => o.MemberId == memberId)
            .Select(o => o.Kind)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        string? teamTimeZone = null;
        if (member.TimeZone is null)
        {
            teamTimeZone = await _db.HomeTeamTimeZoneAsync(memberId, cancellationToken).ConfigureAwait(false);
        }

        // An imported member not yet linked to a Teams account has no chat to write to.
        var unreachable = member.UnreachableAt is not null || member.TeamsUserId.StartsWith(Member.PendingTeamsUserIdPrefix, StringComparison.Ordinal);
        return new RecipientSettings(member.TimeZone, teamTimeZone, member.QuietHoursStart, member.QuietHoursEnd, unreachable, optOuts, _defaultTimeZone);
    }

    // One statement that is a no-op on a duplicate key, so a second decision (or a concurrent one) never fails the
    // caller's transaction the way a unique violation from SaveChanges would.
    private async Task<EnqueueResult> InsertAsync(
        string tenantId, string key, string kind, long? memberId, long? conversationId, Activity activity, DateTimeOffset due, string? updatesKey,
        CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(activity, BotJson.Options);
        var now = _time.GetUtcNow();
        var status = (int)OutboxStatus.Pending;
        int rows;
        if (_db is PostgresSalesCoachDbContext)
        {
            var dueUtc = due.ToUniversalTime();
            var nowUtc = now.ToUniversalTime();
            rows = await _db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO outbox_messages (tenant_id, idempotency_key, kind, member_id, conversation_id, activity_json, status, attempts, due_at, created_at, updates_key)
                VALUES ({tenantId}, {key}, {kind}, {memberId}, {conversationId}, {json}, {status}, 0, {dueUtc}, {nowUtc}, {updatesKey})
                ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
                """,
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var dueMicros = StoreTime.ToSqlite(due);
            var nowMicros = StoreTime.ToSqlite(now);
            rows = await _db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO outbox_messages (tenant_id, idempotency_key, kind, member_id, conversation_id, activity_json, status, attempts, due_at, created_at, updates_key)
                VALUES ({tenantId}, {key}, {kind}, {memberId}, {conversationId}, {json}, {status}, 0, {dueMicros}, {nowMicros}, {updatesKey})
                ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
                """,
                cancellationToken).ConfigureAwait(false);
        }

        if (rows == 0)
        {
            return EnqueueResult.AlreadyEnqueued;
        }

        // Outside a transaction the row is committed already; inside one the dispatcher could not see it yet.
        if (_db.Database.CurrentTransaction is null)
        {
            _signal.Pulse();
        }
        else
        {
            _signal.PulseAfterCommit(_db);
        }

        return EnqueueResult.Enqueued;
    }
}

/// <summary>Times as the SQLite flavour stores them (see UnixMicrosecondsConverter), for hand-written SQL.</summary>
internal static class StoreTime
{
    public static long ToSqlite(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;
}
