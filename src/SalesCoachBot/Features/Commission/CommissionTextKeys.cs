namespace SalesCoachBot.Features.Commission;

/// <summary>Text keys of the commission feature (Localization/commission.*.json).</summary>
internal static class CommissionTextKeys
{
    public const string Help = "commission.help";

    public const string Args = "commission.args";

    public const string ChannelRefused = "commission.channel";

    public const string NoTeam = "commission.no-team";

    public const string NoPlan = "commission.no-plan";

    public const string OnlyOwn = "commission.only-own";

    public const string NotYourRep = "commission.not-your-rep";

    public const string NobodyNamed = "commission.nobody";

    public const string SeveralNamed = "commission.several";

    public const string PlanOnlyManagers = "commission.plan.only-managers";

    public const string PlanSet = "commission.plan.set";

    public const string PlanRemoved = "commission.plan.removed";

    public const string PlanNoneToRemove = "commission.plan.none";

    public const string PlanShow = "commission.plan.show";

    public const string PlanSummary = "commission.plan.summary";

    public const string ModeMarginal = "commission.mode.marginal";

    public const string ModeWhole = "commission.mode.whole";

    public const string PeriodMonth = "commission.period.month";

    public const string PeriodQuarter = "commission.period.quarter";

    public const string TierText = "commission.tier";

    public const string CapText = "commission.cap";

    public const string ErrorPrefix = "commission.error.prefix";

    public const string ErrorNoKpi = "commission.error.no-kpi";

    public const string ErrorUnknownKpi = "commission.error.unknown-kpi";

    public const string ErrorKpiNotMoney = "commission.error.kpi-not-money";

    public const string ErrorNoTiers = "commission.error.no-tiers";

    public const string ErrorBadTier = "commission.error.bad-tier";

    public const string ErrorFirstTierNotZero = "commission.error.first-not-zero";

    public const string ErrorNotAscending = "commission.error.not-ascending";

    public const string ErrorFromOutOfRange = "commission.error.from-range";

    public const string ErrorRateOutOfRange = "commission.error.rate-range";

    public const string ErrorRatesGoDown = "commission.error.rates-down";

    public const string ErrorTooPrecise = "commission.error.too-precise";

    public const string ErrorTooManyTiers = "commission.error.too-many";

    public const string ErrorNoMode = "commission.error.no-mode";

    public const string ErrorBadCap = "commission.error.bad-cap";

    public const string ErrorUnknownWord = "commission.error.unknown-word";

    public const string RepTitle = "commission.card.rep.title";

    public const string RepTitleOf = "commission.card.rep.title-of";

    public const string TeamTitle = "commission.card.team.title";

    public const string Earned = "commission.card.earned";

    public const string Result = "commission.card.result";

    public const string ResultOfTarget = "commission.card.result-of-target";

    public const string ResultNoTarget = "commission.card.result-no-target";

    public const string TierReached = "commission.card.tier";

    public const string NextTier = "commission.card.next";

    public const string NextTierWhole = "commission.card.next-whole";

    public const string TopTier = "commission.card.top";

    public const string NoTargetNote = "commission.card.no-target";

    public const string CappedNote = "commission.card.capped";

    public const string Plan = "commission.card.plan";

    public const string Private = "commission.card.private";

    public const string TeamPrivate = "commission.card.team-private";

    public const string TeamRep = "commission.card.team.rep";

    public const string TeamRepNoTarget = "commission.card.team.rep-no-target";

    public const string TeamTotal = "commission.card.team.total";

    public const string TeamNoReps = "commission.card.team.no-reps";

    public const string ChooseTeam = "commission.choose-team";

    public const string NoTeamNamed = "commission.no-team-named";
}
