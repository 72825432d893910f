using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Teams.Tests.Routing;

public class TypedTextTests
{
    [Theory]
    // Full-width letters, digits and spaces (Chinese IMEs) → ASCII.
    [InlineData("３月 １５万", "3月 15万")]
    [InlineData("ｓｅｔ　ｔａｒｇｅｔ", "set target")]
    [InlineData("￥１２万", "¥12万")]
    [InlineData("a\u00A0b", "a b")]
    // Chinese separators become spaces…
    [InlineData("记录：成交", "记录 成交")]
    [InlineData("目标。", "目标 ")]
    [InlineData("12万，华为", "12万 华为")]
    [InlineData("提醒、议程；督促！好？", "提醒 议程 督促 好 ")]
    // …and ASCII ones at a word's end or next to CJK.
    [InlineData("12万,华为", "12万 华为")]
    [InlineData("记录:成交", "记录 成交")]
    [InlineData("help?!", "help  ")]
    [InlineData("Acme, Inc.", "Acme  Inc ")]
    // Kept: numbers, times, e-mails, URLs.
    [InlineData("1.2万", "1.2万")]
    [InlineData("120,000", "120,000")]
    [InlineData("21:00-08:00", "21:00-08:00")]
    [InlineData("1。2万", "1.2万")]
    [InlineData("１２０，０００", "120,000")]
    [InlineData("２１：００", "21:00")]
    [InlineData("1、2", "1 2")]
    [InlineData("alice.wang@contoso.com.", "alice.wang@contoso.com ")]
    [InlineData("https://contoso.com/a", "https://contoso.com/a")]
    // Emoji, ZWJ sequences and other scripts pass through.
    [InlineData("👨‍👩‍👧 ok", "👨‍👩‍👧 ok")]
    [InlineData("٣月", "٣月")]
    [InlineData("", "")]
    public void Normalize_TypedText_IsUniform(string typed, string expected)
    {
        Assert.Equal(expected, TypedText.Normalize(typed));
    }

    [Fact]
    public void Normalize_Mention_IsKeptExactlyAsSent()
    {
        // The mention text must still equal the mention entity's text, full-width and punctuation included.
        Assert.Equal("设定目标 <at>Ｂｏｂ。李</at> 营收 3月", TypedText.Normalize("设定目标，<at>Ｂｏｂ。李</at>，营收 ３月"));
        Assert.Equal("<AT id=\"0\">Ａ，</AT> 1", TypedText.Normalize("<AT id=\"0\">Ａ，</AT>，１"));
    }

    [Fact]
    public void Normalize_UnclosedMention_IsNormalisedLikeText()
    {
        Assert.Equal("<at>A 1", TypedText.Normalize("<at>Ａ，１"));
    }

    [Theory]
    [InlineData("\uD800")]
    [InlineData("a\uDC00b")]
    [InlineData("\uDBFF\uD800")]
    public void Normalize_LoneSurrogate_BecomesReplacementCharacterInsteadOfThrowing(string typed)
    {
        var normalized = TypedText.Normalize(typed);
        Assert.Contains('\uFFFD', normalized);
        Assert.DoesNotContain(normalized, char.IsSurrogate);
    }

    [Fact]
    public void Normalize_Null_IsEmpty() => Assert.Equal(string.Empty, TypedText.Normalize(null));
}
