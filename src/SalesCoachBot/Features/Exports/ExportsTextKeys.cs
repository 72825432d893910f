namespace SalesCoachBot.Features.Exports;

/// <summary>Text keys of exports (exports.*.json; a test checks each exists in every locale).</summary>
internal static class ExportsTextKeys
{
    public const string Help = "exports.help";
    public const string Args = "exports.args";

    public const string NotInChannel = "exports.notInChannel";
    public const string Guest = "exports.guest";
    public const string OnlyManagers = "exports.onlyManagers";
    public const string SeveralTeams = "exports.severalTeams";
    public const string NoTeamNamed = "exports.noTeamNamed";
    public const string UnknownPeriod = "exports.unknownPeriod";
    public const string TooLarge = "exports.tooLarge";
    public const string NoTeam = "exports.noTeam";
    public const string Ready = "exports.ready";
    public const string Description = "exports.description";
    public const string KindScorecard = "exports.kind.scorecard";
    public const string KindResults = "exports.kind.results";
    public const string Declined = "exports.declined";
    public const string UploadFailed = "exports.uploadFailed";
    public const string Expired = "exports.expired";
    public const string NotAllowed = "exports.notAllowed";

    // Plain answers of GET /exports/{token}.
    public const string LinkExpired = "exports.link.expired";
    public const string LinkInvalid = "exports.link.invalid";
    public const string LinkNotAllowed = "exports.link.notAllowed";
}
