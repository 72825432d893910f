namespace SalesCoachBot.Features.WeekAhead;

/// <summary>Text keys of the week-ahead card and the pace nudge (a test checks each exists in every locale).</summary>
internal static class WeekAheadTextKeys
{
    public const string CardTitle = "weekahead.card.title";
    public const string CardIntro = "weekahead.card.intro";
    public const string CardWeekTarget = "weekahead.card.weekTarget";
    public const string CardNoWeekTarget = "weekahead.card.noWeekTarget";
    public const string CardMonth = "weekahead.card.month";
    public const string CardNoMonthTarget = "weekahead.card.noMonthTarget";
    public const string CardNeeded = "weekahead.card.needed";
    public const string CardNeededCount = "weekahead.card.neededCount";
    public const string CardReached = "weekahead.card.reached";
    public const string CardTurnOff = "weekahead.card.turnOff";
    public const string CardStop = "weekahead.card.stop";
    public const string NudgeTitle = "weekahead.nudge.title";
    public const string NudgeIntro = "weekahead.nudge.intro";
    public const string NudgeGap = "weekahead.nudge.gap";
    public const string NudgeNeeded = "weekahead.nudge.needed";
    public const string NudgeNeededCount = "weekahead.nudge.neededCount";
    public const string NudgeLog = "weekahead.nudge.log";
    public const string NudgeTurnOff = "weekahead.nudge.turnOff";
    public const string NudgeStop = "weekahead.nudge.stop";
}
