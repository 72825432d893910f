using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;

namespace SalesCoachBot.Contacts;

/// <summary>Tenants, members and conversation references: recorded from activities, read for proactive messages.</summary>
internal sealed class ContactDirectory(SalesCoachDbContext db, ContactCache cache, TimeProvider time, IOptions<SalesTeamOptions> teams)
{
    private const int MaxUpsertAttempts = 3;

    /// <summary>
    /// Upserts the tenant, the sender and the conversation reference of an activity and returns the sender
    /// (null when the activity has no usable sender, conversation or service URL). Writes only what changed.
    /// </summary>
    /// <param name="activity">The inbound activity.</param>
    /// <param name="tenantId">The tenant the turn runs under.</param>
    /// <param name="emailLookup">
    /// Optional: the sender's e-mail (activities carry none), asked only for a sender seen for the first time while
    /// imported members without a Teams id wait to be linked by e-mail.
    /// </param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    public async Task<KnownMember?> RecordAsync(Activity activity, string tenantId, Func<CancellationToken, Task<string?>>? emailLookup = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        db.ForTenant(tenantId);

        var facts = ContactFacts.From(activity, tenantId);
        if (facts is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (cache.TryGet(facts, now, out var known))
        {
            return known;
        }

        KnownMember? member;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                member = await UpsertAsync(facts, now, emailLookup, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (DbUpdateException) when (attempt < MaxUpsertAttempts)
            {
                // Another request (or instance) inserted the same tenant, member or conversation first; now they
                // exist, so the next pass updates them instead.
                db.ChangeTracker.Clear();
            }
        }

        cache.Remember(facts, member, now);
        return member;
    }

    /// <summary>
    /// Marks the conversation as welcomed; true exactly once per conversation, also under concurrency (one conditional
    /// UPDATE). False when it was welcomed before or is not recorded.
    /// </summary>
    public async Task<bool> TryMarkWelcomedAsync(string tenantId, string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        db.ForTenant(tenantId);
        var id = ContactFacts.NormalizeConversationId(conversationId);
        if (id is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var updated = await db.Conversations
            .Where(c => c.ConversationId == id && c.WelcomedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.WelcomedAt, now), cancellationToken)
            .ConfigureAwait(false);
        return updated == 1;
    }

    /// <summary>The stored reference of a conversation of the tenant, or null.</summary>
    public async Task<ConversationReference?> FindConversationAsync(string tenantId, string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        db.ForTenant(tenantId);
        var id = ContactFacts.NormalizeConversationId(conversationId);
        var row = await db.Conversations.AsNoTracking()
            .Where(c => c.ConversationId == id)
            .Select(c => new { c.ServiceUrl, c.ConversationId, c.TenantId, c.ConversationType, UserId = c.Member!.TeamsUserId, c.BotId })
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        return row is null ? null : new ConversationReference(row.ServiceUrl, row.ConversationId, row.TenantId, row.ConversationType, row.UserId, row.BotId);
    }

    /// <summary>The row id of a stored conversation of the tenant (for the outbox), or null when the bot has never been in it.</summary>
    public async Task<long?> ConversationRowIdAsync(string tenantId, string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        db.ForTenant(tenantId);
        var id = ContactFacts.NormalizeConversationId(conversationId);
        return await db.Conversations.AsNoTracking().Where(c => c.ConversationId == id).Select(c => (long?)c.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<KnownMember?> UpsertAsync(ContactFacts facts, DateTimeOffset now, Func<CancellationToken, Task<string?>>? emailLookup, CancellationToken cancellationToken)
    {
        if (!await db.Tenants.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            // First contact of the tenant: it starts with the default KPIs, in the same write (a racing first
            // contact fails on the tenant key and retries as an update, so the defaults exist once).
            db.Tenants.Add(new Tenant { TenantId = facts.TenantId, FirstSeenAt = now });
            db.Kpis.AddRange(KpiDefaults.For(facts.TenantId, teams.Value.DefaultCurrency));
        }

        Member? member = null;
        if (facts.TeamsUserId is not null)
        {
            member = await db.Members.FirstOrDefaultAsync(m => m.TeamsUserId == facts.TeamsUserId, cancellationToken).ConfigureAwait(false);
            if (member is null)
            {
                // Imported before the person ever wrote (CSV: e-mail or Entra id, no Teams id yet): link that row.
                member = await FindPendingAsync(facts, emailLookup, cancellationToken).ConfigureAwait(false);
                if (member is not null)
                {
                    member.TeamsUserId = facts.TeamsUserId;
                    Update(member, facts);
                    member.UpdatedAt = now;
                }
            }

            if (member is null)
            {
                member = new Member
                {
                    TenantId = facts.TenantId,
                    TeamsUserId = facts.TeamsUserId,
                    AadObjectId = facts.AadObjectId,
                    Name = facts.Name,
                    Locale = facts.Locale,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                db.Members.Add(member);
            }
            else if (Update(member, facts))
            {
                member.UpdatedAt = now;
            }
        }

        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.ConversationId == facts.ConversationId, cancellationToken).ConfigureAwait(false);
        if (conversation is null)
        {
            db.Conversations.Add(new Conversation
            {
                TenantId = facts.TenantId,
                ConversationId = facts.ConversationId,
                ConversationType = facts.ConversationType,
                ServiceUrl = facts.ServiceUrl,
                TeamId = facts.TeamId,
                ChannelId = facts.ChannelId,
                BotId = facts.BotId,
                Member = facts.IsPersonal ? member : null,
                CreatedAt = now,
                LastSeenAt = now,
            });
        }
        else
        {
            conversation.ServiceUrl = facts.ServiceUrl;
            conversation.ConversationType = facts.ConversationType;
            conversation.TeamId = facts.TeamId ?? conversation.TeamId;
            conversation.ChannelId = facts.ChannelId ?? conversation.ChannelId;
            conversation.BotId = facts.BotId ?? conversation.BotId;
            if (facts.IsPersonal && conversation.MemberId is null && member is not null)
            {
                conversation.Member = member;
            }

            conversation.LastSeenAt = now;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return member is null
            ? null
            : new KnownMember(member.Id, member.TenantId, member.TeamsUserId, member.AadObjectId, member.Name, member.Locale, member.PreferredLocale);
    }

    private async Task<Member?> FindPendingAsync(ContactFacts facts, Func<CancellationToken, Task<string?>>? emailLookup, CancellationToken cancellationToken)
    {
        var pending = db.Members.Where(m => m.TeamsUserId.StartsWith(Member.PendingTeamsUserIdPrefix)).OrderBy(m => m.Id);
        if (facts.AadObjectId is not null
            && await pending.FirstOrDefaultAsync(m => m.AadObjectId == facts.AadObjectId, cancellationToken).ConfigureAwait(false) is { } byEntraId)
        {
            return byEntraId;
        }

        if (emailLookup is null || !await pending.AnyAsync(m => m.Email != null, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var email = (await emailLookup(cancellationToken).ConfigureAwait(false))?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return null;
        }

        // Compared in memory, case-insensitively alike on both providers; pending rows are few and this runs only for
        // a sender seen for the first time.
        var withEmail = await pending.Where(m => m.Email != null).ToListAsync(cancellationToken).ConfigureAwait(false);
        return withEmail.FirstOrDefault(m => string.Equals(m.Email!.Trim(), email, StringComparison.OrdinalIgnoreCase));
    }

    // Absent values never erase known ones: some activities (invokes, conversation updates) omit name or AAD id.
    private static bool Update(Member member, ContactFacts facts)
    {
        var changed = false;
        if (facts.Name is not null && facts.Name != member.Name)
        {
            member.Name = facts.Name;
            changed = true;
        }

        if (facts.AadObjectId is not null && facts.AadObjectId != member.AadObjectId)
        {
            member.AadObjectId = facts.AadObjectId;
            changed = true;
        }

        if (facts.Locale is not null && facts.Locale != member.Locale)
        {
            member.Locale = facts.Locale;
            changed = true;
        }

        return changed;
    }
}
