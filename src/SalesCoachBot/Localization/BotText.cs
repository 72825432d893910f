using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace SalesCoachBot.Localization;

/// <summary>
/// Every user-facing text, in en-US and zh-CN. Texts live in embedded JSON files named <c>{area}.en-US.json</c> and
/// <c>{area}.zh-CN.json</c> (key → text with {0} placeholders), one pair per feature so features never edit the same file.
/// A missing key never crashes a turn: it falls back to en-US, then to the key itself, and is logged; tests make sure
/// that never happens.
/// </summary>
internal sealed partial class BotText
{
    public const string English = "en-US";
    public const string Chinese = "zh-CN";

    public static IReadOnlyList<string> Locales { get; } = [English, Chinese];

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _texts;
    private readonly ILogger<BotText> _logger;

    public BotText(ILogger<BotText> logger)
        : this(LoadEmbedded(typeof(BotText).Assembly), logger)
    {
    }

    internal BotText(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> texts, ILogger<BotText> logger)
    {
        _texts = texts.ToFrozenDictionary(
            l => l.Key,
            l => l.Value.ToFrozenDictionary(StringComparer.Ordinal),
            StringComparer.Ordinal);
        _logger = logger;
    }

    /// <summary>Maps a Teams locale to a supported one: any zh* is zh-CN, everything else en-US.</summary>
    public static string Resolve(string? locale) =>
        locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    /// <summary>The language most of these people use (their locales; unknown ones count as English); English on a tie.</summary>
    public static string MostUsed(IEnumerable<string?> locales) =>
        locales.GroupBy(Resolve).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault()
        ?? Resolve(null);

    /// <summary>True for locales answered in Chinese.</summary>
    public static bool IsChinese(string? locale) => Resolve(locale) == Chinese;

    /// <summary>How much of a user's input a text quotes (in text elements, so no emoji or CJK character is cut in half).</summary>
    public const int MaxQuotedLength = 40;

    /// <summary>
    /// User input as a text quotes it ("I didn't understand '…'"): on one line, cut to <see cref="MaxQuotedLength"/>
    /// text elements with an ellipsis.
    /// </summary>
    public static string Quote(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var oneLine = string.Join(' ', input.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var info = new StringInfo(oneLine);
        return info.LengthInTextElements <= MaxQuotedLength
            ? oneLine
            : info.SubstringByTextElements(0, MaxQuotedLength).TrimEnd() + "…";
    }

    /// <summary>A list as the locale writes it: 甲、乙、丙 in Chinese, "a, b, c" in English.</summary>
    public static string List(string? locale, IEnumerable<string?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return string.Join(IsChinese(locale) ? "、" : ", ", items.Where(i => !string.IsNullOrEmpty(i)));
    }

    /// <summary>
    /// How people's names are sorted for the locale: by pinyin in Chinese (ICU's zh-CN collation), alphabetically in
    /// English; case is ignored.
    /// </summary>
    public static StringComparer NameOrder(string? locale) =>
        StringComparer.Create(CultureInfo.GetCultureInfo(Resolve(locale)), ignoreCase: true);

    /// <summary>The keys of one supported locale.</summary>
    public IReadOnlyCollection<string> Keys(string locale) =>
        _texts.TryGetValue(Resolve(locale), out var texts) ? texts.Keys : [];

    /// <summary>True when the key exists in the locale.</summary>
    public bool Has(string locale, string key) =>
        _texts.TryGetValue(Resolve(locale), out var texts) && texts.ContainsKey(key);

    /// <summary>The text for <paramref name="key"/> in the locale, with <paramref name="args"/> filled in.</summary>
    public string Get(string? locale, string key, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(key);
        var resolved = Resolve(locale);
        if (!TryFind(resolved, key, out var template))
        {
            LogMissingKey(_logger, key, resolved);
            return key;
        }

        if (args is not { Length: > 0 })
        {
            return template;
        }

        try
        {
            return string.Format(CultureInfo.GetCultureInfo(resolved), template, args);
        }
        catch (FormatException exception)
        {
            LogBadTemplate(_logger, exception, key, resolved);
            return template;
        }
    }

    private bool TryFind(string locale, string key, out string template)
    {
        if (_texts.TryGetValue(locale, out var texts) && texts.TryGetValue(key, out var found))
        {
            template = found;
            return true;
        }

        if (locale != English && _texts.TryGetValue(English, out var english) && english.TryGetValue(key, out var fallback))
        {
            template = fallback;
            return true;
        }

        template = key;
        return false;
    }

    /// <summary>
    /// Reads every embedded <c>*.{locale}.json</c> resource. A key defined twice (in two files of one locale) throws,
    /// so two features cannot silently shadow each other's texts.
    /// </summary>
    internal static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> LoadEmbedded(Assembly assembly)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var locale in Locales)
        {
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var resource in ResourceNames(assembly, locale))
            {
                using var stream = assembly.GetManifestResourceStream(resource)
                    ?? throw new InvalidOperationException($"Resource {resource} vanished.");
                var file = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                    ?? throw new InvalidOperationException($"Resource {resource} is empty.");
                foreach (var (key, text) in file)
                {
                    if (!texts.TryAdd(key, text))
                    {
                        throw new InvalidOperationException($"Text key '{key}' is defined twice for {locale} (again in {resource}).");
                    }
                }
            }

            result[locale] = texts;
        }

        return result;
    }

    /// <summary>The embedded text resources of one locale.</summary>
    internal static IEnumerable<string> ResourceNames(Assembly assembly, string locale) =>
        assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith("." + locale + ".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "Text key {Key} is missing for {Locale}")]
    private static partial void LogMissingKey(ILogger logger, string key, string locale);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Text {Key} for {Locale} does not match its arguments")]
    private static partial void LogBadTemplate(ILogger logger, Exception exception, string key, string locale);
}
