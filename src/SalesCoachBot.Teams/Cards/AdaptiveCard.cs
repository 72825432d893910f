using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SalesCoachBot.Teams.Activities;

namespace SalesCoachBot.Teams.Cards;

/// <summary>
/// An Adaptive Card as Teams renders it: version 1.5 at most, with the Teams extras (<c>msteams</c> width and
/// mentions, refresh for Universal Actions). Build cards from this model, never from string templates, so user text
/// (names with quotes, newlines, markup) is always escaped by the serializer.
/// </summary>
public sealed class AdaptiveCard
{
    /// <summary>The highest card version Teams renders.</summary>
    public const string MaxVersion = "1.5";

    /// <summary>The most Teams accepts in <c>refresh.userIds</c>.</summary>
    public const int MaxRefreshUsers = 60;

    private static readonly Version Highest = new(1, 5);
    private readonly string _version = MaxVersion;
    private readonly string? _lang;

    /// <summary>Always AdaptiveCard.</summary>
    [JsonPropertyOrder(-2)]
    public string Type { get; } = "AdaptiveCard";

    /// <summary>The schema URL editors use.</summary>
    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-1)]
    public string Schema { get; } = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>Card schema version, 1.5 unless set lower; anything above 1.5 is refused.</summary>
    public string Version
    {
        get => _version;
        init
        {
            if (!System.Version.TryParse(value, out var parsed) || parsed > Highest || parsed.Major < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"Teams renders Adaptive Cards up to {MaxVersion}.");
            }

            _version = value;
        }
    }

    /// <summary>The elements.</summary>
    public IList<CardElement> Body { get; init; } = [];

    /// <summary>Buttons under the body.</summary>
    public IList<CardButton>? Actions { get; init; }

    /// <summary>Action run when the card is clicked.</summary>
    public CardButton? SelectAction { get; init; }

    /// <summary>Text for clients that cannot render the card.</summary>
    public string? FallbackText { get; init; }

    /// <summary>
    /// Two-letter ISO 639-1 language of the card's text (en, zh), for screen readers. Optional; the app's cards leave it
    /// out because the adaptivecards 3.0.6 renderer checks it with a stateful (global) regex and rejects every other card.
    /// </summary>
    public string? Lang
    {
        get => _lang;
        init
        {
            if (value is not null && (value.Length != 2 || !value.All(char.IsAsciiLetterLower)))
            {
                throw new ArgumentException($"Card language must be a two-letter ISO 639-1 code such as en or zh, not '{value}'.", nameof(value));
            }

            _lang = value;
        }
    }

    /// <summary>Universal Actions refresh: which users' clients fetch an up-to-date card.</summary>
    public CardRefresh? Refresh { get; init; }

    /// <summary>Teams extras: full width and the mentions used in the card's text.</summary>
    [JsonPropertyName("msteams")]
    public TeamsCardProperties? MsTeams { get; set; }

    /// <summary>
    /// Registers a mention of <paramref name="who"/> and returns the <c>&lt;at&gt;…&lt;/at&gt;</c> text to put in a text
    /// element. Angle brackets and line breaks are dropped from the display text so a name cannot break the markup;
    /// the entity keeps the real name.
    /// </summary>
    public string Mention(ChannelAccount who)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (string.IsNullOrWhiteSpace(who.Id))
        {
            throw new ArgumentException("A mention needs the user's id.", nameof(who));
        }

        var display = MentionDisplay(who.Name ?? who.Id);
        var text = $"<at>{display}</at>";
        MsTeams ??= new TeamsCardProperties();
        MsTeams.Entities ??= [];
        if (!MsTeams.Entities.Any(e => e.Text == text && e.Mentioned?.Id == who.Id))
        {
            MsTeams.Entities.Add(Entity.ForMention(new ChannelAccount { Id = who.Id, Name = who.Name ?? display }, text));
        }

        return text;
    }

    /// <summary>This card as wire JSON (camelCase, nulls left out), as the connector sends it.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, BotJson.Options);

    /// <summary>The card wrapped in a message activity.</summary>
    public Activity ToActivity(string? summary = null) => Activity.CreateCard(this, summary);

    private static string MentionDisplay(string name)
    {
        var cleaned = new string(name.Select(c => c is '\r' or '\n' or '\t' ? ' ' : c).Where(c => c is not ('<' or '>')).ToArray()).Trim();
        return cleaned.Length > 0 ? cleaned : "?";
    }
}

/// <summary>The <c>msteams</c> property of a card.</summary>
public sealed class TeamsCardProperties
{
    /// <summary>Full uses the whole width of the conversation.</summary>
    public string? Width { get; set; }

    /// <summary>Mention entities for the <c>&lt;at&gt;…&lt;/at&gt;</c> texts in the card.</summary>
    [JsonPropertyName("entities")]
    public IList<Entity>? Entities { get; set; }

    /// <summary>Full width, the usual choice for data cards.</summary>
    public static TeamsCardProperties FullWidth() => new() { Width = "Full" };
}

/// <summary>Universal Actions refresh: the action the client runs to fetch an up-to-date card, and for whom.</summary>
public sealed class CardRefresh
{
    /// <summary>Creates the refresh for at most 60 users.</summary>
    public CardRefresh(ExecuteAction action, IList<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(userIds);
        if (userIds.Count > AdaptiveCard.MaxRefreshUsers)
        {
            throw new ArgumentOutOfRangeException(nameof(userIds), userIds.Count,
                string.Create(CultureInfo.InvariantCulture, $"Teams refreshes a card for at most {AdaptiveCard.MaxRefreshUsers} users."));
        }

        RefreshAction = action;
        UserIds = userIds;
    }

    /// <summary>The refresh action, serialized with its type (the renderer needs <c>Action.Execute</c> there).</summary>
    public CardButton Action => RefreshAction;

    /// <summary>The refresh action (its verb is routed like a button's).</summary>
    [JsonIgnore]
    public ExecuteAction RefreshAction { get; }

    /// <summary>Users (29:… or Entra object ids) whose clients refresh automatically.</summary>
    public IList<string> UserIds { get; }
}
