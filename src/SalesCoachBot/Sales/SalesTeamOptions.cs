using System.ComponentModel.DataAnnotations;

namespace SalesCoachBot.Sales;

/// <summary>"Teams" section: defaults for sales teams created when the bot is installed in a Teams team.</summary>
internal sealed class SalesTeamOptions
{
    public const string SectionName = "Teams";

    /// <summary>
    /// IANA time zone a new sales team starts with (a manager can change it later). Asia/Shanghai because the product's
    /// first users are sales teams in mainland China; Teams does not tell a bot the team's time zone.
    /// </summary>
    [Required]
    [StringLength(Data.ColumnLengths.TimeZone, MinimumLength = 1)]
    public string DefaultTimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>ISO 4217 currency of the default revenue KPI created for a new tenant.</summary>
    [Required]
    [RegularExpression("^[A-Z]{3}$")]
    public string DefaultCurrency { get; set; } = "CNY";

    /// <summary>Members asked per roster page (Teams allows at most 500).</summary>
    [Range(1, 500)]
    public int RosterPageSize { get; set; } = 500;
}
