using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Connector;

namespace SalesCoachBot.Messaging;

/// <summary>
/// Drains the outbox: claims due rows with a lease (several instances on PostgreSQL share the work; a crashed
/// instance's rows are claimed again when its lease expires), sends them through the rate-limited connector, and
/// records the outcome. A message is sent at most once unless an instance dies between the send and the record.
/// </summary>
internal sealed partial class OutboxDispatcher : BackgroundService
{
    private const string PersonalConversation = "personal";

    // Recorded on the message when its only way to the recipient names a host outside Bot:AllowedServiceUrlHosts.
    private const string ServiceUrlNotAllowed = "service-url-not-allowed";

    private readonly IServiceScopeFactory _scopes;
    private readonly IConnectorClient _connector;
    private readonly ServiceUrlAllowList _serviceUrls;
    private readonly OutboxSignal _signal;
    private readonly TimeProvider _time;
    private readonly MessagingOptions _options;
    private readonly ILogger<OutboxDispatcher> _logger;

    public OutboxDispatcher(
        IServiceScopeFactory scopes, IConnectorClient connector, ServiceUrlAllowList serviceUrls, OutboxSignal signal, TimeProvider time,
        IOptions<MessagingOptions> options, ILogger<OutboxDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scopes = scopes;
        _connector = connector;
        _serviceUrls = serviceUrls;
        _signal = signal;
        _time = time;
        _options = options.Value;
        _logger = logger;
        InstanceId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
    }

    /// <summary>Who holds a claim (machine, process, and a per-dispatcher part so two hosts in one process differ).</summary>
    public string InstanceId { get; }

    /// <summary>
    /// Claims one batch of due messages, delivers them and records each outcome. Returns how many were claimed (0 when
    /// nothing is due). On cancellation the claims whose send had not started are released for others at once.
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var claimed = await ClaimAsync(cancellationToken).ConfigureAwait(false);
        if (claimed.Count == 0)
        {
            return 0;
        }

        LogClaimed(_logger, claimed.Count);
        var started = new ConcurrentDictionary<long, bool>();
        try
        {
            // One recipient's messages go in order, one at a time: a 403 on the first stops the rest, and Teams limits
            // each conversation anyway. Different recipients go in parallel.
            var groups = claimed.GroupBy(m => (m.TenantId, m.MemberId, m.ConversationId)).Select(g => g.ToList()).ToList();
            await Parallel.ForEachAsync(
                groups,
                new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentSends, CancellationToken = cancellationToken },
                (group, ct) => DeliverGroupAsync(group, started, ct)).ConfigureAwait(false);
        }
        finally
        {
            if (cancellationToken.IsCancellationRequested)
            {
                await ReleaseAsync(claimed.Select(m => m.Id).Where(id => !started.ContainsKey(id)).ToList()).ConfigureAwait(false);
            }
        }

        return claimed.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.DispatcherEnabled)
        {
            LogDisabled(_logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchDueAsync(stoppingToken).ConfigureAwait(false) > 0)
                {
                }

                await _signal.WaitAsync(_options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The loop must survive a database outage; it tries again after the poll interval.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogDispatchFailed(_logger, exception);
                try
                {
                    // A new message wakes it as in the normal wait: a busy database at one claim must not stall delivery
                    // until the poll interval (forever on a clock that does not move, as in tests).
                    await _signal.WaitAsync(_options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private async Task<List<OutboxMessage>> ClaimAsync(CancellationToken cancellationToken)
    {
        var scope = _scopes.CreateAsyncScope();
        await using var scopeLifetime = scope.ConfigureAwait(false);
        var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        var now = _time.GetUtcNow();
        var until = now + _options.LeaseDuration;
        var me = InstanceId;
        var limit = _options.BatchSize;
        var pending = (int)OutboxStatus.Pending;
        List<long> ids;
        if (db is PostgresSalesCoachDbContext)
        {
            // SKIP LOCKED: two instances claiming at once take disjoint rows instead of waiting on each other.
            var nowUtc = now.ToUniversalTime();
            var untilUtc = until.ToUniversalTime();
            ids = await db.Database.SqlQuery<long>(
                $"""
                UPDATE outbox_messages SET claimed_by = {me}, claimed_until = {untilUtc}
                WHERE id IN (
                    SELECT id FROM outbox_messages
                    WHERE status = {pending} AND due_at <= {nowUtc} AND (claimed_until IS NULL OR claimed_until < {nowUtc})
                    ORDER BY due_at, id
                    LIMIT {limit}
                    FOR UPDATE SKIP LOCKED)
                RETURNING id AS "Value"
                """).ToListAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // SQLite serializes writers, so one conditional UPDATE is a safe claim (one instance is supported there).
            var nowMicros = StoreTime.ToSqlite(now);
            var untilMicros = StoreTime.ToSqlite(until);
            ids = await db.Database.SqlQuery<long>(
                $"""
                UPDATE outbox_messages SET claimed_by = {me}, claimed_until = {untilMicros}
                WHERE id IN (
                    SELECT id FROM outbox_messages
                    WHERE status = {pending} AND due_at <= {nowMicros} AND (claimed_until IS NULL OR claimed_until < {nowMicros})
                    ORDER BY due_at, id
                    LIMIT {limit})
                RETURNING id AS "Value"
                """).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        if (ids.Count == 0)
        {
            return [];
        }

        // The claim spans tenants by design; each delivery then works in a scope bound to the row's tenant.
        return await db.Outbox.IgnoreQueryFilters([SalesCoachDbContext.TenantFilter]).AsNoTracking()
            .Where(m => ids.Contains(m.Id))
            .OrderBy(m => m.DueAt).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask DeliverGroupAsync(List<OutboxMessage> group, ConcurrentDictionary<long, bool> started, CancellationToken cancellationToken)
    {
        var scope = _scopes.CreateAsyncScope();
        await using var scopeLifetime = scope.ConfigureAwait(false);
        var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>().ForTenant(group[0].TenantId);
        Target? target = null;
        foreach (var message in group)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                target = await DeliverAsync(db, message, target, started, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping mid-send: whether it arrived is unknown, so the lease stays and expires into a retry.
                return;
            }
#pragma warning disable CA1031 // One bad message must not stop the batch; it is retried with backoff.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogUnexpected(_logger, message.Id, exception);
                db.ChangeTracker.Clear();
                await RetryLaterAsync(db, message, "error:" + exception.GetType().Name).ConfigureAwait(false);
            }

            if (target is { Stop: true })
            {
                // The recipient is gone: the rest of this group is marked by MarkUnreachableAsync, not sent.
                return;
            }
        }
    }

    // Returns the resolved target so the next message to the same recipient skips the look-up.
    private async Task<Target?> DeliverAsync(
        SalesCoachDbContext db, OutboxMessage message, Target? known, ConcurrentDictionary<long, bool> started, CancellationToken cancellationToken)
    {
        // The lease may have expired and gone to another instance while this batch waited.
        var stillOurs = await db.Outbox.AsNoTracking()
            .AnyAsync(m => m.Id == message.Id && m.Status == OutboxStatus.Pending && m.ClaimedBy == InstanceId, cancellationToken)
            .ConfigureAwait(false);
        if (!stillOurs)
        {
            return known;
        }

        Activity activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(message.ActivityJson, BotJson.Options)
                ?? throw new JsonException("The stored activity is null.");
        }
        catch (JsonException)
        {
            await FinishAsync(db, message, OutboxStatus.Failed, "activity-json-invalid", null).ConfigureAwait(false);
            LogFailed(_logger, message.Id, message.Kind, "activity-json-invalid");
            return known;
        }

        string? replacedActivityId = null;
        if (message.UpdatesKey is { } originalKey)
        {
            var original = await db.Outbox.AsNoTracking()
                .Where(m => m.IdempotencyKey == originalKey && m.UpdatesKey == null)
                .Select(m => new { m.Status, m.SentActivityId, m.DueAt })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (original is { Status: OutboxStatus.Pending })
            {
                // Nothing to replace yet: wait for the original (not an attempt of this message's own).
                await PostponeAsync(db, message, original.DueAt).ConfigureAwait(false);
                return known;
            }

            if (original is not { Status: OutboxStatus.Sent, SentActivityId.Length: > 0 })
            {
                await FinishAsync(db, message, OutboxStatus.Failed, "original-not-sent", null).ConfigureAwait(false);
                LogFailed(_logger, message.Id, message.Kind, "original-not-sent");
                return known;
            }

            // Each update carries the whole new activity: a later one of the same original makes this one moot.
            var overtaken = await db.Outbox.AsNoTracking()
                .AnyAsync(m => m.UpdatesKey == originalKey && m.Id > message.Id && (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sent), cancellationToken)
                .ConfigureAwait(false);
            if (overtaken)
            {
                await FinishAsync(db, message, OutboxStatus.Sent, "overtaken", null).ConfigureAwait(false);
                return known;
            }

            replacedActivityId = original.SentActivityId;
        }

        try
        {
            var target = known ?? await ResolveTargetAsync(db, message, started, cancellationToken).ConfigureAwait(false);
            if (target.Failure is { } failure)
            {
                if (target.Stop)
                {
                    await FinishAsync(db, message, OutboxStatus.Unreachable, failure, null).ConfigureAwait(false);
                    await MarkUnreachableAsync(db, message, failure).ConfigureAwait(false);
                    LogUnreachable(_logger, message.Id, message.Kind, message.MemberId, failure);
                    return target;
                }

                await FinishAsync(db, message, OutboxStatus.Failed, failure, null).ConfigureAwait(false);
                LogFailed(_logger, message.Id, message.Kind, failure);
                return null;
            }

            // From here on a call to Teams may be under way: a stop leaves the lease to expire rather than release it.
            cancellationToken.ThrowIfCancellationRequested();
            started[message.Id] = true;
            if (replacedActivityId is not null)
            {
                activity.Id = replacedActivityId;
            }

            var response = replacedActivityId is null
                ? await _connector.SendToConversationAsync(target.ServiceUrl!, target.ConversationId!, activity, message.TenantId, cancellationToken).ConfigureAwait(false)
                : await _connector.UpdateActivityAsync(target.ServiceUrl!, target.ConversationId!, replacedActivityId, activity, message.TenantId, cancellationToken)
                    .ConfigureAwait(false);

            // Sent: record it whatever happens to the caller's token, or a restart would send it again.
            await FinishAsync(db, message, OutboxStatus.Sent, null, replacedActivityId ?? response.Id).ConfigureAwait(false);
            LogSent(_logger, message.Id, message.Kind, message.Attempts + 1);
            return target;
        }
        catch (ConnectorException exception) when (!exception.IsPermanent)
        {
            await RetryLaterAsync(db, message, Reason(exception)).ConfigureAwait(false);
            return known;
        }
        catch (ConnectorException exception) when (exception.Failure is ConnectorFailure.Blocked or ConnectorFailure.NotFound)
        {
            var reason = Reason(exception);
            await FinishAsync(db, message, OutboxStatus.Unreachable, reason, null).ConfigureAwait(false);
            await MarkUnreachableAsync(db, message, reason).ConfigureAwait(false);
            LogUnreachable(_logger, message.Id, message.Kind, message.MemberId, reason);
            return Target.Gone(reason);
        }
        catch (ConnectorException exception)
        {
            var reason = Reason(exception);
            await FinishAsync(db, message, OutboxStatus.Failed, reason, null).ConfigureAwait(false);
            LogFailed(_logger, message.Id, message.Kind, reason);
            return known;
        }
    }

    private async Task<Target> ResolveTargetAsync(
        SalesCoachDbContext db, OutboxMessage message, ConcurrentDictionary<long, bool> started, CancellationToken cancellationToken)
    {
        if (message.ConversationId is { } conversationRowId)
        {
            var conversation = await db.Conversations.AsNoTracking()
                .Where(c => c.Id == conversationRowId)
                .Select(c => new { c.ServiceUrl, c.ConversationId })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return conversation is null ? Target.Fail("conversation-missing")
                : !_serviceUrls.IsAllowed(conversation.ServiceUrl) ? Target.Fail(ServiceUrlNotAllowed)
                : new Target(conversation.ServiceUrl, conversation.ConversationId, null, false);
        }

        var memberId = message.MemberId ?? 0;
        var member = await db.Members.AsNoTracking()
            .Where(m => m.Id == memberId)
            .Select(m => new { m.TeamsUserId, m.UnreachableAt })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            return Target.Fail("member-missing");
        }

        if (member.UnreachableAt is not null)
        {
            return Target.Gone("member-unreachable");
        }

        var personal = await FindPersonalAsync(db, memberId, cancellationToken).ConfigureAwait(false);
        if (personal is not null)
        {
            return personal;
        }

        // No usable 1:1 chat yet: open one with the service URL and bot id the tenant's other conversations use, the
        // most recent one whose host is allowed (a reference stored before the allow-list is never used).
        var templates = db.Conversations.AsNoTracking()
            .Where(c => c.BotId != null)
            .OrderByDescending(c => c.LastSeenAt)
            .Select(c => new { c.ServiceUrl, c.BotId })
            .AsAsyncEnumerable();
        var anyTemplate = false;
        (string ServiceUrl, string BotId)? template = null;
        await foreach (var candidate in templates.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            anyTemplate = true;
            if (_serviceUrls.IsAllowed(candidate.ServiceUrl))
            {
                template = (candidate.ServiceUrl, candidate.BotId!);
                break;
            }
        }

        if (template is not { } chosen)
        {
            return Target.Fail(anyTemplate ? ServiceUrlNotAllowed : "no-conversation-reference");
        }

        cancellationToken.ThrowIfCancellationRequested();
        started[message.Id] = true;
        var created = await _connector.CreateConversationAsync(
            chosen.ServiceUrl, ConversationParameters.ForPersonalChat(chosen.BotId, member.TeamsUserId, message.TenantId), message.TenantId, cancellationToken)
            .ConfigureAwait(false);
        if (string.IsNullOrEmpty(created.Id))
        {
            return Target.Fail("create-conversation-no-id");
        }

        var serviceUrl = string.IsNullOrEmpty(created.ServiceUrl) ? chosen.ServiceUrl : created.ServiceUrl;
        if (!_serviceUrls.IsAllowed(serviceUrl))
        {
            return Target.Fail(ServiceUrlNotAllowed);
        }

        var now = _time.GetUtcNow();
        db.Conversations.Add(new Conversation
        {
            TenantId = message.TenantId,
            ConversationId = created.Id,
            ServiceUrl = serviceUrl,
            ConversationType = PersonalConversation,
            MemberId = memberId,
            BotId = chosen.BotId,
            CreatedAt = now,
            LastSeenAt = now,
        });
        try
        {
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Recorded meanwhile (the member wrote to the bot, or another instance opened the same chat): Teams
            // returns the same 1:1 conversation, so the stored one is as good.
            db.ChangeTracker.Clear();
        }

        LogConversationCreated(_logger, memberId);
        return new Target(serviceUrl, created.Id, null, false);
    }

    // The most recent 1:1 chat whose host is allowed; null when there is none (a new one is opened).
    private async Task<Target?> FindPersonalAsync(SalesCoachDbContext db, long memberId, CancellationToken cancellationToken)
    {
        var personal = db.Conversations.AsNoTracking()
            .Where(c => c.MemberId == memberId && c.ConversationType == PersonalConversation)
            .OrderByDescending(c => c.LastSeenAt)
            .Select(c => new { c.ServiceUrl, c.ConversationId })
            .AsAsyncEnumerable();
        await foreach (var chat in personal.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (_serviceUrls.IsAllowed(chat.ServiceUrl))
            {
                return new Target(chat.ServiceUrl, chat.ConversationId, null, false);
            }
        }

        return null;
    }

    // Outcomes are written only while the lease is still ours, and never cancelled: they record what already happened.
    private async Task FinishAsync(SalesCoachDbContext db, OutboxMessage message, OutboxStatus status, string? error, string? sentActivityId)
    {
        var now = _time.GetUtcNow();
        var sentAt = status == OutboxStatus.Sent ? now : (DateTimeOffset?)null;
        await db.Outbox
            .Where(m => m.Id == message.Id && m.ClaimedBy == InstanceId && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, status)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastError, Truncate(error))
                    .SetProperty(m => m.SentActivityId, sentActivityId)
                    .SetProperty(m => m.SentAt, sentAt)
                    .SetProperty(m => m.ClaimedBy, (string?)null)
                    .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null),
                CancellationToken.None)
            .ConfigureAwait(false);
    }

    // An update whose original is still pending: due again when the original is (at the earliest after the backoff base),
    // released, its attempts unchanged.
    private async Task PostponeAsync(SalesCoachDbContext db, OutboxMessage message, DateTimeOffset originalDue)
    {
        var soonest = _time.GetUtcNow() + _options.BackoffBase;
        var due = originalDue > soonest ? originalDue : soonest;
        await db.Outbox
            .Where(m => m.Id == message.Id && m.ClaimedBy == InstanceId && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.DueAt, due)
                    .SetProperty(m => m.ClaimedBy, (string?)null)
                    .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null),
                CancellationToken.None)
            .ConfigureAwait(false);
    }

    private async Task RetryLaterAsync(SalesCoachDbContext db, OutboxMessage message, string reason)
    {
        var attempts = message.Attempts + 1;
        if (attempts >= _options.MaxAttempts)
        {
            await FinishAsync(db, message, OutboxStatus.Failed, $"{reason} (after {attempts} attempts)", null).ConfigureAwait(false);
            LogFailed(_logger, message.Id, message.Kind, reason);
            return;
        }

        var backoff = Backoff(attempts);
        var dueAt = _time.GetUtcNow() + backoff;
        await db.Outbox
            .Where(m => m.Id == message.Id && m.ClaimedBy == InstanceId && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.DueAt, dueAt)
                    .SetProperty(m => m.LastError, Truncate(reason))
                    .SetProperty(m => m.ClaimedBy, (string?)null)
                    .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null),
                CancellationToken.None)
            .ConfigureAwait(false);
        LogRetrying(_logger, message.Id, message.Kind, reason, attempts, backoff);
    }

    // Teams will refuse every further send: remember it on the member and settle their other pending messages now,
    // so neither this instance nor another tries them.
    private async Task MarkUnreachableAsync(SalesCoachDbContext db, OutboxMessage message, string reason)
    {
        var now = _time.GetUtcNow();
        if (message.MemberId is { } memberId)
        {
            await db.Members.Where(m => m.Id == memberId && m.UnreachableAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.UnreachableAt, now).SetProperty(m => m.UnreachableReason, reason), CancellationToken.None)
                .ConfigureAwait(false);
            await db.Outbox.Where(m => m.MemberId == memberId && m.Status == OutboxStatus.Pending)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.Status, OutboxStatus.Unreachable)
                        .SetProperty(m => m.LastError, "member-unreachable")
                        .SetProperty(m => m.ClaimedBy, (string?)null)
                        .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null),
                    CancellationToken.None)
                .ConfigureAwait(false);
        }
        else if (message.ConversationId is { } conversationId)
        {
            await db.Outbox.Where(m => m.ConversationId == conversationId && m.Status == OutboxStatus.Pending)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.Status, OutboxStatus.Unreachable)
                        .SetProperty(m => m.LastError, "conversation-unreachable")
                        .SetProperty(m => m.ClaimedBy, (string?)null)
                        .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null),
                    CancellationToken.None)
                .ConfigureAwait(false);
        }
    }

    private async Task ReleaseAsync(List<long> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var scope = _scopes.CreateAsyncScope();
        await using var scopeLifetime = scope.ConfigureAwait(false);
        var db = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        await db.Outbox.IgnoreQueryFilters([SalesCoachDbContext.TenantFilter])
            .Where(m => ids.Contains(m.Id) && m.ClaimedBy == InstanceId && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None)
            .ConfigureAwait(false);
        LogReleased(_logger, ids.Count);
    }

    private TimeSpan Backoff(int attempts)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(_options.BackoffBase.Ticks * factor, _options.MaxBackoff.Ticks));
        return delay;
    }

    // A status and failure kind only: connector messages may quote the request, which can hold user data.
    private static string Reason(ConnectorException exception) =>
        exception.StatusCode is { } status ? $"{(int)status} {exception.Failure}" : exception.Failure.ToString();

    private static string? Truncate(string? value) =>
        value is { Length: > ColumnLengths.ShortReason } ? value[..ColumnLengths.ShortReason] : value;

    /// <summary>Where a recipient's messages go, or why they cannot (Stop: the recipient is gone for good).</summary>
    private sealed record Target(string? ServiceUrl, string? ConversationId, string? Failure, bool Stop)
    {
        public static Target Fail(string reason) => new(null, null, reason, false);

        public static Target Gone(string reason) => new(null, null, reason, true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: the dispatcher is off on this instance (Messaging:DispatcherEnabled)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox: claimed {Count} message(s)")]
    private static partial void LogClaimed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox: message {MessageId} ({Kind}) sent on attempt {Attempt}")]
    private static partial void LogSent(ILogger logger, long messageId, string kind, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: message {MessageId} ({Kind}) failed with {Reason}; attempt {Attempt}, next in {Backoff}")]
    private static partial void LogRetrying(ILogger logger, long messageId, string kind, string reason, int attempt, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: message {MessageId} ({Kind}) not delivered: {Reason}")]
    private static partial void LogFailed(ILogger logger, long messageId, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: message {MessageId} ({Kind}) recipient unreachable (member {MemberId}): {Reason}; their pending messages are dropped")]
    private static partial void LogUnreachable(ILogger logger, long messageId, string kind, long? memberId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: opened a 1:1 chat with member {MemberId}")]
    private static partial void LogConversationCreated(ILogger logger, long memberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: released {Count} claimed message(s) on stop")]
    private static partial void LogReleased(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox: message {MessageId} failed unexpectedly; it will be retried")]
    private static partial void LogUnexpected(ILogger logger, long messageId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox: dispatching failed; trying again after the poll interval, or sooner when a message is enqueued")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}
