
namespace SalesCoachBot.Features.Targets;

/// <summary>Text keys of the targets feature (targets.*.json).</summary>
internal static class TargetsTextKeys
{
    public const string Subtitle = "targets.subtitle";

    public const string Empty = "targets.empty";

    public const string Percent = "targets.percent";

    public const string Expected = "targets.expected";

    public const string Forecast = "targets.forecast";

    public const string Needed = "targets.needed";

    public const string Reached = "targets.reached";

    public const string NoDaysLeft = "targets.noDaysLeft";

    public const string MissedBy = "targets.missedBy";

    public const string TargetIsSum = "targets.targetIsSum";

    public const string GaugeFallback = "targets.gauge.fallback";

    public const string AsOf = "targets.asOf";

    public const string ButtonWeek = "targets.button.week";

    public const string ButtonMonth = "targets.button.month";

    public const string ButtonQuarter = "targets.button.quarter";

    public const string ButtonYear = "targets.button.year";

    public const string ButtonLog = "targets.button.log";

    public const string Summary = "targets.summary";

    public const string CommandHelp = "targets.command.help";

    public const string CommandArgs = "targets.command.args";

    public const string UnknownPeriod = "targets.unknownPeriod";

    public const string Usage = "targets.usage";

    public const string SetHelp = "targets.set.help";

    public const string SetArgs = "targets.set.args";

    public const string SetUsage = "targets.set.usage";

    public const string SetOnlyManagers = "targets.set.onlyManagers";

    public const string SetNotYourRep = "targets.set.notYourRep";

    public const string SetUnknownPerson = "targets.set.unknownPerson";

    public const string SetAmbiguous = "targets.set.ambiguous";

    public const string SetUnknownKpi = "targets.set.unknownKpi";

    public const string SetBadPeriod = "targets.set.badPeriod";

    public const string SetBadAmount = "targets.set.badAmount";

    public const string SetWholeNumber = "targets.set.wholeNumber";
    public const string SetCountWithMoney = "targets.set.countWithMoney";

    public const string SetCurrency = "targets.set.currency";

    public const string SetHalfYear = "targets.set.halfYear";

    public const string SetDoneNoYearly = "targets.set.doneNoYearly";

    public const string SetPickHint = "targets.set.pickHint";

    public const string SetPickStale = "targets.set.pickStale";

    public const string SetTeamAmbiguous = "targets.set.teamAmbiguous";

    public const string SetTeamOwner = "targets.set.teamOwner";

    public const string SetDoneYear = "targets.set.doneYear";

    public const string SetDoneOverride = "targets.set.doneOverride";

    public const string SetNoTeamNamed = "targets.set.noTeamNamed";
}
