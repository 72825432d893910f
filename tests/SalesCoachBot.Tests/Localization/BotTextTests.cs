using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SalesCoachBot.Localization;

namespace SalesCoachBot.Tests.Localization;

public partial class BotTextTests
{
    private static readonly Assembly App = typeof(BotText).Assembly;

    private static readonly BotText Text = new(NullLogger<BotText>.Instance);

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    internal static partial Regex ChineseCharacter();

    private static Dictionary<string, string> ReadResource(string name)
    {
        using var stream = App.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
    }

    private static SortedSet<string> Placeholders(string text) =>
        new(Placeholder().Matches(text).Select(m => m.Groups[1].Value), StringComparer.Ordinal);

    [Fact]
    public void Resources_EveryLocale_HasAtLeastHelpAndWelcomeFiles()
    {
        foreach (var locale in BotText.Locales)
        {
            var names = BotText.ResourceNames(App, locale).ToList();
            Assert.Contains($"SalesCoachBot.Texts.help.{locale}.json", names);
            Assert.Contains($"SalesCoachBot.Texts.onboarding.{locale}.json", names);
        }
    }

    [Fact]
    public void Resources_EveryEnglishFile_HasAChinesePartnerWithTheSameKeys()
    {
        var english = BotText.ResourceNames(App, BotText.English).ToList();
        var chinese = BotText.ResourceNames(App, BotText.Chinese).ToList();

        Assert.Equal(english.Select(n => n.Replace(BotText.English, "*", StringComparison.Ordinal)),
                     chinese.Select(n => n.Replace(BotText.Chinese, "*", StringComparison.Ordinal)));
        foreach (var (en, zh) in english.Zip(chinese))
        {
            Assert.Equal(ReadResource(en).Keys.Order(StringComparer.Ordinal), ReadResource(zh).Keys.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Locales_HaveExactlyTheSameKeys()
    {
        var english = Text.Keys(BotText.English).Order(StringComparer.Ordinal).ToList();
        var chinese = Text.Keys(BotText.Chinese).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(english);
        Assert.Equal(english, chinese);
    }

    [Fact]
    public void EveryKey_HasTheSamePlaceholdersInBothLocales()
    {
        foreach (var key in Text.Keys(BotText.English))
        {
            var en = Text.Get(BotText.English, key);
            var zh = Text.Get(BotText.Chinese, key);
            Assert.True(Placeholders(en).SetEquals(Placeholders(zh)), $"{key}: en-US '{en}' and zh-CN '{zh}' use different placeholders");
        }
    }

    [Fact]
    public void EveryText_IsNonEmpty_AndChineseTextsAreChinese()
    {
        foreach (var key in Text.Keys(BotText.English))
        {
            Assert.False(string.IsNullOrWhiteSpace(Text.Get(BotText.English, key)), key);
            var zh = Text.Get(BotText.Chinese, key);
            // Separators such as " or " have a one-character Chinese form; every text must still be translated.
            Assert.True(ChineseCharacter().IsMatch(zh), $"{key}: zh-CN text '{zh}' has no Chinese characters");
        }
    }

    [Fact]
    public void TextKeyConstants_OfEveryFeature_ExistInEveryLocale()
    {
        var keyClasses = App.GetTypes().Where(t => t.Name.EndsWith("TextKeys", StringComparison.Ordinal)).ToList();
        var keys = keyClasses
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (Owner: f.DeclaringType!.Name, Key: (string)f.GetRawConstantValue()!))
            .ToList();

        Assert.Contains(keyClasses, t => t.Name == "HelpTextKeys");
        Assert.Contains(keyClasses, t => t.Name == "WelcomeTextKeys");
        foreach (var (owner, key) in keys)
        {
            foreach (var locale in BotText.Locales)
            {
                Assert.True(Text.Has(locale, key), $"{owner}: key '{key}' is missing in {locale}");
            }
        }
    }

    [Theory]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("zh-cn", "zh-CN")]
    [InlineData("zh-TW", "zh-CN")]
    [InlineData("ZH-HK", "zh-CN")]
    [InlineData("zh", "zh-CN")]
    [InlineData("en-US", "en-US")]
    [InlineData("en-GB", "en-US")]
    [InlineData("fr-FR", "en-US")]
    [InlineData("", "en-US")]
    [InlineData(null, "en-US")]
    public void Resolve_TeamsLocale_MapsToSupportedLocale(string? locale, string expected)
    {
        Assert.Equal(expected, BotText.Resolve(locale));
    }

    [Fact]
    public void Get_WithArguments_FillsPlaceholdersInTheLocale()
    {
        Assert.Equal("Hi Alice, I'm your sales coach", Text.Get("en-GB", "welcome.personal.title", "Alice"));
        Assert.Equal("王芳，你好！我是你的销售教练", Text.Get("zh-TW", "welcome.personal.title", "王芳"));
    }

    [Fact]
    public void Get_ArgumentWithBraces_IsInsertedVerbatim()
    {
        Assert.Equal("Hello, {0} {x}!", Text.Get("en-US", "welcome.team.title", "{0} {x}"));
    }

    [Fact]
    public void Get_MissingKey_ReturnsTheKeyAndLogsAnError()
    {
        var logger = new Mock<ILogger<BotText>>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        var text = new BotText(logger.Object);

        var result = text.Get("zh-CN", "no.such.key", "x");

        Assert.Equal("no.such.key", result);
        logger.Verify(l => l.Log(LogLevel.Error, It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), It.IsAny<Exception?>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()), Times.Once);
    }

    [Fact]
    public void Get_KeyMissingOnlyInChinese_FallsBackToEnglish()
    {
        var texts = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [BotText.English] = new Dictionary<string, string> { ["a"] = "English {0}" },
            [BotText.Chinese] = new Dictionary<string, string>(),
        };
        var text = new BotText(texts, NullLogger<BotText>.Instance);

        Assert.Equal("English 1", text.Get("zh-CN", "a", 1));
    }

    [Fact]
    public void Get_TemplateWithTooFewArguments_ReturnsTemplateInsteadOfThrowing()
    {
        var texts = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [BotText.English] = new Dictionary<string, string> { ["a"] = "{0} and {1}" },
            [BotText.Chinese] = new Dictionary<string, string> { ["a"] = "{0} 和 {1}" },
        };
        var text = new BotText(texts, NullLogger<BotText>.Instance);

        Assert.Equal("{0} 和 {1}", text.Get("zh-CN", "a", "only one"));
    }

    [Theory]
    [InlineData("zh-CN", "营收、签约、拜访")]
    [InlineData("zh-TW", "营收、签约、拜访")]
    [InlineData("en-US", "营收, 签约, 拜访")]
    [InlineData(null, "营收, 签约, 拜访")]
    public void List_JoinsAsTheLocaleWritesLists(string? locale, string expected) =>
        Assert.Equal(expected, BotText.List(locale, ["营收", "签约", "", null, "拜访"]));

    [Fact]
    public void NameOrder_Chinese_SortsByPinyin()
    {
        // Pinyin: Li Na, Wang Fang, Zhang Wei, Zhao Lei; code-point order would be 张 < 李 < 王 < 赵 (U+5F20, U+674E, U+738B, U+8D75).
        string[] names = ["赵磊", "张伟", "王芳", "李娜"];

        Assert.Equal(["李娜", "王芳", "张伟", "赵磊"], names.Order(BotText.NameOrder("zh-CN")));
    }

    [Fact]
    public void NameOrder_English_IsAlphabeticalIgnoringCase()
    {
        string[] names = ["bob", "Alice", "carol"];

        Assert.Equal(["Alice", "bob", "carol"], names.Order(BotText.NameOrder("en-US")));
    }

    [Theory]
    [InlineData("zh-CN", "CNY", "人民币")]
    [InlineData("zh-CN", "usd", "美元")]
    [InlineData("zh-CN", "JPY", "JPY")]
    [InlineData("en-US", "CNY", "CNY")]
    [InlineData("en-US", null, "")]
    public void CurrencyName_ChineseNamesKnownCurrencies_OthersKeepTheirCode(string locale, string? code, string expected) =>
        Assert.Equal(expected, SalesCoachBot.Sales.SalesFormat.CurrencyName(Text, locale, code));
}
