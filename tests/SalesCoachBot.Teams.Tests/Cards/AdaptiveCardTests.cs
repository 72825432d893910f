using System.Text.Json;
using System.Text.Json.Nodes;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Cards;

namespace SalesCoachBot.Teams.Tests.Cards;

public class AdaptiveCardTests
{
    private static TextBlock Fallback(string text = "42%") => new(text) { Wrap = true };

    private static JsonNode Json(object value) => JsonNode.Parse(JsonSerializer.Serialize(value, BotJson.Options))!;

    private static JsonObject Body(AdaptiveCard card, int index) => Json(card)["body"]![index]!.AsObject();

    public static TheoryData<string, CardElement> Elements() => new()
    {
        { "TextBlock", new TextBlock("t") },
        { "RichTextBlock", new RichTextBlock { Inlines = [new TextRun("r")] } },
        { "FactSet", new FactSet { Facts = [new CardFact("a", "b")] } },
        { "ColumnSet", new ColumnSet { Columns = [new Column { Width = ColumnWidth.Auto, Items = [new TextBlock("c")] }] } },
        { "Container", new Container { Items = [new TextBlock("c")] } },
        { "Image", new Image(new Uri("https://example.com/a.png")) },
        { "Table", new Table { Columns = [new TableColumnDefinition(ColumnWidth.OfWeight(1))], Rows = [new TableRow { Cells = [TableCell.OfText("x")] }] } },
        { "ActionSet", new ActionSet { Actions = [new OpenUrlAction("o", new Uri("https://example.com"))] } },
        { "Input.Text", new TextInput("t") },
        { "Input.Number", new NumberInput("n") },
        { "Input.ChoiceSet", new ChoiceSetInput("c") { Choices = [new InputChoice("A", "a")] } },
        { "Input.Date", new DateInput("d") },
        { "Input.Toggle", new ToggleInput("g", "Toggle") },
        { "Chart.Gauge", new GaugeChart(42, Fallback()) },
        { "Chart.VerticalBar", new VerticalBarChart([new BarValue("W1", 3)], Fallback()) },
        { "Chart.Donut", new DonutChart([new DonutSlice("A", 1)], Fallback()) },
        { "Chart.Line", new LineChart([new LineSeries("L", [new LinePoint("W1", 1)])], Fallback()) },
    };

    [Theory]
    [MemberData(nameof(Elements))]
    public void Serialize_Element_WritesTypeDiscriminatorFirst(string expectedType, CardElement element)
    {
        var json = Body(new AdaptiveCard { Body = [element] }, 0);

        var first = json.First();
        Assert.Equal("type", first.Key);
        Assert.Equal(expectedType, first.Value!.GetValue<string>());
    }

    [Fact]
    public void Serialize_NestedParts_WriteTheirTypes()
    {
        var card = new AdaptiveCard
        {
            Body =
            [
                new RichTextBlock { Inlines = [new TextRun("r")] },
                new ColumnSet { Columns = [new Column { Items = [] }] },
                new Table { Columns = [new TableColumnDefinition(ColumnWidth.OfPixels(80))], Rows = [new TableRow { Cells = [TableCell.OfText("x")] }] },
            ],
        };

        var json = Json(card);

        Assert.Equal("AdaptiveCard", json["type"]!.GetValue<string>());
        Assert.Equal("TextRun", json["body"]![0]!["inlines"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("Column", json["body"]![1]!["columns"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("TableRow", json["body"]![2]!["rows"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("TableCell", json["body"]![2]!["rows"]![0]!["cells"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("80px", json["body"]![2]!["columns"]![0]!["width"]!.GetValue<string>());
    }

    [Fact]
    public void Serialize_UnsetProperties_AreOmitted()
    {
        var card = new AdaptiveCard { Body = [new TextBlock("only text"), new TextInput("name"), new Container { Items = [new Image(new Uri("https://example.com/i.png"))] }] };

        var text = card.ToJson();

        Assert.DoesNotContain("null", text, StringComparison.Ordinal);
        Assert.Equal(["type", "text"], Body(card, 0).Select(p => p.Key));
        Assert.Equal(["type", "id"], Body(card, 1).Select(p => p.Key));
        Assert.DoesNotContain("actions", Json(card).AsObject().Select(p => p.Key));
        Assert.DoesNotContain("msteams", Json(card).AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Serialize_Enums_AreSchemaStringsEvenWithDefaultOptions()
    {
        var block = new TextBlock("x") { Size = TextSize.ExtraLarge, Weight = TextWeight.Bolder, Color = TextColor.Attention, HorizontalAlignment = HorizontalAlignment.Center, Spacing = Spacing.ExtraLarge };

        var camel = Body(new AdaptiveCard { Body = [block] }, 0);
        var defaults = JsonNode.Parse(JsonSerializer.Serialize(block))!;

        Assert.Equal("extraLarge", camel["size"]!.GetValue<string>());
        Assert.Equal("bolder", camel["weight"]!.GetValue<string>());
        Assert.Equal("attention", camel["color"]!.GetValue<string>());
        Assert.Equal("center", camel["horizontalAlignment"]!.GetValue<string>());
        Assert.Equal("extraLarge", camel["spacing"]!.GetValue<string>());
        Assert.Equal("extraLarge", defaults["Size"]!.GetValue<string>());
    }

    [Fact]
    public void Version_Default_Is15()
    {
        var json = Json(new AdaptiveCard());

        Assert.Equal("1.5", json["version"]!.GetValue<string>());
        Assert.Equal(AdaptiveCard.MaxVersion, new AdaptiveCard().Version);
    }

    [Theory]
    [InlineData("1.6")]
    [InlineData("2.0")]
    [InlineData("1.10")]
    [InlineData("latest")]
    [InlineData("")]
    public void Version_AboveOnePointFiveOrInvalid_Throws(string version)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveCard { Version = version });
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("1.5")]
    public void Version_UpToOnePointFive_IsKept(string version)
    {
        Assert.Equal(version, Json(new AdaptiveCard { Version = version })["version"]!.GetValue<string>());
    }

    [Fact]
    public void ExecuteAction_Serialized_CarriesSubmitFallbackWithSameVerbAndData()
    {
        var card = new AdaptiveCard
        {
            Actions = [new ExecuteAction("targets.refresh", "Refresh", new Dictionary<string, object?> { ["period"] = "month", ["week"] = 47 }) { Style = ActionStyle.Positive }],
        };

        var action = Json(card)["actions"]![0]!;

        Assert.Equal("Action.Execute", action["type"]!.GetValue<string>());
        Assert.Equal("targets.refresh", action["verb"]!.GetValue<string>());
        Assert.Equal("month", action["data"]!["period"]!.GetValue<string>());
        var fallback = action["fallback"]!;
        Assert.Equal("Action.Submit", fallback["type"]!.GetValue<string>());
        Assert.Equal("Refresh", fallback["title"]!.GetValue<string>());
        Assert.Equal("positive", fallback["style"]!.GetValue<string>());
        Assert.Equal("targets.refresh", fallback["data"]!["verb"]!.GetValue<string>());
        Assert.Equal("month", fallback["data"]!["period"]!.GetValue<string>());
        Assert.Equal(47, fallback["data"]!["week"]!.GetValue<int>());
    }

    [Fact]
    public void ExecuteAction_WithoutData_FallbackStillCarriesVerb()
    {
        var action = new ExecuteAction("help.show", "Help");

        Assert.Equal("help.show", action.SubmitFallback.Data![ExecuteAction.VerbKey]);
        Assert.Null(Json(new AdaptiveCard { Actions = [action] })["actions"]![0]!["data"]);
    }

    [Fact]
    public void ExecuteAction_DataUsingVerbKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ExecuteAction("a", "A", new Dictionary<string, object?> { ["verb"] = "b" }));
    }

    [Fact]
    public void SubmitAction_ForVerb_PutsVerbInData()
    {
        var json = Json(new AdaptiveCard { Actions = [SubmitAction.ForVerb("log.save", "Save", new Dictionary<string, object?> { ["kpi"] = "deal" })] });

        Assert.Equal("log.save", json["actions"]![0]!["data"]!["verb"]!.GetValue<string>());
        Assert.Equal("deal", json["actions"]![0]!["data"]!["kpi"]!.GetValue<string>());
    }

    [Fact]
    public void Charts_WithoutFallback_CannotBeBuilt()
    {
        Assert.Throws<ArgumentNullException>(() => new GaugeChart(1, null!));
        Assert.Throws<ArgumentNullException>(() => new VerticalBarChart([], null!));
        Assert.Throws<ArgumentNullException>(() => new DonutChart([], null!));
        Assert.Throws<ArgumentNullException>(() => new LineChart([], null!));
        Assert.Throws<ArgumentNullException>(() => new GaugeChart(1, Fallback()) { Fallback = null });
    }

    [Fact]
    public void Chart_FallbackThatIsTeamsOnly_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new GaugeChart(1, new DonutChart([], Fallback())));
    }

    [Fact]
    public void Chart_Serialized_HasItsFallbackElement()
    {
        var gauge = new GaugeChart(73.5m, new TextBlock("73.5% of target") { Wrap = true })
        {
            Title = "Revenue",
            Min = 0,
            Max = 100,
            ValueFormat = "Percentage",
            Segments = [new GaugeSegment(0, 50, "attention"), new GaugeSegment(50, 100, "good")],
        };

        var json = Body(new AdaptiveCard { Body = [gauge] }, 0);

        Assert.Equal(73.5m, json["value"]!.GetValue<decimal>());
        Assert.Equal("TextBlock", json["fallback"]!["type"]!.GetValue<string>());
        Assert.Equal("73.5% of target", json["fallback"]!["text"]!.GetValue<string>());
        Assert.Equal("good", json["segments"]![1]!["color"]!.GetValue<string>());
        Assert.DoesNotContain("isTeamsOnly", json.Select(p => p.Key));
    }

    [Fact]
    public void Refresh_SixtyUsers_IsAccepted_SixtyOne_Throws()
    {
        var action = new ExecuteAction("card.refresh", "Refresh");
        var sixty = Enumerable.Range(0, 60).Select(i => $"29:user{i}").ToList();

        var card = new AdaptiveCard { Refresh = new CardRefresh(action, sixty) };

        Assert.Equal(60, Json(card)["refresh"]!["userIds"]!.AsArray().Count);
        Assert.Equal("card.refresh", Json(card)["refresh"]!["action"]!["verb"]!.GetValue<string>());
        Assert.Equal("Action.Execute", Json(card)["refresh"]!["action"]!["type"]!.GetValue<string>());
        Assert.Throws<ArgumentOutOfRangeException>(() => new CardRefresh(action, [.. sixty, "29:one-more"]));
    }

    [Fact]
    public void Mention_AddsEntityAndReturnsAtText()
    {
        var card = new AdaptiveCard { MsTeams = TeamsCardProperties.FullWidth() };

        var at = card.Mention(new ChannelAccount { Id = "29:alice", Name = "Alice Wang" });
        var again = card.Mention(new ChannelAccount { Id = "29:alice", Name = "Alice Wang" });

        Assert.Equal("<at>Alice Wang</at>", at);
        Assert.Equal(at, again);
        var msteams = Json(card)["msteams"]!;
        Assert.Equal("Full", msteams["width"]!.GetValue<string>());
        var entity = Assert.Single(msteams["entities"]!.AsArray())!;
        Assert.Equal("mention", entity["type"]!.GetValue<string>());
        Assert.Equal("<at>Alice Wang</at>", entity["text"]!.GetValue<string>());
        Assert.Equal("29:alice", entity["mentioned"]!["id"]!.GetValue<string>());
        Assert.Equal("Alice Wang", entity["mentioned"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Mention_NameWithMarkup_CannotBreakTheAtTag()
    {
        var card = new AdaptiveCard();
        var name = "Bob</at><at>Eve\n\"王\"";

        var at = card.Mention(new ChannelAccount { Id = "29:bob", Name = name });

        Assert.Equal("<at>Bob/atatEve \"王\"</at>", at);
        var entity = Json(card)["msteams"]!["entities"]![0]!;
        Assert.Equal(at, entity["text"]!.GetValue<string>());
        Assert.Equal(name, entity["mentioned"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Mention_WithoutId_Throws()
    {
        Assert.Throws<ArgumentException>(() => new AdaptiveCard().Mention(new ChannelAccount { Name = "x" }));
    }

    [Theory]
    [InlineData("O'Brien \"The Closer\"")]
    [InlineData("line one\nline two\r\n\tthree")]
    [InlineData("<at>Boss</at> & <b>bold</b> {0} ${name} \\ /")]
    [InlineData("王小明（华东区）🚀")]
    [InlineData("\"},{\"type\":\"Action.OpenUrl\",\"url\":\"https://evil.example\"}")]
    public void UserText_InEveryField_SurvivesSerializationUnchanged(string userText)
    {
        var card = new AdaptiveCard
        {
            Body =
            [
                new TextBlock(userText),
                new FactSet { Facts = [new CardFact(userText, userText)] },
                new Table { Columns = [new TableColumnDefinition(ColumnWidth.Stretch)], Rows = [new TableRow { Cells = [TableCell.OfText(userText)] }] },
                new TextInput("note") { Value = userText, Label = userText },
            ],
            Actions = [new ExecuteAction("x", userText, new Dictionary<string, object?> { ["customer"] = userText })],
        };

        var activityJson = JsonSerializer.Serialize(card.ToActivity(), BotJson.Options);
        var json = JsonNode.Parse(activityJson)!["attachments"]![0]!["content"]!;

        Assert.Equal("application/vnd.microsoft.card.adaptive", JsonNode.Parse(activityJson)!["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Equal(userText, json["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(userText, json["body"]![1]!["facts"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(userText, json["body"]![1]!["facts"]![0]!["value"]!.GetValue<string>());
        Assert.Equal(userText, json["body"]![2]!["rows"]![0]!["cells"]![0]!["items"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(userText, json["body"]![3]!["value"]!.GetValue<string>());
        Assert.Equal(userText, json["actions"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(userText, json["actions"]![0]!["fallback"]!["data"]!["customer"]!.GetValue<string>());
        Assert.Equal(4, json["body"]!.AsArray().Count);
        Assert.Single(json["actions"]!.AsArray());
    }

    [Fact]
    public void Deserialize_SerializedCard_RoundTripsToTheSameJson()
    {
        var card = new AdaptiveCard
        {
            MsTeams = TeamsCardProperties.FullWidth(),
            Body =
            [
                new Container
                {
                    Style = ContainerStyle.Emphasis,
                    Bleed = true,
                    SelectAction = new OpenUrlAction("Open", new Uri("https://example.com/x")),
                    Items = [new TextBlock("Hi") { Weight = TextWeight.Bolder }, new GaugeChart(5, new TextBlock("5"))],
                },
                new ColumnSet { Columns = [new Column { Width = ColumnWidth.OfWeight(2), Items = [new DateInput("due") { Value = new DateOnly(2026, 11, 30) }] }] },
                new ChoiceSetInput("period") { Choices = [new InputChoice("Week", "week")], Style = ChoiceInputStyle.Expanded, IsRequired = true, ErrorMessage = "Pick one", Label = "Period" },
            ],
            Actions = [new ShowCardAction("More", new AdaptiveCard { Body = [new ToggleInput("private", "Private")] })],
        };
        var first = card.ToJson();

        var copy = JsonSerializer.Deserialize<AdaptiveCard>(first, BotJson.Options)!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(first), JsonNode.Parse(copy.ToJson())), copy.ToJson());
        Assert.IsType<GaugeChart>(((Container)copy.Body[0]).Items[1]);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("EN")]
    [InlineData("chinese")]
    [InlineData("")]
    public void Lang_NotATwoLetterCode_Throws(string lang)
    {
        Assert.Throws<ArgumentException>(() => new AdaptiveCard { Lang = lang });
    }

    [Fact]
    public void Lang_TwoLetterCode_IsSerialized()
    {
        Assert.Equal("zh", Json(new AdaptiveCard { Lang = "zh" })["lang"]!.GetValue<string>());
    }

    [Fact]
    public void InvokeResponse_WithCard_SerializesTheWholeCard()
    {
        var card = new AdaptiveCard { Body = [new GaugeChart(10, new TextBlock("10%"))], Actions = [new ExecuteAction("a.b", "Again")] };

        var json = Json(global::SalesCoachBot.Teams.Routing.InvokeResponse.Card(card).Body!);

        Assert.Equal(200, json["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", json["type"]!.GetValue<string>());
        Assert.Equal("Chart.Gauge", json["value"]!["body"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("Action.Submit", json["value"]!["actions"]![0]!["fallback"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void ColumnWidth_ReadsAndWritesEveryForm()
    {
        var widths = new[] { ColumnWidth.Auto, ColumnWidth.Stretch, ColumnWidth.OfWeight(3), ColumnWidth.OfPixels(120) };

        var json = JsonSerializer.Serialize(widths, BotJson.Options);

        Assert.Equal("[\"auto\",\"stretch\",3,\"120px\"]", json);
        Assert.Equal(widths, JsonSerializer.Deserialize<ColumnWidth[]>(json, BotJson.Options));
        Assert.Throws<ArgumentOutOfRangeException>(() => ColumnWidth.OfWeight(0));
    }
}
