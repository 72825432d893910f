using System.Text;
using System.Text.Json.Nodes;

namespace SalesCoachBot.Teams.Tests.Hosting;

/// <summary>Seeded mutations of activity JSON for robustness tests.</summary>
internal static class Mutations
{
    private static readonly JsonNode?[] OddValues =
    [
        null, JsonValue.Create(0), JsonValue.Create(-1.5e300), JsonValue.Create(""), JsonValue.Create(true),
        JsonValue.Create(new string('长', 300)), new JsonArray(), new JsonObject(), JsonValue.Create("<at>x</at>"),
        JsonValue.Create("\u0000\uFFFF"), new JsonArray(JsonValue.Create(1), new JsonObject()),
    ];

    public static string Mutate(string json, Random random)
    {
        switch (random.Next(6))
        {
            case 0: // truncate
                return json[..random.Next(json.Length)];
            case 1: // flip bytes
                var chars = json.ToCharArray();
                for (var k = 0; k < 1 + random.Next(4); k++)
                {
                    chars[random.Next(chars.Length)] = (char)random.Next(32, 127);
                }

                return new string(chars);
            case 2: // deep nesting in value
                var deep = new StringBuilder();
                var depth = random.Next(10, 200);
                deep.Append(json[..^1]).Append(",\"value\":");
                deep.Append(new string('[', depth)).Append(new string(']', depth)).Append('}');
                return deep.ToString();
            default: // replace a random property (possibly nested) with an odd value, or delete it
                var root = JsonNode.Parse(json)!.AsObject();
                var target = PickObject(root, random);
                var keys = target.Select(p => p.Key).ToList();
                if (keys.Count == 0)
                {
                    return root.ToJsonString();
                }

                var key = keys[random.Next(keys.Count)];
                if (random.Next(4) == 0)
                {
                    target.Remove(key);
                }
                else
                {
                    target[key] = OddValues[random.Next(OddValues.Length)]?.DeepClone();
                }

                return root.ToJsonString();
        }
    }

    private static JsonObject PickObject(JsonObject root, Random random)
    {
        var current = root;
        while (random.Next(2) == 0)
        {
            var children = current.Select(p => p.Value).OfType<JsonObject>().ToList();
            if (children.Count == 0)
            {
                break;
            }

            current = children[random.Next(children.Count)];
        }

        return current;
    }
}
