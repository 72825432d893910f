using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Localization;

namespace SalesCoachBot.Tests.Hosting;

/// <summary>
/// Every failure is a message in the person's language: garbage typed after each routed command word, through the whole
/// app, gets an answer (never silence, never the crash apology) and the answer is Chinese for a zh-CN member.
/// </summary>
public sealed class RouteTableTests
{
    // Wednesday 18 November 2026, 10:00 in Shanghai.
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 2, 0, 0, TimeSpan.Zero);

    // Anything but CJK ideographs, so a Chinese character in the answer can only come from the bot's own texts: ASCII,
    // full-width forms, Chinese punctuation, emoji and ZWJ sequences, lone surrogates, other scripts and their digits.
    private static readonly string[] GarbagePieces =
    [
        "x", "Q", "3", "12", "0.5", "-", "@", "<at>", "</at>", "\"", "“", "'", ",", ".", ":", "/", "..", "%", "{0}", "<b>",
        "ｘ", "３", "１２", "Ｑ", "，", "。", "：", "！", "、", "　", "\t", "\u200B", "\u200D", "\uFEFF",
        "😀", "👨‍👩‍👧", "🇨🇳", "👍🏽", "Привет", "مرحبا", "٣", "३", "①", "ｶﾀｶﾅ", "한국", "Ωμέγα", "e\u0301", "null", "NaN",
        "DROP TABLE", "week", "month", "improved", "visibility", "add", "remove", "language", "timezone", "quiet", "off",
    ];

    [Fact]
    public async Task EveryCommandWord_GarbageAfterIt_IsAnsweredInChinese()
    {
        var time = new FakeTimeProvider(Now);
        await using var app = new SalesCoachBotApplication { Time = time };
        var chat = app.Chat();
        await chat.SendAsync(ActivityBuilder.Message("帮助").InPersonalChat().WithLocale("zh-CN"));
        var routes = app.Services.GetRequiredService<BotRoutes>();
        var channelWords = app.Services.GetServices<HelpTopic>()
            .Where(t => t.WorksIn(ConversationTypes.Channel)).SelectMany(t => t.Words).ToHashSet(StringComparer.Ordinal);
        var random = new Random(20261118);

        foreach (var word in routes.CommandWords.Order(StringComparer.Ordinal))
        {
            // With a space, glued on (the way CJK words are typed), and once in a while 10,000 characters of it.
            var typed = new List<string> { word + " " + Garbage(random, 12), word + Garbage(random, 6) };
            if (random.Next(4) == 0)
            {
                typed.Add(word + " " + Garbage(random, 3_000));
            }

            foreach (var text in typed)
            {
                await AssertAnsweredInChineseAsync(chat, ActivityBuilder.Message(text).InPersonalChat().WithLocale("zh-CN"), text);

                // A person types at human speed; without it the fake Teams service throttles the chat (429), as Teams would.
                time.Advance(TimeSpan.FromSeconds(5));
            }

            if (channelWords.Contains(word))
            {
                var text = word + " " + Garbage(random, 12);
                await AssertAnsweredInChineseAsync(chat, ActivityBuilder.Message(text).InChannel().MentioningBot().WithLocale("zh-CN"), text);
                time.Advance(TimeSpan.FromSeconds(5));
            }
        }
    }

    [Fact]
    public void Garbage_HasNoChineseCharacters()
    {
        // The test above relies on it: otherwise a quoted input could pass for a Chinese answer.
        var random = new Random(1);
        Assert.All(Enumerable.Range(0, 200), _ => Assert.DoesNotMatch(BotTextTests.ChineseCharacter(), Garbage(random, 20)));
    }

    private static async Task AssertAnsweredInChineseAsync(Chat chat, ActivityBuilder activity, string typed)
    {
        // The chat fails the test by itself when the turn crashed and the bot apologised.
        var replies = await chat.SendAsync(activity);

        Assert.True(replies.Count > 0, $"No answer to '{Shown(typed)}'.");
        foreach (var reply in replies)
        {
            var readable = (reply.Text ?? string.Empty) + (reply.Attachments is { Count: > 0 } ? "\n" + CardText.Of(reply) : string.Empty);
            Assert.True(BotTextTests.ChineseCharacter().IsMatch(readable), $"The answer to '{Shown(typed)}' is not Chinese: {Shown(readable)}");
        }
    }

    private static string Garbage(Random random, int pieces)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < pieces; i++)
        {
            builder.Append(GarbagePieces[random.Next(GarbagePieces.Length)]);
            if (random.Next(3) == 0)
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }

    private static string Shown(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
