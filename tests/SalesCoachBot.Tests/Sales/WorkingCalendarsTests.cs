using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;
using SalesCoachBot.Tests.Features.TeamProgress;

namespace SalesCoachBot.Tests.Sales;

public sealed class WorkingCalendarsTests
{
    private const string TenantA = TeamWorld.TenantA;
    private const string TenantB = TeamWorld.TenantB;

    // Monday 7 December 2026, 10:00 in Shanghai: the 2027 notice is not out yet.
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    // Friday 1 January 2027 and Thursday 1 October 2026: holidays in China, working days by weekends only.
    private static readonly DateOnly NewYear2027 = new(2027, 1, 1);
    private static readonly DateOnly NationalDay2026 = new(2026, 10, 1);

    private const string Own2027 = """{ "year": 2027, "source": "test", "holidays": ["2027-01-01"] }""";

    [Theory]
    [InlineData("Asia/Shanghai", WorkingCalendarKind.China)]
    [InlineData("Asia/Urumqi", WorkingCalendarKind.China)]
    [InlineData("Asia/Hong_Kong", WorkingCalendarKind.WeekendsOnly)]
    [InlineData("Asia/Taipei", WorkingCalendarKind.WeekendsOnly)]
    [InlineData("Europe/London", WorkingCalendarKind.WeekendsOnly)]
    [InlineData("UTC", WorkingCalendarKind.WeekendsOnly)]
    public void DefaultFor_Zone_ChinaOnlyInMainlandChinaZones(string zone, WorkingCalendarKind expected) =>
        Assert.Equal(expected, WorkingCalendars.DefaultFor(TimeZoneInfo.FindSystemTimeZoneById(zone)));

    [Fact]
    public void UncoveredYears_SameYearAgain_WarnsOncePerYearNamingHowToSupplyIt()
    {
        var logger = new CollectingLogger();
        var calendars = new WorkingCalendars(null!, new WorkingCalendarCache(), new FakeTimeProvider(Now), logger);
        var week = SalesPeriod.Containing(SalesPeriodKind.Week, new DateOnly(2026, 12, 30));

        var first = calendars.UncoveredYears(WorkingCalendarFile.China, week);
        var again = calendars.UncoveredYears(WorkingCalendarFile.China, SalesPeriod.Month(2027, 1));
        var covered = calendars.UncoveredYears(WorkingCalendarFile.China, SalesPeriod.Month(2026, 12));
        var next = calendars.UncoveredYears(WorkingCalendarFile.China, SalesPeriod.Year(2028));

        Assert.Equal([2027], first);
        Assert.Equal([2027], again);
        Assert.Empty(covered);
        Assert.Equal([2028], next);
        Assert.Equal(2, logger.Lines.Count);
        Assert.All(logger.Lines, l => Assert.Equal(LogLevel.Warning, l.Level));
        Assert.Contains("2027", logger.Lines[0].Text, StringComparison.Ordinal);
        Assert.Contains("/calendars/cn/", logger.Lines[0].Text, StringComparison.Ordinal);
        Assert.Contains("2028", logger.Lines[1].Text, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Save_NewYear_CoversItForThatTenantOnly(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        Assert.False((await ChinaAsync(app, TenantA)).Covers(2027));

        var (stored, created) = await WithCalendarsAsync(app, TenantA, c => c.SaveAsync(TenantA, WorkingCalendarFile.Read(Own2027)));

        Assert.True(created);
        Assert.Equal((2027, "test"), (stored.Year, stored.Source));
        // 2027 by weekends only has 261 weekdays; 1 January is off.
        Assert.Equal(260, stored.WorkingDays);
        var a = await ChinaAsync(app, TenantA);
        Assert.True(a.Covers(2027));
        Assert.False(a.IsWorkingDay(NewYear2027));
        // The bundled years stay.
        Assert.False(a.IsWorkingDay(NationalDay2026));
        var b = await ChinaAsync(app, TenantB);
        Assert.False(b.Covers(2027));
        Assert.True(b.IsWorkingDay(NewYear2027));
        Assert.Empty(await WithCalendarsAsync(app, TenantB, c => c.ListAsync(TenantB)));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Save_SameYearAgain_ReplacesTheRow(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await WithCalendarsAsync(app, TenantA, c => c.SaveAsync(TenantA, WorkingCalendarFile.Read(Own2027)));
        app.Time!.Advance(TimeSpan.FromMinutes(1));

        var (stored, created) = await WithCalendarsAsync(app, TenantA, c => c.SaveAsync(TenantA,
            WorkingCalendarFile.Read("""{ "year": 2027, "holidays": ["2027-01-01", "2027-01-04"] }""")));

        Assert.False(created);
        Assert.Equal((259, Now.AddMinutes(1)), (stored.WorkingDays, stored.UpdatedAt));
        var list = await WithCalendarsAsync(app, TenantA, c => c.ListAsync(TenantA));
        Assert.Equal(2027, Assert.Single(list).Year);
        Assert.Null(list[0].Source);
        Assert.False((await ChinaAsync(app, TenantA)).IsWorkingDay(new DateOnly(2027, 1, 4)));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SaveAndDelete_BundledYear_ReplacedForTheTenantThenBundledAgain(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        await WithCalendarsAsync(app, TenantA, c => c.SaveAsync(TenantA,
            WorkingCalendarFile.Read("""{ "year": 2026, "holidays": ["2026-01-01"] }""")));

        var replaced = await ChinaAsync(app, TenantA);
        var other = await ChinaAsync(app, TenantB);
        var deletedInB = await WithCalendarsAsync(app, TenantB, c => c.DeleteAsync(TenantB, 2026));
        var stillReplaced = await ChinaAsync(app, TenantA);
        var deleted = await WithCalendarsAsync(app, TenantA, c => c.DeleteAsync(TenantA, 2026));
        var deletedAgain = await WithCalendarsAsync(app, TenantA, c => c.DeleteAsync(TenantA, 2026));

        // The tenant's 2026 has no National Day: its file replaces the bundled year whole.
        Assert.True(replaced.IsWorkingDay(NationalDay2026));
        Assert.False(other.IsWorkingDay(NationalDay2026));
        Assert.False(deletedInB);
        Assert.True(stillReplaced.IsWorkingDay(NationalDay2026));
        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.False((await ChinaAsync(app, TenantA)).IsWorkingDay(NationalDay2026));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ChinaAsync_YearStoredByAnotherInstance_SeenOnceTheCachedCopyIsOld(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        Assert.False((await ChinaAsync(app, TenantA)).Covers(2027));
        // Another instance stores the year: this instance's cache is not told.
        var (scope, store) = app.NewStore(TenantA);
        await using (scope)
        {
            store.Tenants.Add(new Tenant { TenantId = TenantA, FirstSeenAt = Now });
            store.TenantCalendarYears.Add(new TenantCalendarYear
            {
                TenantId = TenantA, Country = WorkingCalendars.China, Year = 2027, Content = Own2027, CreatedAt = Now, UpdatedAt = Now,
            });
            await store.SaveChangesAsync();
        }

        var cached = await ChinaAsync(app, TenantA);
        app.Time!.Advance(WorkingCalendarCache.Lifetime);
        var fresh = await ChinaAsync(app, TenantA);

        Assert.False(cached.Covers(2027));
        Assert.True(fresh.Covers(2027));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ForMemberAsync_HomeTeamsChoice_WinsOverTheZone(DatabaseProvider provider)
    {
        await using var app = NewApp(provider);
        var world = await TeamWorld.CreateAsync(app);
        var alice = world.Members["29:alice"];
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

        var byZone = await WithCalendarsAsync(app, TenantA, c => c.ForMemberAsync(TenantA, alice, shanghai));
        var byZoneAbroad = await WithCalendarsAsync(app, TenantA, c => c.ForMemberAsync(TenantA, alice, london));
        await ChooseAsync(app, world.TeamId, WorkingCalendarKind.WeekendsOnly);
        var weekends = await WithCalendarsAsync(app, TenantA, c => c.ForMemberAsync(TenantA, alice, shanghai));
        await ChooseAsync(app, world.TeamId, WorkingCalendarKind.China);
        var china = await WithCalendarsAsync(app, TenantA, c => c.ForMemberAsync(TenantA, alice, london));

        Assert.False(byZone.IsWorkingDay(NationalDay2026));
        Assert.True(byZoneAbroad.IsWorkingDay(NationalDay2026));
        Assert.True(weekends.IsWorkingDay(NationalDay2026));
        Assert.False(china.IsWorkingDay(NationalDay2026));
        // Another tenant's member with the same id sees nothing of tenant A's team.
        Assert.True((await WithCalendarsAsync(app, TenantB, c => c.ForMemberAsync(TenantB, alice, london))).IsWorkingDay(NationalDay2026));
    }

    private static SalesCoachBotApplication NewApp(DatabaseProvider provider) => new(provider) { Time = new FakeTimeProvider(Now) };

    private static Task<WorkingCalendar> ChinaAsync(SalesCoachBotApplication app, string tenant) =>
        WithCalendarsAsync(app, tenant, c => c.ChinaAsync(tenant));

    private static async Task<T> WithCalendarsAsync<T>(SalesCoachBotApplication app, string tenant, Func<WorkingCalendars, Task<T>> use)
    {
        var (scope, _) = app.NewStore(tenant);
        await using (scope)
        {
            return await use(scope.ServiceProvider.GetRequiredService<WorkingCalendars>());
        }
    }

    private static async Task ChooseAsync(SalesCoachBotApplication app, long teamId, WorkingCalendarKind kind)
    {
        var (scope, store) = app.NewStore(TenantA);
        await using (scope)
        {
            var team = await store.SalesTeams.SingleAsync(t => t.Id == teamId);
            team.WorkingCalendar = kind;
            await store.SaveChangesAsync();
        }
    }

    private sealed class CollectingLogger : ILogger<WorkingCalendars>
    {
        public List<(LogLevel Level, string Text)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
