using System.Globalization;

namespace SalesCoachBot.Sales;

/// <summary>Why an amount was refused; the caller turns it into a localized text.</summary>
public enum AmountError
{
    None,
    Empty,
    NotANumber,
    /// <summary>Commas that are not thousands groups (<c>1,20</c>, <c>1,5</c>): a decimal comma or a typo, so we refuse to guess.</summary>
    AmbiguousGrouping,
    Negative,
    TooLarge,
    /// <summary>Two different currencies written around one number (<c>$120 元</c>).</summary>
    ConflictingCurrency,
}

/// <summary>
/// An amount as written: the value, the currency written with it (ISO code, or null when none; never converted) and how
/// many decimal places the value has, so the caller can refuse cents of cents or fractions of a count.
/// <see cref="Scaled"/> says it was written with 千, 万, 亿 or k/m/w, as people write money.
/// </summary>
internal sealed record ParsedAmount(decimal Value, string? Currency, int Decimals, bool Scaled = false)
{
    /// <summary>
    /// Written as money (a currency, or 千/万/亿/k/m/w): a count KPI refuses it, since <c>签约 50万</c> means a deal of
    /// ¥500,000, never 500,000 contracts.
    /// </summary>
    public bool LooksLikeMoney => Currency is not null || Scaled;
}

/// <summary>
/// Reads amounts as sales people type them in English and Chinese.
/// Covered: digits with comma thousands groups (<c>120,000</c>; groups must be 3 digits, so <c>1,20</c> is refused);
/// decimals with a point; full-width digits and punctuation; currency symbols and codes before or after
/// (¥ ￥ RMB CNY 元 块 人民币 → CNY, $ US$ USD 美元 → USD, € EUR 欧元 → EUR); a single Latin suffix k, m, mn, w (any case);
/// Chinese units 十 百 千 万 亿 after Arabic or Chinese digits, combined (<c>1.2万</c>, <c>12万5千</c>, <c>1亿2千万</c>,
/// <c>百万</c> = 百×万); Chinese digits 零〇一二两三四五六七八九 (<c>十二万</c>, <c>一百二十万</c>, <c>三千</c>, <c>一亿</c>);
/// and the spoken shorthand where a trailing digit means the next lower unit (<c>两万五</c> = 25,000, <c>三千五</c> = 3,500).
/// Approximate words in front are dropped (<c>约12万</c>, 大约, 大概, ~, ≈: the amount is logged as written), and
/// currency words may stack (<c>12万元人民币</c>).
/// Not covered: spaces as thousands separators (the command splits words on spaces), decimal commas, 点 as a decimal
/// point, scientific notation. Zero parses (the caller decides whether it means anything); negatives are refused.
/// </summary>
internal static class AmountParser
{
    public const decimal MaxAmount = 1_000_000_000_000m;

    private static readonly (string Text, string Code)[] CurrencyPrefixes =
    [
        ("US$", "USD"), ("USD", "USD"), ("RMB", "CNY"), ("CNY", "CNY"), ("EUR", "EUR"), ("人民币", "CNY"),
        ("$", "USD"), ("¥", "CNY"), ("€", "EUR"),
    ];

    private static readonly (string Text, string Code)[] CurrencySuffixes =
    [
        ("人民币", "CNY"), ("美元", "USD"), ("欧元", "EUR"), ("USD", "USD"), ("RMB", "CNY"), ("CNY", "CNY"), ("EUR", "EUR"),
        ("元", "CNY"), ("块", "CNY"), ("$", "USD"), ("¥", "CNY"), ("€", "EUR"),
    ];

    // Longest first, so 大约 is not read as 大 + 约.
    private static readonly string[] ApproximatePrefixes = ["大约", "大概", "约合", "约", "~", "≈"];

    private const string ChineseDigits = "零〇一二两三四五六七八九";
    private const string ChineseUnits = "十百千万亿";

    public static bool TryParse(string? text, out decimal amount, out AmountError error)
    {
        var ok = TryParse(text, out ParsedAmount? parsed, out error);
        amount = ok ? parsed!.Value : 0m;
        return ok;
    }

    public static bool TryParse(string? text, out ParsedAmount? amount, out AmountError error)
    {
        amount = null;
        var s = Normalize(text ?? string.Empty).Trim();
        if (s.Length == 0)
        {
            error = AmountError.Empty;
            return false;
        }

        s = StripApproximate(s);
        if (s.Length == 0)
        {
            error = AmountError.NotANumber;
            return false;
        }

        var negative = false;
        if (s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..].Trim();
        }

        string? prefixCurrency = StripPrefix(ref s);
        if (!TryStripSuffixes(ref s, out var suffixCurrency))
        {
            error = AmountError.ConflictingCurrency;
            return false;
        }

        if (s.Length > 0 && s[0] is '-' or '+')
        {
            negative |= s[0] == '-';
            s = s[1..].Trim();
        }

        if (prefixCurrency is not null && suffixCurrency is not null && prefixCurrency != suffixCurrency)
        {
            error = AmountError.ConflictingCurrency;
            return false;
        }

        if (s.Length == 0)
        {
            error = prefixCurrency is null && suffixCurrency is null ? AmountError.Empty : AmountError.NotANumber;
            return false;
        }

        var scaled = s.IndexOfAny(['千', '万', '亿']) >= 0 || (s.Length > 1 && char.IsAsciiLetter(s[^1]));
        error = ReadValue(s, out var value);
        if (error != AmountError.None)
        {
            return false;
        }

        if (negative && value != 0)
        {
            error = AmountError.Negative;
            return false;
        }

        if (value > MaxAmount)
        {
            error = AmountError.TooLarge;
            return false;
        }

        value = Trim(value);
        amount = new ParsedAmount(value, prefixCurrency ?? suffixCurrency, value.Scale, scaled);
        return true;
    }

    /// <summary>
    /// Whether a word is meant as an amount (starts with a digit, sign or currency, or is all Chinese numerals), so the
    /// command can tell "12abc" (a bad amount) from "Acme" (a customer).
    /// </summary>
    public static bool LooksLikeAmount(string word)
    {
        var s = StripApproximate(Normalize(word).Trim());
        if (s.Length == 0)
        {
            return false;
        }

        if (char.IsAsciiDigit(s[0]) || s[0] is '-' or '+' or '$' or '¥' or '€')
        {
            return true;
        }

        foreach (var (text, _) in CurrencyPrefixes)
        {
            if (s.Length > text.Length && s.StartsWith(text, StringComparison.OrdinalIgnoreCase) && (char.IsAsciiDigit(s[text.Length]) || s[text.Length] == ' '))
            {
                return true;
            }
        }

        return s.All(c => ChineseDigits.Contains(c, StringComparison.Ordinal) || ChineseUnits.Contains(c, StringComparison.Ordinal));
    }

    /// <summary>A word that is only a currency (<c>RMB</c>, <c>元</c>), written apart from its number.</summary>
    public static string? CurrencyOf(string word)
    {
        var s = Normalize(word).Trim();
        foreach (var (text, code) in CurrencyPrefixes.Concat(CurrencySuffixes))
        {
            if (string.Equals(s, text, StringComparison.OrdinalIgnoreCase))
            {
                return code;
            }
        }

        return null;
    }

    // The one normaliser every parser uses (full-width forms, Chinese separators), plus the minus sign NFKC keeps.
    internal static string Normalize(string text) => SalesCoachBot.Teams.Routing.TypedText.Normalize(text).Replace('\u2212', '-');

    private static string? StripPrefix(ref string s)
    {
        foreach (var (text, code) in CurrencyPrefixes)
        {
            if (s.StartsWith(text, StringComparison.OrdinalIgnoreCase))
            {
                s = s[text.Length..].Trim();
                return code;
            }
        }

        return null;
    }

    /// <summary>A word that only says "about" (<c>约</c>, <c>大概</c>, <c>~</c>), written apart from its number.</summary>
    public static bool IsApproximateWord(string word) =>
        ApproximatePrefixes.Contains(Normalize(word).Trim(), StringComparer.Ordinal);

    /// <summary>A word that is only a Chinese unit, maybe with a currency (<c>万</c>, <c>万元</c>), written apart from its number (<c>12 万</c>).</summary>
    public static bool IsUnitWord(string word)
    {
        var s = Normalize(word).Trim();
        if (!TryStripSuffixes(ref s, out _) || s.Length == 0)
        {
            return false;
        }

        return s.All(c => c is '百' or '千' or '万' or '亿');
    }

    private static string StripApproximate(string s)
    {
        foreach (var prefix in ApproximatePrefixes)
        {
            if (s.StartsWith(prefix, StringComparison.Ordinal))
            {
                return s[prefix.Length..].Trim();
            }
        }

        return s;
    }

    // Currency words may stack (12万元人民币); they must all name one currency.
    private static bool TryStripSuffixes(ref string s, out string? currency)
    {
        currency = null;
        var stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (var (text, code) in CurrencySuffixes)
            {
                if (s.Length > 0 && s.EndsWith(text, StringComparison.OrdinalIgnoreCase))
                {
                    if (currency is not null && currency != code)
                    {
                        return false;
                    }

                    s = s[..^text.Length].Trim();
                    currency = code;
                    stripped = true;
                    break;
                }
            }
        }

        return true;
    }

    private static AmountError ReadValue(string s, out decimal value)
    {
        value = 0;
        var multiplier = 1m;
        var lower = s.ToLowerInvariant();
        if (lower.EndsWith("mn", StringComparison.Ordinal))
        {
            multiplier = 1_000_000m;
            s = s[..^2];
        }
        else if (lower.Length > 1 && lower[^1] is 'k' or 'm' or 'w' && char.IsAsciiDigit(lower[^2]))
        {
            multiplier = lower[^1] switch { 'k' => 1_000m, 'm' => 1_000_000m, _ => 10_000m };
            s = s[..^1];
        }

        if (s.Length == 0)
        {
            return AmountError.NotANumber;
        }

        var error = ReadChineseStyle(s, out value);
        if (error == AmountError.None)
        {
            value *= multiplier;
        }

        return error;
    }

    // Sums unit sections the way Chinese numbers are read: 1亿2千万 = 1×亿 + (2×千)×万; Arabic numbers may stand for digits.
    private static AmountError ReadChineseStyle(string s, out decimal value)
    {
        value = 0;
        decimal total = 0, section = 0;
        decimal? number = null;
        decimal lastSmallUnit = decimal.MaxValue, lastBigUnit = decimal.MaxValue, lastUnit = 0;
        var afterUnit = false;
        var i = 0;
        try
        {
            while (i < s.Length)
            {
                var c = s[i];
                if (char.IsAsciiDigit(c) || c == '.' || c == ',')
                {
                    if (number is not null)
                    {
                        return AmountError.NotANumber;
                    }

                    var start = i;
                    while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] is '.' or ','))
                    {
                        i++;
                    }

                    var error = ReadArabic(s[start..i], out var arabic);
                    if (error != AmountError.None)
                    {
                        return error;
                    }

                    number = arabic;
                    continue;
                }

                var digit = ChineseDigits.IndexOf(c, StringComparison.Ordinal);
                if (digit >= 0)
                {
                    if (number is not null && digit > 1)
                    {
                        return AmountError.NotANumber; // 一二 is not a number
                    }

                    // 零 and 〇 only hold a place (一万零五百).
                    number = digit <= 1 ? number : DigitValue(c);
                    if (digit <= 1)
                    {
                        afterUnit = false;
                    }

                    i++;
                    continue;
                }

                var unit = c switch { '十' => 10m, '百' => 100m, '千' => 1_000m, '万' => 10_000m, '亿' => 100_000_000m, _ => 0m };
                if (unit == 0)
                {
                    return AmountError.NotANumber;
                }

                if (unit < 10_000m)
                {
                    if (unit >= lastSmallUnit)
                    {
                        return AmountError.NotANumber;
                    }

                    // 十 alone means ten (十二万); 百万 after a number is a unit pair, alone it means one.
                    section += (number ?? 1m) * unit;
                    lastSmallUnit = unit;
                }
                else
                {
                    if (unit >= lastBigUnit)
                    {
                        return AmountError.NotANumber;
                    }

                    section += number ?? 0m;
                    if (section == 0 && number is null)
                    {
                        section = 1; // 万 alone, as in 百万's second half when nothing came before
                    }

                    total += section * unit;
                    section = 0;
                    lastBigUnit = unit;
                    lastSmallUnit = decimal.MaxValue;
                }

                number = null;
                lastUnit = unit;
                afterUnit = true;
                i++;
            }

            if (number is not null)
            {
                // Spoken shorthand: 两万五 = 两万五千, 三千五 = 三千五百.
                section += afterUnit && lastUnit >= 100m && number.Value.Scale == 0 && number < 10 ? number.Value * (lastUnit / 10) : number.Value;
            }

            value = total + section;
            return AmountError.None;
        }
        catch (OverflowException)
        {
            return AmountError.TooLarge;
        }
    }

    private static int DigitValue(char c) => c switch
    {
        '一' => 1, '二' or '两' => 2, '三' => 3, '四' => 4, '五' => 5, '六' => 6, '七' => 7, '八' => 8, _ => 9,
    };

    private static AmountError ReadArabic(string s, out decimal value)
    {
        value = 0;
        var point = s.IndexOf('.', StringComparison.Ordinal);
        if (point != s.LastIndexOf('.'))
        {
            return AmountError.NotANumber;
        }

        var whole = point < 0 ? s : s[..point];
        var fraction = point < 0 ? string.Empty : s[(point + 1)..];
        if (fraction.Contains(',', StringComparison.Ordinal))
        {
            return AmountError.AmbiguousGrouping;
        }

        if (whole.Contains(',', StringComparison.Ordinal))
        {
            var groups = whole.Split(',');
            if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                return AmountError.AmbiguousGrouping;
            }

            whole = string.Concat(groups);
        }

        if (whole.Length == 0 && fraction.Length == 0)
        {
            return AmountError.NotANumber;
        }

        if (whole.TrimStart('0').Length > 15)
        {
            return AmountError.TooLarge;
        }

        var digits = (whole.Length == 0 ? "0" : whole) + (fraction.Length == 0 ? string.Empty : "." + fraction);
        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            ? AmountError.None
            : AmountError.NotANumber;
    }

    private static decimal Trim(decimal value) => value / 1.000000000000000000000000000000000m;
}
