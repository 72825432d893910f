using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace SalesCoachBot.Data;

/// <summary>
/// The store. One model, two providers: <see cref="SqliteSalesCoachDbContext"/> and <see cref="PostgresSalesCoachDbContext"/>
/// derive from it only to own their migrations; features depend on this type.
/// <para>
/// Tenant isolation: every <see cref="ITenantOwned"/> entity has the named query filter <see cref="TenantFilter"/>
/// comparing its tenant id to <see cref="CurrentTenantId"/>, which a request binds once with <see cref="ForTenant"/>
/// (the contact recorder does it for every turn). Unbound, tenant-owned queries return nothing (fail closed), and
/// SaveChanges refuses rows of another tenant. Cross-tenant work (the outbox dispatcher, fan-out jobs) must say so
/// with <c>IgnoreQueryFilters([SalesCoachDbContext.TenantFilter])</c> or use one scope per tenant.
/// </para>
/// </summary>
public abstract class SalesCoachDbContext : DbContext
{
    /// <summary>Name of the tenant query filter, for the rare query that must span tenants.</summary>
    public const string TenantFilter = "Tenant";

    private static readonly MethodInfo FilterByTenantMethod =
        typeof(SalesCoachDbContext).GetMethod(nameof(FilterByTenant), BindingFlags.NonPublic | BindingFlags.Instance)!;

    protected SalesCoachDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>The tenant this context serves; null until <see cref="ForTenant"/> is called.</summary>
    public string? CurrentTenantId { get; private set; }

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<MemberOptOut> OptOuts => Set<MemberOptOut>();

    public DbSet<SalesTeam> SalesTeams => Set<SalesTeam>();

    public DbSet<TeamMembership> TeamMemberships => Set<TeamMembership>();

    public DbSet<KpiDefinition> Kpis => Set<KpiDefinition>();

    public DbSet<KpiAliasWord> KpiAliases => Set<KpiAliasWord>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<SalesResult> SalesResults => Set<SalesResult>();

    public DbSet<SalesTarget> SalesTargets => Set<SalesTarget>();

    public DbSet<CrmEvent> CrmEvents => Set<CrmEvent>();
    public DbSet<PendingImport> PendingImports => Set<PendingImport>();

    public DbSet<TenantCalendarYear> TenantCalendarYears => Set<TenantCalendarYear>();

    public DbSet<Praise> Praises => Set<Praise>();

    public DbSet<PraiseReceiver> PraiseReceivers => Set<PraiseReceiver>();

    public DbSet<CompanyValue> CompanyValues => Set<CompanyValue>();

    public DbSet<RecognitionSettings> RecognitionSettings => Set<RecognitionSettings>();

    public DbSet<Celebration> Celebrations => Set<Celebration>();

    public DbSet<FeedbackNote> FeedbackNotes => Set<FeedbackNote>();

    public DbSet<PraiseFormEntry> PraiseFormEntries => Set<PraiseFormEntry>();
    public DbSet<FeedbackSettings> FeedbackSettings => Set<FeedbackSettings>();

    public DbSet<FeedbackNudge> FeedbackNudges => Set<FeedbackNudge>();

    public DbSet<MeetingSeries> MeetingSeries => Set<MeetingSeries>();

    public DbSet<MeetingAgendaItem> MeetingAgendaItems => Set<MeetingAgendaItem>();

    public DbSet<MeetingActionItem> MeetingActionItems => Set<MeetingActionItem>();

    // Scorecards (issue 13 point 2).
    public DbSet<ScorecardWeight> ScorecardWeights => Set<ScorecardWeight>();

    public DbSet<ScorecardSettings> ScorecardSettings => Set<ScorecardSettings>();
    // Commission (issue 13, point 4).
    public DbSet<CommissionPlan> CommissionPlans => Set<CommissionPlan>();

    public DbSet<CommissionTier> CommissionTiers => Set<CommissionTier>();

    /// <summary>
    /// Binds this context (one request or job scope) to a tenant. Binding again to another tenant throws, so one unit
    /// of work can never mix two tenants' rows.
    /// </summary>
    public SalesCoachDbContext ForTenant(string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        if (CurrentTenantId is not null && !string.Equals(CurrentTenantId, tenantId, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("This store is already bound to another tenant; use a new scope per tenant.");
        }

        CurrentTenantId = tenantId;
        return this;
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);

        // snake_case tables and columns on both providers, so hand-written SQL and psql sessions read the same.
        optionsBuilder.UseSnakeCaseNamingConvention();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SalesCoachDbContext).Assembly);

        foreach (var entityType in modelBuilder.Model.GetEntityTypes().ToList())
        {
            if (typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType))
            {
                FilterByTenantMethod.MakeGenericMethod(entityType.ClrType).Invoke(this, [modelBuilder]);
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardTenant();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardTenant();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // EF parameterizes the reference to this context's CurrentTenantId, so one cached model serves every tenant.
    private void FilterByTenant<TEntity>(ModelBuilder modelBuilder)
        where TEntity : class, ITenantOwned =>
        modelBuilder.Entity<TEntity>().HasQueryFilter(TenantFilter, e => e.TenantId == CurrentTenantId);

    private void GuardTenant()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && !string.Equals(entry.Entity.TenantId, CurrentTenantId, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"A {entry.Metadata.ClrType.Name} of another tenant (or with no tenant bound) cannot be saved through this store.");
            }
        }
    }
}

/// <summary>The SQLite flavour (embedded default); owns Migrations/Sqlite.</summary>
public sealed class SqliteSalesCoachDbContext(DbContextOptions<SqliteSalesCoachDbContext> options) : SalesCoachDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite has no date type and EF cannot compare or sort DateTimeOffset text there; stored as UTC
        // microseconds since the Unix epoch (PostgreSQL's precision), times compare and order in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMicrosecondsConverter>();
    }
}

/// <summary>The PostgreSQL flavour (scale-out); owns Migrations/Postgres.</summary>
public sealed class PostgresSalesCoachDbContext(DbContextOptions<PostgresSalesCoachDbContext> options) : SalesCoachDbContext(options);
