using System.Text.Json;
using SalesCoachBot.Teams.Activities;

namespace SalesCoachBot.Testing;

/// <summary>What a person can read on a sent card: every string value of its single attachment, one per line.</summary>
public static class CardText
{
    public static string Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var texts = new List<string>();
        Collect(JsonSerializer.SerializeToElement(activity.Attachments!.Single().Content, BotJson.Options), texts);
        return string.Join('\n', texts);
    }

    private static void Collect(JsonElement element, List<string> texts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                texts.Add(element.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, texts);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, texts);
                }

                break;
        }
    }
}
