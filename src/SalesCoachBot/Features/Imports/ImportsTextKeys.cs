using SalesCoachBot.Uploads;

namespace SalesCoachBot.Features.Imports;

/// <summary>Keys of Localization/imports.*.json (the reasons a whole file is refused are in <see cref="UploadTextKeys"/>).</summary>
internal static class ImportsTextKeys
{
    public const string PersonalOnly = "imports.personalOnly";
    public const string OnlyFirstFile = "imports.onlyFirstFile";
    public const string UnsupportedType = "imports.unsupportedType";
    public const string HostNotAllowed = "imports.hostNotAllowed";
    public const string Unavailable = "imports.unavailable";
    public const string Reading = "imports.reading";
    public const string ReadFailed = "imports.readFailed";
    public const string ColumnTwice = "imports.columnTwice";
    public const string UnknownKind = "imports.unknownKind";
    public const string MissingResultsColumns = "imports.missingResultsColumns";
    public const string MissingTargetsColumns = "imports.missingTargetsColumns";
    public const string OnlyManagers = "imports.onlyManagers";
    public const string OnlyCollections = "imports.onlyCollections";

    public const string ReasonMissing = "imports.reason.missing";
    public const string ReasonDate = "imports.reason.date";
    public const string ReasonKpi = "imports.reason.kpi";
    public const string ReasonAmount = "imports.reason.amount";
    public const string ReasonCurrency = "imports.reason.currency";
    public const string ReasonUnknownMember = "imports.reason.unknownMember";
    public const string ReasonAmbiguousMember = "imports.reason.ambiguousMember";
    public const string ReasonNotYourTeam = "imports.reason.notYourTeam";
    public const string ReasonTooLong = "imports.reason.tooLong";
    public const string ReasonDuplicateId = "imports.reason.duplicateId";
    public const string ReasonIdOfAnotherMember = "imports.reason.idOfAnotherMember";
    public const string ReasonDuplicateTarget = "imports.reason.duplicateTarget";
    public const string ReasonYear = "imports.reason.year";
    public const string ReasonPeriod = "imports.reason.period";
    public const string ReasonPeriodYear = "imports.reason.periodYear";
    public const string ReasonWeights = "imports.reason.weights";
    public const string ReasonWeightsWithPeriod = "imports.reason.weightsWithPeriod";
    public const string ReasonStageNotWon = "imports.reason.stageNotWon";
    public const string ReasonCountWithMoney = "imports.reason.countWithMoney";

    public const string PreviewTitle = "imports.preview.title";
    public const string KindResults = "imports.kind.results";
    public const string KindTargets = "imports.kind.targets";
    public const string FactFile = "imports.fact.file";
    public const string FactKind = "imports.fact.kind";
    public const string FactRows = "imports.fact.rows";
    public const string FactValid = "imports.fact.valid";
    public const string FactRejected = "imports.fact.rejected";
    public const string RejectedHeading = "imports.rejected.heading";
    public const string RejectedLine = "imports.rejected.line";
    public const string RejectedMore = "imports.rejected.more";
    public const string SampleHeading = "imports.sample.heading";
    public const string NothingValid = "imports.nothingValid";
    public const string ConfirmButton = "imports.button.confirm";
    public const string CancelButton = "imports.button.cancel";
    public const string ExpiresHint = "imports.expiresHint";
    public const string ColumnsRead = "imports.columns.read";
    public const string ColumnsNotTracked = "imports.columns.notTracked";
    public const string ColumnsIgnored = "imports.columns.ignored";

    /// <summary>The name of a canonical column in the preview ("rep", "deal amount (revenue + 1 contract)").</summary>
    public static string Column(string column) => "imports.column." + column;

    public const string DoneTitle = "imports.done.title";
    public const string DoneResults = "imports.done.results";
    public const string DoneTaken = "imports.done.taken";
    public const string DoneTargets = "imports.done.targets";
    public const string DoneHint = "imports.done.hint";
    public const string CancelledTitle = "imports.cancelled.title";
    public const string Cancelled = "imports.cancelled";
    public const string AlreadyImported = "imports.alreadyImported";
    public const string AlreadyCancelled = "imports.alreadyCancelled";
    public const string NotFound = "imports.notFound";
    public const string Expired = "imports.expired";
    public const string RightsChanged = "imports.rightsChanged";
    public const string Failed = "imports.failed";
}
