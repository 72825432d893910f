namespace SalesCoachBot.Features.Scorecards;

/// <summary>Text keys of the scorecards (a test checks each exists in every locale).</summary>
internal static class ScorecardsTextKeys
{
    public const string Help = "scorecards.help";
    public const string Args = "scorecards.args";

    public const string NotInChannel = "scorecards.notInChannel";
    public const string NoTeam = "scorecards.noTeam";
    public const string NotYourRep = "scorecards.notYourRep";
    public const string UnknownPerson = "scorecards.unknownPerson";
    public const string Ambiguous = "scorecards.ambiguous";
    public const string OnlyManagersForOthers = "scorecards.onlyManagersForOthers";
    public const string OnlyManagersSet = "scorecards.onlyManagersSet";
    public const string OnlyManagers = "scorecards.onlyManagers";
    public const string UnknownPeriod = "scorecards.unknownPeriod";
    public const string Guest = "scorecards.guest";
    public const string ChooseTeam = "scorecards.chooseTeam";
    public const string ChooseTeamSettings = "scorecards.chooseTeamSettings";
    public const string NoTeamNamed = "scorecards.noTeamNamed";

    public const string WeightsNow = "scorecards.weights.now";
    public const string WeightsNowEqual = "scorecards.weights.nowEqual";
    public const string WeightsSet = "scorecards.weights.set";
    public const string WeightsNotHundred = "scorecards.weights.notHundred";
    public const string WeightsRepeated = "scorecards.weights.repeated";
    public const string WeightsBadNumber = "scorecards.weights.badNumber";
    public const string WeightsUnknownKpi = "scorecards.weights.unknownKpi";
    public const string WeightsUsage = "scorecards.weights.usage";
    public const string CapNow = "scorecards.cap.now";
    public const string CapSet = "scorecards.cap.set";
    public const string CapBad = "scorecards.cap.bad";

    public const string CardTitle = "scorecards.card.title";
    public const string CardSubtitle = "scorecards.card.subtitle";
    public const string CardTotal = "scorecards.card.total";
    public const string CardNoTotal = "scorecards.card.noTotal";
    public const string CardKpiLine = "scorecards.card.kpiLine";
    public const string CardKpiScore = "scorecards.card.kpiScore";
    public const string CardLeftOut = "scorecards.card.leftOut";
    public const string CardEqualWeights = "scorecards.card.equalWeights";
    public const string CardCap = "scorecards.card.cap";
    public const string CardSoFar = "scorecards.card.soFar";
    public const string CardWorkOn = "scorecards.card.workOn";
    public const string CardTurnOff = "scorecards.card.turnOff";
    public const string CardStop = "scorecards.card.stop";
    public const string SummaryTitle = "scorecards.summary.title";
    public const string SummaryLine = "scorecards.summary.line";
    public const string SummaryNoScore = "scorecards.summary.noScore";
    public const string SummaryNoReps = "scorecards.summary.noReps";
    public const string SummaryWeights = "scorecards.summary.weights";
    public const string SummaryRepHint = "scorecards.summary.repHint";

    // A suggestion per default KPI key is scorecards.suggest.{key} (ScorecardCards.Suggestion); custom KPIs get SuggestOther.
    public const string SuggestRevenue = "scorecards.suggest.revenue";
    public const string SuggestContracts = "scorecards.suggest.contracts";
    public const string SuggestNewCustomers = "scorecards.suggest.new-customers";
    public const string SuggestVisits = "scorecards.suggest.visits";
    public const string SuggestCollections = "scorecards.suggest.collections";
    public const string SuggestOther = "scorecards.suggest.other";

    // Export headers and sheet names (ScorecardExport).
    public const string ExportActual = "scorecards.export.actual";
    public const string ExportAttainment = "scorecards.export.attainment";
    public const string ExportEmail = "scorecards.export.email";
    public const string ExportKpi = "scorecards.export.kpi";
    public const string ExportKpisScored = "scorecards.export.kpisScored";
    public const string ExportPoints = "scorecards.export.points";
    public const string ExportRank = "scorecards.export.rank";
    public const string ExportRep = "scorecards.export.rep";
    public const string ExportScore = "scorecards.export.score";
    public const string ExportSheet = "scorecards.export.sheet";
    public const string ExportSummarySheet = "scorecards.export.summarySheet";
    public const string ExportTarget = "scorecards.export.target";
    public const string ExportTotal = "scorecards.export.total";
    public const string ExportTotalScore = "scorecards.export.totalScore";
    public const string ExportUnit = "scorecards.export.unit";
    public const string ExportWeight = "scorecards.export.weight";
    public const string ExportUnitCount = "scorecards.export.unit.count";
}
