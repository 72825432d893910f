using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCoachBot.Teams.Activities;

/// <summary>The JSON settings of the Bot Framework wire format: camelCase, nulls left out.</summary>
public static class BotJson
{
    /// <summary>Shared options; do not mutate.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Dates and enums as the channel writes them; unknown members go to extension data.
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        // Chinese text stays readable and three times smaller than \uXXXX escapes; HTML-sensitive characters are still escaped.
        Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}
