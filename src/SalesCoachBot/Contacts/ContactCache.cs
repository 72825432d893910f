using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SalesCoachBot.Contacts;

/// <summary>
/// The contacts this instance recorded recently, by their exact facts, so a turn that brings nothing new costs no
/// database round trip. Per instance and best effort: a miss only means one more idempotent write.
/// </summary>
internal sealed class ContactCache(IOptions<ContactOptions> options)
{
    private readonly ConcurrentDictionary<ContactFacts, Entry> _entries = new();

    public bool TryGet(ContactFacts facts, DateTimeOffset now, out KnownMember? member)
    {
        if (_entries.TryGetValue(facts, out var entry) && now - entry.RecordedAt < options.Value.LastSeenRefreshInterval)
        {
            member = entry.Member;
            return true;
        }

        member = null;
        return false;
    }

    public void Remember(ContactFacts facts, KnownMember? member, DateTimeOffset now)
    {
        // Crude bound instead of LRU bookkeeping: clearing only costs one write per active contact.
        if (_entries.Count >= options.Value.CacheCapacity)
        {
            _entries.Clear();
        }

        _entries[facts] = new Entry(member, now);
    }

    /// <summary>Drops a member's entries, so a changed setting (e.g. the language) is read again on the next turn.</summary>
    public void Forget(string tenantId, string teamsUserId)
    {
        foreach (var facts in _entries.Keys)
        {
            if (facts.TenantId == tenantId && facts.TeamsUserId == teamsUserId)
            {
                _entries.TryRemove(facts, out _);
            }
        }
    }

    private sealed record Entry(KnownMember? Member, DateTimeOffset RecordedAt);
}
