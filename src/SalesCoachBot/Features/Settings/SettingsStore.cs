using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;

namespace SalesCoachBot.Features.Settings;

/// <summary>Reads and writes one member's settings, always within the turn's tenant.</summary>
internal sealed partial class SettingsStore(SalesCoachDbContext db, ContactCache contacts, TimeProvider time, ILogger<SettingsStore> logger)
{
    /// <summary>The member's settings, or null when the member is not in this tenant's store.</summary>
    public async Task<MemberSettings?> LoadAsync(string tenantId, long memberId, CancellationToken cancellationToken)
    {
        db.ForTenant(tenantId);
        var member = await db.Members.AsNoTracking()
            .Where(m => m.Id == memberId)
            .Select(m => new { m.PreferredLocale, m.TimeZone, m.QuietHoursStart, m.QuietHoursEnd })
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        if (member is null)
        {
            return null;
        }

        var optOuts = await db.OptOuts.AsNoTracking()
            .Where(o => o.MemberId == memberId)
            .Select(o => o.Kind)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return new MemberSettings(member.PreferredLocale, member.TimeZone, member.QuietHoursStart, member.QuietHoursEnd,
            optOuts.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Saves validated settings in one transaction (SaveChanges) and forgets the cached contact, so the next turn
    /// reads the new language. False when the member is not in this tenant's store.
    /// </summary>
    public async Task<bool> SaveAsync(string tenantId, KnownMember who, MemberSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(settings);
        db.ForTenant(tenantId);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (!await ApplyAsync(tenantId, who.Id, settings, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                break;
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                // A second Save of the same card (a double click) added the same opt-out first; apply again over it.
                db.ChangeTracker.Clear();
            }
        }

        contacts.Forget(tenantId, who.TeamsUserId);
        LogSaved(logger, who.Id, settings.PreferredLocale ?? "auto", settings.OptOuts.Count);
        return true;
    }

    /// <summary>
    /// Turns one kind of automatic message off for the member (a one-click opt-out); pressing it again, or twice at
    /// once, leaves one opt-out. False when the member is not in this tenant's store.
    /// </summary>
    public async Task<bool> OptOutAsync(string tenantId, long memberId, string kind, CancellationToken cancellationToken)
    {
        db.ForTenant(tenantId);
        if (!await db.Members.AnyAsync(m => m.Id == memberId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        if (await db.OptOuts.AnyAsync(o => o.MemberId == memberId && o.Kind == kind, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        db.OptOuts.Add(new MemberOptOut { TenantId = tenantId, MemberId = memberId, Kind = kind, CreatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // A second press at the same moment stored the same opt-out first: it is off either way.
            db.ChangeTracker.Clear();
        }

        LogOptedOut(logger, memberId, kind);
        return true;
    }

    private async Task<bool> ApplyAsync(string tenantId, long memberId, MemberSettings settings, CancellationToken cancellationToken)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        member.PreferredLocale = settings.PreferredLocale;
        member.TimeZone = settings.TimeZone;
        member.QuietHoursStart = settings.QuietHoursStart;
        member.QuietHoursEnd = settings.QuietHoursEnd;
        member.UpdatedAt = now;

        var existing = await db.OptOuts.Where(o => o.MemberId == memberId).ToListAsync(cancellationToken).ConfigureAwait(false);
        db.OptOuts.RemoveRange(existing.Where(o => !settings.OptOuts.Contains(o.Kind)));
        foreach (var kind in settings.OptOuts.Where(k => !existing.Any(o => o.Kind == k)))
        {
            db.OptOuts.Add(new MemberOptOut { TenantId = tenantId, MemberId = memberId, Kind = kind, CreatedAt = now });
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {MemberId} turned off {Kind} with one click")]
    private static partial void LogOptedOut(ILogger logger, long memberId, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {MemberId} saved settings (language {Language}, {OptOutCount} opt-outs)")]
    private static partial void LogSaved(ILogger logger, long memberId, string language, int optOutCount);
}
