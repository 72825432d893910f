namespace SalesCoachBot.Features.Recognition;

/// <summary>Text keys of automatic celebrations and their settings (a test checks each exists in every locale).</summary>
internal static class CelebrationTextKeys
{
    public const string Help = "celebrations.help";
    public const string Args = "celebrations.args";
    public const string Example = "celebrations.example";
    public const string BigDealTitle = "celebrations.bigDeal.title";
    public const string BigDealText = "celebrations.bigDeal.text";
    public const string BigDealYou = "celebrations.bigDeal.you";
    public const string RepTargetTitle = "celebrations.repTarget.title";
    public const string RepTargetText = "celebrations.repTarget.text";
    public const string RepTargetYou = "celebrations.repTarget.you";
    public const string TeamTargetTitle = "celebrations.teamTarget.title";
    public const string TeamTargetText = "celebrations.teamTarget.text";
    public const string Customer = "celebrations.customer";
    public const string HowToChange = "celebrations.howToChange";
    public const string OnlyYou = "celebrations.onlyYou";
    public const string NoChannel = "celebrations.noChannel";
    public const string AddPraise = "celebrations.addPraise";
    public const string HistoryBigDeal = "celebrations.history.bigDeal";
    public const string HistoryBigDealCustomer = "celebrations.history.bigDealCustomer";
    public const string HistoryRepTarget = "celebrations.history.repTarget";
    public const string SettingsTitle = "celebrations.settings.title";
    public const string SettingsNote = "celebrations.settings.note";
    public const string SettingsBigDeals = "celebrations.settings.bigDeals";
    public const string SettingsRepTargets = "celebrations.settings.repTargets";
    public const string SettingsTeamTargets = "celebrations.settings.teamTargets";
    public const string SettingsThreshold = "celebrations.settings.threshold";
    public const string SettingsThresholdNote = "celebrations.settings.thresholdNote";
    public const string SettingsNoDealKpi = "celebrations.settings.noDealKpi";
    public const string SettingsManagersOnly = "celebrations.settings.managersOnly";
    public const string SettingsSave = "celebrations.settings.save";
    public const string SettingsSaved = "celebrations.settings.saved";
    public const string SettingsBadThreshold = "celebrations.settings.badThreshold";
    public const string OnlyManagers = "celebrations.onlyManagers";
    public const string TeamGone = "celebrations.teamGone";
}
