using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Recognition;

/// <summary>A person of a sales team as praise needs them: who, their language, their line manager and role.</summary>
internal sealed record TeamPerson(long MemberId, string TeamsUserId, string? Name, string? Locale, long? LineManagerId, TeamRole Role);

/// <summary>A praise as the recognition board counts it: who gave it to whom, when, its points (each receiver's) and whether it was private.</summary>
internal sealed record BoardPraise(long Id, DateTimeOffset At, long GiverId, IReadOnlyList<long> ReceiverIds, int Points, bool IsPrivate, string Reason, string? Value);

/// <summary>What a praise stores: who gave it in which team, to whom, why, for which value and how many points.</summary>
internal sealed record NewPraise(long SalesTeamId, long GiverMemberId, IReadOnlyList<long> ReceiverIds, string Reason, string? Value, int Points, bool IsPrivate, string? ChannelPostId);

/// <summary>
/// The praise, company values and recognition settings of the tenant the scope's store is bound to: the only code that
/// reads and writes their tables. Also the recognition history other features read (<see cref="IRecognitionHistory"/>).
/// </summary>
internal sealed class RecognitionStore(SalesCoachDbContext db, TimeProvider time) : IRecognitionHistory, ITeamRecognition
{
    /// <summary>Praises one giver may give in one team per day, unless the team set its own.</summary>
    public const int DefaultDailyQuota = 5;

    /// <summary>Points of a praise without a company value.</summary>
    public const int DefaultPoints = 1;

    public const int MinPoints = 1;

    public const int MaxPoints = 100;

    public const int MaxValues = 20;

    public const int MaxDailyQuota = 100;

    /// <summary>The team's daily quota per giver.</summary>
    public async Task<int> DailyQuotaAsync(long salesTeamId, CancellationToken cancellationToken) =>
        await db.RecognitionSettings.AsNoTracking().Where(s => s.SalesTeamId == salesTeamId).Select(s => (int?)s.DailyPraiseQuota)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? DefaultDailyQuota;

    /// <summary>How many praises the giver gave in the team since <paramref name="since"/> (private ones too).</summary>
    public Task<int> GivenSinceAsync(long salesTeamId, long giverMemberId, DateTimeOffset since, CancellationToken cancellationToken) =>
        db.Praises.CountAsync(p => p.SalesTeamId == salesTeamId && p.GiverMemberId == giverMemberId && p.CreatedAt >= since, cancellationToken);

    /// <summary>The team's company values, by name.</summary>
    public async Task<IReadOnlyList<CompanyValue>> ValuesAsync(long salesTeamId, CancellationToken cancellationToken)
    {
        var values = await db.CompanyValues.AsNoTracking().Where(v => v.SalesTeamId == salesTeamId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. values.OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The team's value of that name, ignoring case (in memory, alike on both providers); null when there is none.</summary>
    public async Task<CompanyValue?> FindValueAsync(long salesTeamId, string name, CancellationToken cancellationToken) =>
        (await ValuesAsync(salesTeamId, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The active members of a team, with language, line manager and role.</summary>
    public async Task<IReadOnlyList<TeamPerson>> PeopleAsync(long salesTeamId, CancellationToken cancellationToken) =>
        await db.TeamMemberships.AsNoTracking()
            .Where(m => m.SalesTeamId == salesTeamId && m.LeftAt == null)
            .Select(m => new TeamPerson(m.MemberId, m.Member!.TeamsUserId, m.Member.Name, m.Member.PreferredLocale ?? m.Member.Locale, m.Member.LineManagerId, m.Role))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Language and name of members (line managers outside the team), by id.</summary>
    public async Task<IReadOnlyDictionary<long, (string? Name, string? Locale)>> MembersAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken) =>
        await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => (m.Name, m.PreferredLocale ?? m.Locale), cancellationToken).ConfigureAwait(false);

    /// <summary>The live sales teams the member belongs to, in creation order.</summary>
    public async Task<IReadOnlyList<SalesTeam>> TeamsOfAsync(long memberId, CancellationToken cancellationToken) =>
        await db.SalesTeams.AsNoTracking()
            .Where(t => t.ArchivedAt == null && db.TeamMemberships.Any(m => m.SalesTeamId == t.Id && m.MemberId == memberId && m.LeftAt == null))
            .OrderBy(t => t.Id).ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>True when the member is an active member of the team.</summary>
    public Task<bool> IsInTeamAsync(long salesTeamId, long memberId, CancellationToken cancellationToken) =>
        db.TeamMemberships.AnyAsync(m => m.SalesTeamId == salesTeamId && m.MemberId == memberId && m.LeftAt == null, cancellationToken);

    /// <summary>Stores a praise with its receivers (in the caller's transaction, if one is open) and returns its id.</summary>
    public async Task<long> AddPraiseAsync(string tenantId, NewPraise praise, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(praise);
        var now = time.GetUtcNow();
        var row = new Praise
        {
            TenantId = tenantId,
            SalesTeamId = praise.SalesTeamId,
            GiverMemberId = praise.GiverMemberId,
            Reason = praise.Reason,
            Value = praise.Value,
            Points = praise.Points,
            IsPrivate = praise.IsPrivate,
            ChannelPostId = praise.ChannelPostId,
            CreatedAt = now,
            Receivers = [.. praise.ReceiverIds.Select(id => new PraiseReceiver { TenantId = tenantId, MemberId = id, CreatedAt = now })],
        };
        db.Praises.Add(row);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return row.Id;
    }

    /// <summary>The live sales team of that id in the store's tenant; null when there is none (or it is another tenant's).</summary>
    public Task<SalesTeam?> TeamAsync(long salesTeamId, CancellationToken cancellationToken) =>
        db.SalesTeams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == salesTeamId && t.ArchivedAt == null, cancellationToken);

    /// <summary>The praise a form's entry id stored; null when that form was never sent.</summary>
    public async Task<long?> FormPraiseAsync(string entryId, CancellationToken cancellationToken) =>
        await db.PraiseFormEntries.AsNoTracking().Where(e => e.EntryId == entryId).Select(e => (long?)e.PraiseId)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Records that a form stored a praise (in the caller's transaction); false when the same form was stored meanwhile.</summary>
    public async Task<bool> TryAddFormEntryAsync(string tenantId, string entryId, long praiseId, CancellationToken cancellationToken)
    {
        var entry = new PraiseFormEntry { TenantId = tenantId, EntryId = entryId, PraiseId = praiseId, CreatedAt = time.GetUtcNow() };
        db.PraiseFormEntries.Add(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    /// <summary>The team's praise since <paramref name="since"/> (private ones too: they count), oldest first.</summary>
    public async Task<IReadOnlyList<BoardPraise>> TeamPraiseSinceAsync(long salesTeamId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var rows = await db.Praises.AsNoTracking().Include(p => p.Receivers)
            .Where(p => p.SalesTeamId == salesTeamId && p.CreatedAt >= since)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(p => new BoardPraise(
            p.Id, p.CreatedAt, p.GiverMemberId, [.. p.Receivers.Select(r => r.MemberId).Order()], p.Points, p.IsPrivate, p.Reason, p.Value))];
    }

    /// <summary>Which of <paramref name="memberIds"/> received praise in the team since <paramref name="since"/>.</summary>
    public async Task<IReadOnlySet<long>> RecognisedSinceAsync(long salesTeamId, IReadOnlyCollection<long> memberIds, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var ids = memberIds.ToList();
        var recognised = await db.PraiseReceivers.AsNoTracking()
            .Where(r => ids.Contains(r.MemberId) && r.CreatedAt >= since && db.Praises.Any(p => p.Id == r.PraiseId && p.SalesTeamId == salesTeamId))
            .Select(r => r.MemberId).Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return recognised.ToHashSet();
    }

    /// <summary>Adds a value or changes its points; true when it was new.</summary>
    public async Task<bool> SetValueAsync(string tenantId, long salesTeamId, string name, int points, CancellationToken cancellationToken)
    {
        var existing = (await db.CompanyValues.Where(v => v.SalesTeamId == salesTeamId).ToListAsync(cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            existing.Points = points;
        }
        else
        {
            db.CompanyValues.Add(new CompanyValue { TenantId = tenantId, SalesTeamId = salesTeamId, Name = name, Points = points, CreatedAt = time.GetUtcNow() });
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return existing is null;
    }

    /// <summary>Removes the team's value of that name (ignoring case); the stored name, or null when there was none.</summary>
    public async Task<string?> RemoveValueAsync(long salesTeamId, string name, CancellationToken cancellationToken)
    {
        var existing = (await db.CompanyValues.Where(v => v.SalesTeamId == salesTeamId).ToListAsync(cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
        if (existing is null)
        {
            return null;
        }

        db.CompanyValues.Remove(existing);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return existing.Name;
    }

    /// <summary>Replaces every value of the team, and its daily quota when given (null: left as it is), in one transaction.</summary>
    public async Task ReplaceAsync(string tenantId, long salesTeamId, IReadOnlyList<(string Name, int Points)> values, int? dailyQuota, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionLifetime = transaction.ConfigureAwait(false);
            await db.CompanyValues.Where(v => v.SalesTeamId == salesTeamId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            db.CompanyValues.AddRange(values.Select(v => new CompanyValue { TenantId = tenantId, SalesTeamId = salesTeamId, Name = v.Name, Points = v.Points, CreatedAt = now }));
            if (dailyQuota is { } quota)
            {
                var settings = await db.RecognitionSettings.FirstOrDefaultAsync(s => s.SalesTeamId == salesTeamId, cancellationToken).ConfigureAwait(false);
                if (settings is null)
                {
                    db.RecognitionSettings.Add(new RecognitionSettings { TenantId = tenantId, SalesTeamId = salesTeamId, DailyPraiseQuota = quota });
                }
                else
                {
                    settings.DailyPraiseQuota = quota;
                }
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RecognitionEntry>> ReceivedAsync(long memberId, DateTimeOffset? before, int take, CancellationToken cancellationToken)
    {
        var received = db.PraiseReceivers.AsNoTracking().Where(r => r.MemberId == memberId);
        if (before is { } end)
        {
            received = received.Where(r => r.CreatedAt < end);
        }

        var rows = await received
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.PraiseId)
            .Take(Math.Max(0, take))
            .Join(db.Praises, r => r.PraiseId, p => p.Id, (r, p) => new { p.Id, p.CreatedAt, p.GiverMemberId, p.Reason, p.Value, p.Points, p.IsPrivate })
            .Select(p => new { p, GiverName = db.Members.Where(m => m.Id == p.GiverMemberId).Select(m => m.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows
            .OrderByDescending(r => r.p.CreatedAt).ThenByDescending(r => r.p.Id)
            .Select(r => new RecognitionEntry(r.p.Id, r.p.CreatedAt, r.p.GiverMemberId, r.GiverName, r.p.Reason, r.p.Value, r.p.Points, r.p.IsPrivate))];
    }

    /// <summary>The team's public praise in [from, to), newest first, with the giver's and receivers' names.</summary>
    public async Task<IReadOnlyList<TeamPraise>> PublicPraiseAsync(long salesTeamId, DateTimeOffset from, DateTimeOffset to, int take, CancellationToken cancellationToken)
    {
        var rows = await db.Praises.AsNoTracking()
            .Where(p => p.SalesTeamId == salesTeamId && !p.IsPrivate && p.CreatedAt >= from && p.CreatedAt < to)
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Take(Math.Max(0, take))
            .Select(p => new
            {
                p.Id,
                p.CreatedAt,
                p.Reason,
                p.Value,
                Giver = db.Members.Where(m => m.Id == p.GiverMemberId).Select(m => m.Name).FirstOrDefault(),
                Receivers = p.Receivers.OrderBy(r => r.Id).Select(r => db.Members.Where(m => m.Id == r.MemberId).Select(m => m.Name).FirstOrDefault()).ToList(),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new TeamPraise(r.Id, r.CreatedAt, r.Giver, [.. r.Receivers.Select(n => n ?? string.Empty)], r.Reason, r.Value))];
    }
}
