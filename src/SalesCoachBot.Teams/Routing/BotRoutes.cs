using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SalesCoachBot.Teams.Routing;

/// <summary>
/// The route table, filled once at start. Every key (command word, verb, invoke name, activity type) may be
/// registered once; a second registration throws, so two features can never silently fight over a word.
/// Handlers are resolved per turn from the request scope.
/// </summary>
/// <remarks>
/// How a message finds its command (<see cref="MatchCommand"/>): the text is normalised first
/// (<see cref="TypedText.Normalize"/>: full-width forms, Chinese punctuation), then the <b>longest</b> registered word the
/// text starts with wins, case-insensitively, so a word that begins another (<c>设置</c> and <c>设置目标</c>) never
/// takes its place. A word written in CJK script needs no space after it (<c>记录成交12万</c>, <c>目标本月</c>); a word
/// ending in a Latin letter or digit must end where a word ends (a space, punctuation, a CJK character or the end),
/// so <c>settings</c> is never <c>set</c> + <c>tings</c> and <c>targetsX</c> is no command.
/// </remarks>
public sealed class BotRoutes
{
    /// <summary>The invoke Teams sends for Action.Execute; the router owns it and dispatches by verb.</summary>
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    private readonly IServiceCollection _services;

    internal BotRoutes(IServiceCollection services) => _services = services;

    internal Dictionary<string, Type> Commands { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal Dictionary<string, Type> CardActions { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal Dictionary<string, Type> Invokes { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal Dictionary<string, Type> ActivityHandlers { get; } = new(StringComparer.OrdinalIgnoreCase);
    internal List<Type> Middleware { get; } = [];
    internal Type? Fallback { get; private set; }

    // The command words, longest first; rebuilt when a word is added (only at start), read by every message.
    private string[]? _wordsLongestFirst;

    /// <summary>The registered command words (for help texts and tests).</summary>
    public IReadOnlyCollection<string> CommandWords => Commands.Keys;

    /// <summary>Routes messages whose first word is one of <paramref name="words"/> (case-insensitive).</summary>
    public BotRoutes OnCommand<THandler>(params string[] words) where THandler : class, ICommandHandler
    {
        ArgumentNullException.ThrowIfNull(words);
        foreach (var word in words)
        {
            if (string.IsNullOrWhiteSpace(word) || word.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException($"Command word '{word}' must be one non-empty word.", nameof(words));
            }

            Add(Commands, word, typeof(THandler), "command");
        }

        _wordsLongestFirst = null;
        return Register<THandler>();
    }

    /// <summary>
    /// The registered command word a message starts with and the arguments after it, both normalised
    /// (<see cref="TypedText.Normalize"/>); a null word when none matches (the arguments are then the whole normalised
    /// text). The longest word wins; see the remarks on <see cref="BotRoutes"/> for where a word may end.
    /// </summary>
    public (string? Word, string Arguments) MatchCommand(string? text)
    {
        var normalized = TypedText.Normalize(text).Trim();
        var words = _wordsLongestFirst ??= [.. Commands.Keys.OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal)];
        foreach (var word in words)
        {
            if (normalized.StartsWith(word, StringComparison.OrdinalIgnoreCase) && EndsAWord(normalized, word))
            {
                return (word, normalized[word.Length..].Trim());
            }
        }

        return (null, normalized);
    }

    // A Latin word must not run on into more letters or digits; a CJK word may be followed by anything.
    private static bool EndsAWord(string text, string word)
    {
        if (text.Length == word.Length || !IsLatinLetterOrDigit(word[^1]))
        {
            return true;
        }

        var next = text[word.Length];
        return !char.IsLetterOrDigit(next) || TypedText.IsCjk(next);
    }

    private static bool IsLatinLetterOrDigit(char c) => char.IsLetterOrDigit(c) && !TypedText.IsCjk(c);

    /// <summary>Routes card buttons (Action.Execute and Action.Submit) by verb.</summary>
    public BotRoutes OnCardAction<THandler>(params string[] verbs) where THandler : class, ICardActionHandler
    {
        ArgumentNullException.ThrowIfNull(verbs);
        foreach (var verb in verbs)
        {
            Add(CardActions, verb, typeof(THandler), "card action verb");
        }

        return Register<THandler>();
    }

    /// <summary>Routes an invoke by name.</summary>
    public BotRoutes OnInvoke<THandler>(string name) where THandler : class, IInvokeHandler
    {
        if (string.Equals(name, AdaptiveCardActionInvoke, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"'{AdaptiveCardActionInvoke}' is routed by verb; register a card action instead.");
        }

        Add(Invokes, name, typeof(THandler), "invoke");
        return Register<THandler>();
    }

    /// <summary>Routes a non-message activity type (conversationUpdate, installationUpdate, messageReaction, …).</summary>
    public BotRoutes OnActivity<THandler>(string activityType) where THandler : class, ITurnHandler
    {
        if (string.Equals(activityType, "message", StringComparison.OrdinalIgnoreCase)
            || string.Equals(activityType, "invoke", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"'{activityType}' activities are routed by command, verb or invoke name.");
        }

        Add(ActivityHandlers, activityType, typeof(THandler), "activity type");
        return Register<THandler>();
    }

    /// <summary>Handles messages no command matched (the help fallback). Once only.</summary>
    public BotRoutes OnFallback<THandler>() where THandler : class, ITurnHandler
    {
        if (Fallback is not null)
        {
            throw new InvalidOperationException($"A fallback is already registered ({Fallback.Name}).");
        }

        Fallback = typeof(THandler);
        return Register<THandler>();
    }

    /// <summary>
    /// Words the apology for a failed turn (see <see cref="ITurnErrorReply"/>), resolved per turn from the request scope.
    /// Once only; without it a neutral English apology is sent.
    /// </summary>
    public BotRoutes OnTurnError<TReply>() where TReply : class, ITurnErrorReply
    {
        if (_services.Any(d => d.ServiceType == typeof(ITurnErrorReply)))
        {
            throw new InvalidOperationException("An apology for failed turns is already registered.");
        }

        _services.AddScoped<ITurnErrorReply, TReply>();
        return this;
    }

    /// <summary>Adds middleware that runs around every turn, in registration order.</summary>
    public BotRoutes Use<TMiddleware>() where TMiddleware : class, ITurnMiddleware
    {
        if (Middleware.Contains(typeof(TMiddleware)))
        {
            throw new InvalidOperationException($"Middleware {typeof(TMiddleware).Name} is registered twice.");
        }

        Middleware.Add(typeof(TMiddleware));
        return Register<TMiddleware>();
    }

    private static void Add(Dictionary<string, Type> table, string key, Type handler, string what)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException($"An empty {what} cannot be routed.");
        }

        if (!table.TryAdd(key, handler))
        {
            throw new InvalidOperationException(
                $"Duplicate {what} '{key}': already routed to {table[key].Name}, cannot also route to {handler.Name}.");
        }
    }

    private BotRoutes Register<T>() where T : class
    {
        _services.TryAddScoped<T>();
        return this;
    }
}
