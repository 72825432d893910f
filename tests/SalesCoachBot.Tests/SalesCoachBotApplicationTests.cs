using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests;

public sealed class SalesCoachBotApplicationTests
{
    [Fact]
    public async Task PostActivity_LoopbackMessageOnDefaults_Returns200AndMigratesTheStore()
    {
        await using var app = new SalesCoachBotApplication();

        using var response = await app.PostActivityAsync(ActivityBuilder.Message("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        Assert.IsType<SqliteSalesCoachDbContext>(store);
        Assert.Empty(await store.Database.GetPendingMigrationsAsync());
    }

    [SkippableFact]
    public async Task PostActivity_OnPostgres_Returns200OnAFreshMigratedDatabase()
    {
        await using var app = new SalesCoachBotApplication(DatabaseProvider.Postgres);

        using var response = await app.PostActivityAsync(ActivityBuilder.Message("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<SalesCoachDbContext>();
        Assert.IsType<PostgresSalesCoachDbContext>(store);
        Assert.Equal(store.Database.GetMigrations(), await store.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task NewStore_WithFakeTime_RecordsContactsAtTheFakeTime()
    {
        var now = new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero);
        await using var app = new SalesCoachBotApplication { Time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now) };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SalesCoachBot.Contacts.ContactDirectory>()
                .RecordAsync(ActivityBuilder.Message("hi").Build(), ActivityBuilder.DefaultTenant);
        }

        var (storeScope, store) = app.NewStore(ActivityBuilder.DefaultTenant);
        await using var _ = storeScope;
        Assert.Equal(now, (await store.Members.SingleAsync()).CreatedAt);
    }

    [Fact]
    public async Task Start_PostgresWithoutConnectionString_FailsNamingTheSetting()
    {
        await using var app = new SalesCoachBotApplication();
        app.Settings["Database:Provider"] = "Postgres";
        app.Settings["ConnectionStrings:SalesCoach"] = "";

        var error = Assert.Throws<OptionsValidationException>(() => app.Services);

        Assert.Contains("ConnectionStrings:SalesCoach", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MalformedConnectionString_FailsWithoutEchoingIt()
    {
        await using var app = new SalesCoachBotApplication();
        app.Settings["Database:Provider"] = "Postgres";
        app.Settings["ConnectionStrings:SalesCoach"] = "Host=db;Password=hunter2;Bogus Keyword=1";

        var error = Assert.Throws<OptionsValidationException>(() => app.Services);

        Assert.Contains("not a valid Postgres connection string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }
}
