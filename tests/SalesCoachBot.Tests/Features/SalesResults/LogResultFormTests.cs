using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Data;

namespace SalesCoachBot.Tests.Features.SalesResults;

public sealed class LogResultFormTests
{
    private const string TenantB = "tenant-fabrikam";

    // Wednesday 18 November 2026, 10:00 in Shanghai (the default zone).
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);

    private static async Task<SalesCoachBotApplication> StartAsync(DatabaseProvider provider)
    {
        var app = new SalesCoachBotApplication(provider) { Time = new FakeTimeProvider(Now) };
        await app.PostActivityAsync(ActivityBuilder.Message("help").InPersonalChat());
        await app.PostActivityAsync(ActivityBuilder.Message("help").InPersonalChat().InTenant(TenantB));
        app.Connector.Reset();
        return app;
    }

    private static ActivityBuilder Execute(string verb, object data) =>
        ActivityBuilder.Of("invoke").InPersonalChat().WithName("adaptiveCard/action")
            .WithValue(new { action = new { type = "Action.Execute", verb, data } });

    /// <summary>Presses a button; returns the card of the invoke response, or fails with what came back instead.</summary>
    private static async Task<JsonNode> PressAsync(SalesCoachBotApplication app, ActivityBuilder invoke)
    {
        var response = await app.PostActivityAsync(invoke);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["type"]!.GetValue<string>() == "application/vnd.microsoft.card.adaptive", body.ToJsonString());
        return body["value"]!;
    }

    private static Task<JsonNode> OpenFormAsync(SalesCoachBotApplication app, string period = "month", string? tenant = null)
    {
        var invoke = Execute("results.log-form", new { period });
        return PressAsync(app, tenant is null ? invoke : invoke.InTenant(tenant));
    }

    private static JsonObject Action(JsonNode card, string verb) =>
        card["actions"]!.AsArray().Select(a => a!.AsObject()).Single(a => a["verb"]!.GetValue<string>() == verb);

    private static JsonObject Input(JsonNode card, string id) =>
        card["body"]!.AsArray().Select(e => e!.AsObject()).Single(e => e["id"]?.GetValue<string>() == id);

    private static string EntryOf(JsonNode form) => Action(form, "results.log")["data"]!["entry"]!.GetValue<string>();

    private static ActivityBuilder Submit(string entry, string kpi, string amount, string? customer = null, string? note = null, string date = "2026-11-18", string period = "month") =>
        Execute("results.log", new { entry, period, kpi, amount, customer = customer ?? "", note = note ?? "", date });

    private static string Texts(JsonNode card) => string.Join('\n', Strings(card));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task LogForm_FromWeekCard_ShowsKpisAmountTodayAndButtonsBackToTheWeek(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);

        var form = await OpenFormAsync(app, "week");

        Assert.Equal("Log a result", form["body"]![0]!["text"]!.GetValue<string>());
        var kpi = Input(form, "kpi");
        Assert.Equal(
            ["Deal (revenue + 1 contract)", "Revenue", "Collections", "Contracts signed", "New customers", "Customer visits"],
            kpi["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
        Assert.Equal(["deal", "revenue", "collections", "contracts", "new-customers", "visits"], kpi["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));
        Assert.Equal("deal", kpi["value"]!.GetValue<string>());
        Assert.Equal("Input.Text", Input(form, "amount")["type"]!.GetValue<string>());
        Assert.Equal("2026-11-18", Input(form, "date")["value"]!.GetValue<string>());
        Assert.Equal("2026-11-18", Input(form, "date")["max"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{32}$", EntryOf(form));
        Assert.Equal("week", Action(form, "results.log")["data"]!["period"]!.GetValue<string>());
        var cancel = Action(form, "targets.period");
        Assert.Equal(("Cancel", "week", "none"), (cancel["title"]!.GetValue<string>(), cancel["data"]!["period"]!.GetValue<string>(), cancel["associatedInputs"]!.GetValue<string>()));
        Assert.NotEqual(EntryOf(form), EntryOf(await OpenFormAsync(app, "week")));
        Assert.Empty(app.Connector.SentActivities);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task LogForm_Chinese_ShowsChineseForm(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);

        var form = await PressAsync(app, Execute("results.log-form", new { period = "month" }).WithLocale("zh-CN"));

        var texts = Texts(form);
        Assert.Contains("记录业绩", texts, StringComparison.Ordinal);
        Assert.Contains("成交（销售额 + 1 份合同）", texts, StringComparison.Ordinal);
        Assert.DoesNotContain("Log a result", texts, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task LogForm_GoodSubmit_RecordsAndUpdatesTargetsCardWithNewActual(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var entry = EntryOf(await OpenFormAsync(app));

        var card = await PressAsync(app, Submit(entry, "deal", "12万", "Acme", "first order"));

        var texts = Texts(card);
        Assert.Contains("✔ Logged ¥120,000 revenue and 1 contract · Acme. Type undo within 10 minutes to take it back.", texts, StringComparison.Ordinal);
        Assert.Contains("This month · November 2026", texts, StringComparison.Ordinal);
        Assert.Contains("¥120,000 / ¥0", texts, StringComparison.Ordinal);
        var rows = await LogCommandTests.CountingResultsAsync(app);
        Assert.Equal(
            [(KpiDefaults.Revenue, 120_000m, entry + ":revenue"), (KpiDefaults.Contracts, 1m, entry + ":contracts")],
            rows.Select(r => (r.Kpi, r.Result.Amount, r.Result.ExternalId)));
        Assert.All(rows, r => Assert.Equal((ResultSources.Card, "Acme", "first order"), (r.Result.Source, r.Result.Customer, r.Result.Note)));
        Assert.Empty(app.Connector.SentActivities);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task LogForm_EarlierDateFromWeekCard_CountsOnThatDateAndShowsTheWeek(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var entry = EntryOf(await OpenFormAsync(app, "week"));

        var card = await PressAsync(app, Submit(entry, "visits", "3", date: "2026-11-16", period: "week"));

        var texts = Texts(card);
        Assert.Contains("✔ Logged 3 visits on Nov 16, 2026.", texts, StringComparison.Ordinal);
        Assert.Contains("This week · Week 47, 2026", texts, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 11, 16), Assert.Single(await LogCommandTests.CountingResultsAsync(app)).Result.OccurredOn);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task LogForm_BadAmount_ComesBackWithErrorAndEveryValueKept(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var entry = EntryOf(await OpenFormAsync(app));

        var form = await PressAsync(app, Submit(entry, "deal", "12abc", "Acme \"A\"", "first order", "2026-11-17"));

        var texts = Texts(form);
        Assert.Contains("Nothing was logged. Please check:", texts, StringComparison.Ordinal);
        Assert.Contains("\"12abc\" is not an amount I can read.", texts, StringComparison.Ordinal);
        Assert.Equal("attention", Input(form, "logInvalid")["color"]!.GetValue<string>());
        Assert.Equal("deal", Input(form, "kpi")["value"]!.GetValue<string>());
        Assert.Equal("12abc", Input(form, "amount")["value"]!.GetValue<string>());
        Assert.Equal("Acme \"A\"", Input(form, "customer")["value"]!.GetValue<string>());
        Assert.Equal("first order", Input(form, "note")["value"]!.GetValue<string>());
        Assert.Equal("2026-11-17", Input(form, "date")["value"]!.GetValue<string>());
        Assert.Equal(entry, EntryOf(form));
        Assert.Empty(await LogCommandTests.CountingResultsAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, "visits", "2", "2026-11-19", "The date can't be in the future.")]
    [InlineData(DatabaseProvider.Postgres, "visits", "2", "18/11/2026", "Pick a valid date.")]
    [InlineData(DatabaseProvider.Sqlite, "", "2", "2026-11-18", "Choose what to log.")]
    [InlineData(DatabaseProvider.Sqlite, "horoscopes", "2", "2026-11-18", "Choose what to log.")]
    [InlineData(DatabaseProvider.Sqlite, "visits", "0", "2026-11-18", "\"0\" is zero, so there is nothing to log.")]
    [InlineData(DatabaseProvider.Sqlite, "visits", "1.5", "2026-11-18", "\"1.5\" has too many decimals")]
    [InlineData(DatabaseProvider.Sqlite, "revenue", "$500", "2026-11-18", "Revenue is counted in CNY, but you wrote USD.")]
    [InlineData(DatabaseProvider.Sqlite, "deal", "", "2026-11-18", "Enter an amount.")]
    [InlineData(DatabaseProvider.Sqlite, "contracts", "50万", "2026-11-18", "Contracts signed is a count, not money: to log a deal amount, choose the deal.")]
    [InlineData(DatabaseProvider.Postgres, "visits", "¥3", "2026-11-18", "Customer visits is a count, not money: to log a deal amount, choose the deal.")]
    public async Task LogForm_InvalidField_ComesBackWithReasonAndRecordsNothing(DatabaseProvider provider, string kpi, string amount, string date, string expected)
    {
        await using var app = await StartAsync(provider);
        var entry = EntryOf(await OpenFormAsync(app));

        var form = await PressAsync(app, Submit(entry, kpi, amount, date: date));

        Assert.Contains(expected, Texts(form), StringComparison.Ordinal);
        Assert.Equal(amount, Input(form, "amount")["value"]?.GetValue<string>() ?? "");
        Assert.Empty(await LogCommandTests.CountingResultsAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, "not-a-form-id")]
    [InlineData(DatabaseProvider.Postgres, "")]
    public async Task LogForm_EntryIdNotFromTheForm_ComesBackWithNewIdAndRecordsNothing(DatabaseProvider provider, string entry)
    {
        await using var app = await StartAsync(provider);

        var form = await PressAsync(app, Submit(entry, "deal", "1000", "Acme"));

        Assert.Contains("This form is out of date.", Texts(form), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{32}$", EntryOf(form));
        Assert.Empty(await LogCommandTests.CountingResultsAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task LogForm_SameEntryTwice_RecordsOnce(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var entry = EntryOf(await OpenFormAsync(app));

        await PressAsync(app, Submit(entry, "deal", "120000", "Acme"));
        // A replay of the same form, even with other values, is the same entry: the notice shows what was stored.
        var again = await PressAsync(app, Submit(entry, "deal", "999", "Other"));

        Assert.Contains("Already logged, so not counted twice: ¥120,000 revenue and 1 contract · Acme.", Texts(again), StringComparison.Ordinal);
        Assert.Contains("¥120,000 / ¥0", Texts(again), StringComparison.Ordinal);
        Assert.Equal([120_000m, 1m], (await LogCommandTests.CountingResultsAsync(app)).Select(r => r.Result.Amount));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task LogForm_SameEntryTwiceAtOnce_RecordsOnceAndBothGetTheCard(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var entry = EntryOf(await OpenFormAsync(app));

        // A double click: two invokes of the same form racing on the unique (source, external id) index.
        var cards = await Task.WhenAll(
            PressAsync(app, Submit(entry, "deal", "120000", "Acme")),
            PressAsync(app, Submit(entry, "deal", "120000", "Acme")));

        Assert.All(cards, c => Assert.Contains("¥120,000 / ¥0", Texts(c), StringComparison.Ordinal));
        Assert.Single(cards, c => Texts(c).Contains("Already logged", StringComparison.Ordinal));
        Assert.Equal([120_000m, 1m], (await LogCommandTests.CountingResultsAsync(app)).Select(r => r.Result.Amount));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task LogForm_ThenUndo_TakesBackTheCardsRows(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var entry = EntryOf(await OpenFormAsync(app));
        await PressAsync(app, Submit(entry, "deal", "120000", "Acme"));

        await app.PostActivityAsync(ActivityBuilder.Message("undo").InPersonalChat());

        Assert.Equal("Took back ¥120,000 revenue and 1 contract · Acme.", Assert.Single(app.Connector.SentActivities).Text);
        Assert.Empty(await LogCommandTests.CountingResultsAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task LogForm_InChannel_RefusedWithWhereItWorks(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);

        var show = await app.PostActivityAsync(ActivityBuilder.Of("invoke").InChannel().WithName("adaptiveCard/action")
            .WithValue(new { action = new { type = "Action.Execute", verb = "results.log-form", data = new { period = "month" } } }));
        var submit = await app.PostActivityAsync(ActivityBuilder.Of("invoke").InChannel().WithName("adaptiveCard/action")
            .WithValue(new { action = new { type = "Action.Execute", verb = "results.log", data = new { entry = Guid.NewGuid().ToString("N"), kpi = "deal", amount = "5000" } } }));

        foreach (var response in new[] { show, submit })
        {
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
            Assert.Equal("\"log\" works only in our 1:1 chat.", body["value"]!.GetValue<string>());
        }

        Assert.Empty(await LogCommandTests.CountingResultsAsync(app));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task LogForm_SameEntryInTwoTenants_EachRecordsInItsOwnTenantOnly(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var entry = EntryOf(await OpenFormAsync(app));
        await PressAsync(app, Submit(entry, "deal", "120000", "Acme"));

        var card = await PressAsync(app, Submit(entry, "revenue", "7000", "Fabrikam").InTenant(TenantB));

        Assert.Contains("✔ Logged ¥7,000 revenue · Fabrikam.", Texts(card), StringComparison.Ordinal);
        Assert.DoesNotContain("120,000", Texts(card), StringComparison.Ordinal);
        Assert.Equal([120_000m, 1m], (await LogCommandTests.CountingResultsAsync(app)).Select(r => r.Result.Amount));
        Assert.Equal([7_000m], (await LogCommandTests.CountingResultsAsync(app, TenantB)).Select(r => r.Result.Amount));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task LogForm_SubmitFallback_UpdatesTheCardMessage(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var entry = Guid.NewGuid().ToString("N");

        // Clients without Universal Actions send the Action.Submit fallback: a message whose value carries the verb.
        await app.PostActivityAsync(ActivityBuilder.Message(null).InPersonalChat().WithReplyToId("card-activity-1")
            .WithValue(new { verb = "results.log", entry, period = "month", kpi = "visits", amount = "2", customer = "", note = "", date = "2026-11-18" }));

        var update = Assert.Single(app.Connector.Updated);
        Assert.Equal("card-activity-1", update.ActivityId);
        Assert.Contains("✔ Logged 2 visits.", CardText.Of(update.Activity!), StringComparison.Ordinal);
        Assert.Equal(2m, Assert.Single(await LogCommandTests.CountingResultsAsync(app)).Result.Amount);
    }
}
