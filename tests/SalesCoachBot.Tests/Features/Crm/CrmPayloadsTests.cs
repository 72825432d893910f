using System.Text.Json;
using SalesCoachBot.Features.Crm;

namespace SalesCoachBot.Tests.Features.Crm;

public sealed class CrmPayloadsTests
{
    private static IReadOnlyList<CrmDeal> Parse(string json, CrmFormat format, params string[] wonStages)
    {
        using var document = JsonDocument.Parse(json);
        return CrmPayloads.Parse(document.RootElement, format, wonStages, maxEvents: 10);
    }

    [Fact]
    public void Parse_GenericWonDeal_MapsEveryField()
    {
        var deal = Assert.Single(Parse(CrmSamples.Generic("evt-1", "D-1", 120_000m), CrmFormat.Generic));

        Assert.Equal(("evt-1", "D-1", true, "alice.wang@contoso.com"), (deal.EventId, deal.DealId, deal.IsWon, deal.OwnerEmail));
        Assert.Equal((120_000m, "CNY", new DateOnly(2026, 11, 17)), (deal.Amount, deal.Currency, deal.ClosedOn));
        Assert.Equal(("Acme renewal", "Acme Ltd"), (deal.Name, deal.Customer));
    }

    [Fact]
    public void Parse_GenericEventsList_ReturnsEach()
    {
        var json = "{\"events\":[" + CrmSamples.Generic("a", "D-1", 1m) + "," + CrmSamples.Generic("b", "D-2", 2m, stage: "Negotiation") + "]}";

        var deals = Parse(json, CrmFormat.Generic);

        Assert.Equal(["a", "b"], deals.Select(d => d.EventId));
        Assert.Equal([true, false], deals.Select(d => d.IsWon));
    }

    [Fact]
    public void Parse_ZohoRecord_EventIdIsDealIdAndModifiedTime()
    {
        var deal = Assert.Single(Parse(CrmSamples.Zoho, CrmFormat.Zoho));

        Assert.Equal("5725767000000524157@2026-11-18T09:58:12+08:00", deal.EventId);
        Assert.Equal(("5725767000000524157", "Alice.Wang@contoso.com", 98_000.5m), (deal.DealId, deal.OwnerEmail, deal.Amount));
        Assert.Equal(("Acme Ltd", new DateOnly(2026, 11, 17), true), (deal.Customer, deal.ClosedOn, deal.IsWon));
    }

    [Fact]
    public void Parse_FxiaokeChineseFields_ReadsChineseAmountAndEpochDate()
    {
        var deal = Assert.Single(Parse(CrmSamples.FxiaokeChinese, CrmFormat.Fxiaoke));

        Assert.Equal((355_000m, "64f0c2a1e4b0a1b2c3d4e5f6", true), (deal.Amount, deal.DealId, deal.IsWon));
        Assert.Null(deal.ClosedOn);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1794844800000), deal.ClosedAt);
        Assert.Equal("上海星辰科技", deal.Customer);
    }

    [Fact]
    public void Parse_ConfiguredWonStage_ReplacesDefaults()
    {
        var json = CrmSamples.Generic("a", "D-1", 1m, stage: "stage_7");

        Assert.True(Assert.Single(Parse(json, CrmFormat.Generic, "stage_7")).IsWon);
        Assert.False(Assert.Single(Parse(CrmSamples.Generic("a", "D-1", 1m), CrmFormat.Generic, "stage_7")).IsWon);
    }

    [Theory]
    [InlineData("{\"deal\":{\"id\":\"D\",\"stage\":\"won\",\"amount\":1},\"owner\":{\"email\":\"a@b.c\"}}", "eventId")]
    [InlineData("{\"eventId\":\"e\",\"owner\":{\"email\":\"a@b.c\"}}", "deal")]
    [InlineData("{\"eventId\":\"e\",\"deal\":{\"stage\":\"won\",\"amount\":1},\"owner\":{\"email\":\"a@b.c\"}}", "deal.id")]
    [InlineData("{\"eventId\":\"e\",\"deal\":{\"id\":\"D\",\"amount\":1},\"owner\":{\"email\":\"a@b.c\"}}", "deal.stage")]
    [InlineData("{\"eventId\":\"e\",\"deal\":{\"id\":\"D\",\"stage\":\"won\",\"amount\":1}}", "owner.email")]
    [InlineData("{\"eventId\":\"e\",\"deal\":{\"id\":\"D\",\"stage\":\"won\",\"amount\":1},\"owner\":{\"email\":\"nobody\"}}", "e-mail")]
    [InlineData("{\"eventId\":\"e\",\"deal\":{\"id\":\"D\",\"stage\":\"won\"},\"owner\":{\"email\":\"a@b.c\"}}", "amount")]
    [InlineData("{\"eventId\":\"e\",\"deal\":{\"id\":\"D\",\"stage\":\"won\",\"amount\":-5},\"owner\":{\"email\":\"a@b.c\"}}", "between")]
    [InlineData("{\"eventId\":\"e\",\"deal\":{\"id\":\"D\",\"stage\":\"won\",\"amount\":1.005},\"owner\":{\"email\":\"a@b.c\"}}", "decimals")]
    [InlineData("{\"eventId\":\"e\",\"deal\":{\"id\":\"D\",\"stage\":\"won\",\"amount\":\"12abc\"},\"owner\":{\"email\":\"a@b.c\"}}", "not an amount")]
    [InlineData("{\"eventId\":\"e\",\"deal\":{\"id\":\"D\",\"stage\":\"won\",\"amount\":1,\"currency\":\"dollars\"},\"owner\":{\"email\":\"a@b.c\"}}", "currency")]
    [InlineData("{\"eventId\":\"e\",\"deal\":{\"id\":\"D\",\"stage\":\"won\",\"amount\":\"$120\",\"currency\":\"CNY\"},\"owner\":{\"email\":\"a@b.c\"}}", "USD")]
    [InlineData("{\"eventId\":\"e\",\"deal\":{\"id\":\"D\",\"stage\":\"won\",\"amount\":1,\"closedOn\":\"yesterday\"},\"owner\":{\"email\":\"a@b.c\"}}", "closedOn")]
    [InlineData("{\"eventId\":{\"x\":1},\"deal\":{\"id\":\"D\",\"stage\":\"won\",\"amount\":1},\"owner\":{\"email\":\"a@b.c\"}}", "eventId")]
    [InlineData("{\"eventId\":\"e\",\"deal\":{\"id\":\"D\",\"stage\":\"won\",\"amount\":1,\"closedOn\":\"0001-01-01T00:00:00Z\"},\"owner\":{\"email\":\"a@b.c\"}}", "closedOn")]
    [InlineData("{\"events\":[]}", "no event")]
    [InlineData("{\"events\":{}}", "array")]
    [InlineData("[1]", "not a JSON object")]
    [InlineData("\"text\"", "object or array")]
    public void Parse_MalformedGeneric_NamesTheProblem(string json, string expected)
    {
        var error = Assert.Throws<CrmPayloadException>(() => Parse(json, CrmFormat.Generic));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotWonWithoutOwnerOrAmount_IsReadAsIgnorable()
    {
        var deal = Assert.Single(Parse("{\"eventId\":\"e\",\"deal\":{\"id\":\"D\",\"stage\":\"Proposal\"}}", CrmFormat.Generic));

        Assert.False(deal.IsWon);
        Assert.Null(deal.Amount);
    }

    [Fact]
    public void Parse_TooManyEvents_Refused()
    {
        var json = "[" + string.Join(",", Enumerable.Range(0, 11).Select(i => CrmSamples.Generic("e" + i, "D" + i, 1m))) + "]";

        Assert.Throws<CrmPayloadException>(() => Parse(json, CrmFormat.Generic));
    }
}
