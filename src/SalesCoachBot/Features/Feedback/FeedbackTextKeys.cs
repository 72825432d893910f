namespace SalesCoachBot.Features.Feedback;

/// <summary>Text keys of private feedback and its history (a test checks each exists in every locale).</summary>
internal static class FeedbackTextKeys
{
    public const string Help = "feedback.help";
    public const string HelpArgs = "feedback.help.args";
    public const string OnlyManagers = "feedback.onlyManagers";
    public const string Guest = "feedback.guest";
    public const string UnknownPerson = "feedback.unknownPerson";
    public const string NotYourRep = "feedback.notYourRep";
    public const string Ambiguous = "feedback.ambiguous";
    public const string TooLong = "feedback.tooLong";
    public const string MovedToPrivate = "feedback.movedToPrivate";
    public const string KindNote = "feedback.kind.note";
    public const string KindPraise = "feedback.kind.praise";
    public const string KindToImprove = "feedback.kind.toImprove";
    public const string Situation = "feedback.situation";
    public const string Behaviour = "feedback.behaviour";
    public const string Impact = "feedback.impact";
    public const string CardTitle = "feedback.card.title";
    public const string CardSent = "feedback.card.sent";
    public const string CardPrivate = "feedback.card.private";
    public const string CardAcknowledge = "feedback.card.acknowledge";
    public const string CardAcknowledged = "feedback.card.acknowledged";
    public const string CopyTitle = "feedback.copy.title";
    public const string CopySent = "feedback.copy.sent";
    public const string CopyWaiting = "feedback.copy.waiting";
    public const string CopyAcknowledged = "feedback.copy.acknowledged";
    public const string FormTitle = "feedback.form.title";
    public const string FormIntro = "feedback.form.intro";
    public const string FormRep = "feedback.form.rep";
    public const string FormKind = "feedback.form.kind";
    public const string FormSituation = "feedback.form.situation";
    public const string FormBehaviour = "feedback.form.behaviour";
    public const string FormImpact = "feedback.form.impact";
    public const string FormSend = "feedback.form.send";
    public const string FormInvalid = "feedback.form.invalid";
    public const string FormErrorRep = "feedback.form.errorRep";
    public const string FormErrorBehaviour = "feedback.form.errorBehaviour";
    public const string FormStale = "feedback.form.stale";
    public const string HistoryTitle = "feedback.history.title";
    public const string HistoryEmpty = "feedback.history.empty";
    public const string HistoryRecognition = "feedback.history.recognition";
    public const string HistoryCelebration = "feedback.history.celebration";
    public const string HistoryPoints = "feedback.history.points";
    public const string HistoryWaiting = "feedback.history.waiting";
    public const string HistoryMore = "feedback.history.more";
    public const string HistoryStale = "feedback.history.stale";
    public const string GivenTitle = "feedback.given.title";
    public const string GivenEmpty = "feedback.given.empty";
    public const string GivenWrite = "feedback.given.write";
    public const string AckNotYours = "feedback.ack.notYours";
    public const string AckGone = "feedback.ack.gone";
}
