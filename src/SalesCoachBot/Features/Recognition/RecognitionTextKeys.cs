namespace SalesCoachBot.Features.Recognition;

/// <summary>Text keys of praise and company values (a test checks each exists in every locale).</summary>
internal static class RecognitionTextKeys
{
    public const string PraiseHelp = "recognition.praise.help";
    public const string PraiseArgs = "recognition.praise.args";
    public const string ValuesHelp = "recognition.values.help";
    public const string ValuesArgs = "recognition.values.args";
    public const string Guest = "recognition.guest";
    public const string TeamUnknown = "recognition.teamUnknown";
    public const string NotInTeam = "recognition.notInTeam";
    public const string NoTeam = "recognition.noTeam";
    public const string ChooseTeam = "recognition.chooseTeam";
    public const string NoTeamNamed = "recognition.noTeamNamed";
    public const string PraiseExample = "recognition.praise.example";
    public const string ValuesExample = "recognition.values.example";
    public const string PraiseNoOne = "recognition.praise.noOne";
    public const string PraiseSelf = "recognition.praise.self";
    public const string PraiseOutsider = "recognition.praise.outsider";
    public const string PraiseEmptyReason = "recognition.praise.emptyReason";
    public const string PraiseUnknownValue = "recognition.praise.unknownValue";
    public const string PraiseNoValues = "recognition.praise.noValues";
    public const string PraiseQuota = "recognition.praise.quota";
    public const string PraiseNoChannel = "recognition.praise.noChannel";
    public const string PraisePosted = "recognition.praise.posted";
    public const string PraiseSentPrivately = "recognition.praise.sentPrivately";
    public const string PraiseSentPrivatelyHere = "recognition.praise.sentPrivatelyHere";
    public const string CardTitle = "recognition.card.title";
    public const string CardPraised = "recognition.card.praised";
    public const string CardTeam = "recognition.card.team";
    public const string CardValue = "recognition.card.value";
    public const string CardPoints = "recognition.card.points";
    public const string CardPointsEach = "recognition.card.pointsEach";
    public const string CardSummary = "recognition.card.summary";
    public const string Note = "recognition.note";
    public const string NotePrivate = "recognition.note.private";
    public const string NoteManager = "recognition.note.manager";
    public const string NoteValuePoints = "recognition.note.valuePoints";
    public const string NotePoints = "recognition.note.points";
    public const string ValuesList = "recognition.values.list";
    public const string ValuesItem = "recognition.values.item";
    public const string ValuesNone = "recognition.values.none";
    public const string ValuesAdded = "recognition.values.added";
    public const string ValuesUpdated = "recognition.values.updated";
    public const string ValuesRemoved = "recognition.values.removed";
    public const string ValuesNotFound = "recognition.values.notFound";
    public const string ValuesOnlyManagers = "recognition.values.onlyManagers";
    public const string ValuesUsage = "recognition.values.usage";
    public const string ValuesTooMany = "recognition.values.tooMany";
}
