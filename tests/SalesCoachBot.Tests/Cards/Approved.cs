using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SalesCoachBot.Teams.Cards;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Cards;

/// <summary>
/// Approval check for card JSON: the card, serialized as the bot sends it and then indented (property order kept,
/// Chinese left readable), must equal <c>Cards/Approved/&lt;name&gt;.approved.json</c> in the source tree. On a
/// difference or a missing file it writes <c>&lt;name&gt;.received.json</c> beside it (git-ignored) and fails with
/// how to approve; a match deletes a stale received file. See Cards/README.md.
/// </summary>
internal static class Approved
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>tests/SalesCoachBot.Tests/Cards/Approved in the repository the tests run from.</summary>
    public static string Folder => Path.Combine(TestRequirements.RepositoryRoot(), "tests", "SalesCoachBot.Tests", "Cards", "Approved");

    public static string ApprovedPath(string name) => Path.Combine(Folder, name + ".approved.json");

    public static string ReceivedPath(string name) => Path.Combine(Folder, name + ".received.json");

    /// <summary>The card's JSON as compared and approved: the wire JSON, indented, '\n' line ends, one final newline.</summary>
    public static string Normalize(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Normalize(card.ToJson());
    }

    public static string Normalize(string json) =>
        JsonNode.Parse(json)!.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

    /// <summary>Fails unless <paramref name="card"/> serializes exactly as its approved file says.</summary>
    public static void Verify(string name, AdaptiveCard card)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ArgumentException($"'{name}' cannot be a file name.", nameof(name));
        }

        var received = Normalize(card);
        var approvedPath = ApprovedPath(name);
        var receivedPath = ReceivedPath(name);
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(Folder);
        File.WriteAllText(receivedPath, received);
        var what = approved is null ? "has no approved file yet" : "differs from its approved file";
        Assert.Fail(
            $"""
            Card '{name}' {what}.
              received: {receivedPath}
              approved: {approvedPath}
            If the change is intended, approve it: rename the received file to the approved one
              mv '{receivedPath}' '{approvedPath}'
            (or approve every card at once: see tests/SalesCoachBot.Tests/Cards/README.md), then commit it.
            {FirstDifference(approved, received)}
            """);
    }

    private static string FirstDifference(string? approved, string received)
    {
        if (approved is null)
        {
            return "";
        }

        var expectedLines = approved.Split('\n');
        var actualLines = received.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var expected = i < expectedLines.Length ? expectedLines[i] : "(end of file)";
            var actual = i < actualLines.Length ? actualLines[i] : "(end of file)";
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                return $"First difference at line {i + 1}:\n  approved: {expected.Trim()}\n  received: {actual.Trim()}";
            }
        }

        return "";
    }
}
