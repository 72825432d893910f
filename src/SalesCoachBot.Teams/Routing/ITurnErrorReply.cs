namespace SalesCoachBot.Teams.Routing;

/// <summary>
/// Words the apology a person gets when their turn failed (registered with <see cref="BotRoutes.OnTurnError{TReply}"/>).
/// The endpoint catches the failure, logs it with a reference id, and sends this text into the conversation, or puts
/// it in the error invoke response for a card action, so the person is never left without an answer.
/// </summary>
public interface ITurnErrorReply
{
    /// <summary>
    /// A short apology in the turn's language (<see cref="TurnContext.Locale"/>) that names <paramref name="referenceId"/>,
    /// the id the failure is logged under. It must not carry anything of the exception: the person sees it as it is.
    /// </summary>
    string Apology(TurnContext turn, string referenceId);
}

/// <summary>The apology when the app registers none: neutral English, as the library knows no other language.</summary>
internal sealed class DefaultTurnErrorReply : ITurnErrorReply
{
    public static DefaultTurnErrorReply Instance { get; } = new();

    public string Apology(TurnContext turn, string referenceId) =>
        $"Sorry, something went wrong and I could not finish that. If it happens again, please quote reference {referenceId}.";
}
