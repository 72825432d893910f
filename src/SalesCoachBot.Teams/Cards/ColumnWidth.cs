using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoachBot.Teams.Cards;

/// <summary>Width of a column: <c>auto</c>, <c>stretch</c>, a relative weight (a number) or pixels (<c>"80px"</c>).</summary>
[JsonConverter(typeof(ColumnWidthConverter))]
public sealed record ColumnWidth
{
    private ColumnWidth(string? keyword, int? weight, int? pixels)
    {
        Keyword = keyword;
        Weight = weight;
        Pixels = pixels;
    }

    /// <summary>auto, stretch, or null for a weight or pixel width.</summary>
    public string? Keyword { get; }

    /// <summary>Relative weight, or null.</summary>
    public int? Weight { get; }

    /// <summary>Width in pixels, or null.</summary>
    public int? Pixels { get; }

    /// <summary>As wide as the content.</summary>
    public static ColumnWidth Auto { get; } = new("auto", null, null);

    /// <summary>Takes the remaining width.</summary>
    public static ColumnWidth Stretch { get; } = new("stretch", null, null);

    /// <summary>A share of the width relative to the other weighted columns.</summary>
    public static ColumnWidth OfWeight(int weight) =>
        weight > 0 ? new(null, weight, null) : throw new ArgumentOutOfRangeException(nameof(weight), "A weight must be positive.");

    /// <summary>A fixed width in pixels.</summary>
    public static ColumnWidth OfPixels(int pixels) =>
        pixels > 0 ? new(null, null, pixels) : throw new ArgumentOutOfRangeException(nameof(pixels), "A width must be positive.");
}

internal sealed class ColumnWidthConverter : JsonConverter<ColumnWidth>
{
    public override ColumnWidth? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return ColumnWidth.OfWeight(reader.GetInt32());
        }

        var text = reader.GetString();
        return text switch
        {
            "auto" => ColumnWidth.Auto,
            "stretch" => ColumnWidth.Stretch,
            _ when text is not null && text.EndsWith("px", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(0, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var px) => ColumnWidth.OfPixels(px),
            _ when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var weight) => ColumnWidth.OfWeight(weight),
            _ => throw new JsonException($"Unknown column width '{text}'."),
        };
    }

    public override void Write(Utf8JsonWriter writer, ColumnWidth value, JsonSerializerOptions options)
    {
        if (value.Keyword is { } keyword)
        {
            writer.WriteStringValue(keyword);
        }
        else if (value.Weight is { } weight)
        {
            writer.WriteNumberValue(weight);
        }
        else
        {
            writer.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"{value.Pixels}px"));
        }
    }
}
