using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Localization;

/// <summary>
/// The apology a person gets when their turn failed, in the turn's language, naming the reference id that the
/// protocol library logged the exception under, so support can find it. Nothing of the exception is in it.
/// </summary>
internal sealed class TurnErrorApology(BotText text) : ITurnErrorReply
{
    public string Apology(TurnContext turn, string referenceId) => text.Get(turn.Locale, ErrorsTextKeys.TurnFailed, referenceId);
}
