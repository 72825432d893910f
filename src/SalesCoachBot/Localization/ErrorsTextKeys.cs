namespace SalesCoachBot.Localization;

/// <summary>Text keys of what a person is told when their turn failed (errors.*.json).</summary>
internal static class ErrorsTextKeys
{
    /// <summary>The apology for a failed turn; {0} is the reference id the failure is logged under.</summary>
    public const string TurnFailed = "errors.turnFailed";
}
