using System.Text.Json.Serialization;

namespace SalesCoachBot.Teams.Cards;

/// <summary>
/// A card action (a button, or the click action of a container). Named CardButton so it does not clash with the
/// router's <see cref="Routing.CardAction"/>, which is the press arriving back.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
public abstract class CardButton
{
    /// <summary>Creates a button with its caption.</summary>
    protected CardButton(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        Title = title;
    }

    /// <summary>Caption.</summary>
    public string Title { get; }

    /// <summary>Unique id within the card.</summary>
    public string? Id { get; init; }

    /// <summary>Style.</summary>
    public ActionStyle? Style { get; init; }

    /// <summary>Tooltip and screen-reader text.</summary>
    public string? Tooltip { get; init; }
}

/// <summary>
/// Universal Action (arrives as an <c>adaptiveCard/action</c> invoke and may answer with a new card). Always carries an
/// Action.Submit fallback with the same verb in its data, so clients without Universal Actions still reach the same
/// handler (the router reads <c>value.verb</c> of a submit).
/// </summary>
public sealed class ExecuteAction : CardButton
{
    /// <summary>The data key that carries the verb in the submit fallback.</summary>
    public const string VerbKey = "verb";

    /// <summary>Creates the action; <paramref name="data"/> must not use the key <c>verb</c>.</summary>
    public ExecuteAction(string verb, string title, IDictionary<string, object?>? data = null) : base(title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        if (data is not null && data.ContainsKey(VerbKey))
        {
            throw new ArgumentException($"The data key '{VerbKey}' is reserved for the action's verb.", nameof(data));
        }

        Verb = verb;
        Data = data;
    }

    /// <summary>What the handler is routed by.</summary>
    public string Verb { get; }

    /// <summary>Data sent back with the inputs.</summary>
    public IDictionary<string, object?>? Data { get; }

    /// <summary>Inputs whose values are sent: auto or none.</summary>
    public string? AssociatedInputs { get; init; }

    /// <summary>The Action.Submit that clients without Universal Actions use (serialized with its type).</summary>
    public CardButton Fallback => SubmitFallback;

    /// <summary>The Action.Submit that clients without Universal Actions use: same title, data plus the verb.</summary>
    [JsonIgnore]
    public SubmitAction SubmitFallback
    {
        get
        {
            var data = new Dictionary<string, object?>(StringComparer.Ordinal) { [VerbKey] = Verb };
            if (Data is not null)
            {
                foreach (var (key, value) in Data)
                {
                    data[key] = value;
                }
            }

            return new SubmitAction(Title, data) { Style = Style, Tooltip = Tooltip, AssociatedInputs = AssociatedInputs };
        }
    }
}

/// <summary>Sends the inputs and data as a message activity with <c>value</c>.</summary>
public sealed class SubmitAction : CardButton
{
    /// <summary>Creates the action.</summary>
    public SubmitAction(string title, IDictionary<string, object?>? data = null) : base(title) => Data = data;

    /// <summary>Data sent back with the inputs (our cards put a <c>verb</c> here).</summary>
    public IDictionary<string, object?>? Data { get; }

    /// <summary>Inputs whose values are sent: auto or none.</summary>
    public string? AssociatedInputs { get; init; }

    /// <summary>A submit routed by verb, as the router expects.</summary>
    public static SubmitAction ForVerb(string verb, string title, IDictionary<string, object?>? data = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        var merged = data is null
            ? new Dictionary<string, object?>(StringComparer.Ordinal)
            : new Dictionary<string, object?>(data, StringComparer.Ordinal);
        merged[ExecuteAction.VerbKey] = verb;
        return new SubmitAction(title, merged);
    }
}

/// <summary>Opens a URL.</summary>
public sealed class OpenUrlAction : CardButton
{
    /// <summary>Creates the action.</summary>
    public OpenUrlAction(string title, Uri url) : base(title)
    {
        ArgumentNullException.ThrowIfNull(url);
        Url = url;
    }

    /// <summary>The URL.</summary>
    public Uri Url { get; }
}

/// <summary>Shows a nested card below the buttons (not allowed as a click action).</summary>
public sealed class ShowCardAction : CardButton
{
    /// <summary>Creates the action.</summary>
    public ShowCardAction(string title, AdaptiveCard card) : base(title)
    {
        ArgumentNullException.ThrowIfNull(card);
        Card = card;
    }

    /// <summary>The nested card.</summary>
    public AdaptiveCard Card { get; }
}
