
namespace SalesCoachBot.Features.TeamProgress;

/// <summary>Text keys of the team progress, leaderboard and leaderboard features (teamprogress.*.json).</summary>
internal static class TeamProgressTextKeys
{
    public const string TeamHelp = "teamprogress.team.help";

    public const string TeamArgs = "teamprogress.team.args";

    public const string LeaderboardHelp = "teamprogress.leaderboard.help";

    public const string LeaderboardArgs = "teamprogress.leaderboard.args";

    public const string OnlyManagers = "teamprogress.onlyManagers";

    public const string TeamUnknown = "teamprogress.teamUnknown";

    public const string NotAllowed = "teamprogress.notAllowed";

    public const string StaleCard = "teamprogress.staleCard";

    public const string Guest = "teamprogress.guest";

    public const string ManagersOnly = "teamprogress.managersOnly";

    public const string ManagersOnlyHere = "teamprogress.managersOnlyHere";

    public const string VisibilityChannelOnly = "teamprogress.visibility.channelOnly";

    public const string VisibilityOnlyManagers = "teamprogress.visibility.onlyManagers";

    public const string VisibilityIsChannel = "teamprogress.visibility.isChannel";

    public const string VisibilityIsManagers = "teamprogress.visibility.isManagers";

    public const string VisibilityUnknown = "teamprogress.visibility.unknown";

    public const string VisibilitySetChannel = "teamprogress.visibility.setChannel";

    public const string VisibilitySetManagers = "teamprogress.visibility.setManagers";

    public const string NoTeamNamed = "teamprogress.noTeamNamed";

    public const string SeveralTeams = "teamprogress.severalTeams";

    public const string UnknownPeriod = "teamprogress.unknownPeriod";

    public const string TeamTitle = "teamprogress.team.title";

    public const string TeamTotals = "teamprogress.team.totals";

    public const string TeamReps = "teamprogress.team.reps";

    public const string TeamNoReps = "teamprogress.team.noReps";

    public const string TeamNoKpis = "teamprogress.team.noKpis";

    public const string TeamSummary = "teamprogress.team.summary";

    public const string AsOf = "teamprogress.asOf";

    public const string ButtonWeek = "teamprogress.button.week";

    public const string ButtonMonth = "teamprogress.button.month";

    public const string ButtonQuarter = "teamprogress.button.quarter";

    public const string ButtonYear = "teamprogress.button.year";

    public const string LeaderboardTitle = "teamprogress.leaderboard.title";

    public const string LeaderboardByPercent = "teamprogress.leaderboard.byPercent";

    public const string LeaderboardByImprovement = "teamprogress.leaderboard.byImprovement";

    public const string LeaderboardNoTarget = "teamprogress.leaderboard.noTarget";

    public const string LeaderboardNoComparison = "teamprogress.leaderboard.noComparison";

    public const string LeaderboardGain = "teamprogress.leaderboard.gain";

    public const string LeaderboardPace = "teamprogress.leaderboard.pace";

    public const string LeaderboardTooEarly = "teamprogress.leaderboard.tooEarly";

    public const string LeaderboardButtonImproved = "teamprogress.leaderboard.button.improved";

    public const string LeaderboardButtonRanking = "teamprogress.leaderboard.button.ranking";

    public const string LeaderboardSummary = "teamprogress.leaderboard.summary";

    public const string PreviousWeek = "teamprogress.previous.week";

    public const string PreviousMonth = "teamprogress.previous.month";

    public const string PreviousQuarter = "teamprogress.previous.quarter";

    public const string PreviousYear = "teamprogress.previous.year";

    public const string PreviousHalf = "teamprogress.previous.half";

    public const string SummedTargets = "teamprogress.summedTargets";

    // Days since a rep's last private feedback, for managers in the 1:1 chat (IFeedbackLog).
    public const string FeedbackNever = "teamprogress.feedback.never";
    public const string FeedbackToday = "teamprogress.feedback.today";
    public const string FeedbackYesterday = "teamprogress.feedback.yesterday";
    public const string FeedbackDays = "teamprogress.feedback.days";
    public const string PraiseButton = "teamprogress.praise.button";
    public const string PraiseTooltip = "teamprogress.praise.tooltip";
}
