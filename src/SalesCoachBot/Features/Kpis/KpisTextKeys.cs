namespace SalesCoachBot.Features.Kpis;

/// <summary>Text keys of KPI management (a test checks each exists in every locale).</summary>
internal static class KpisTextKeys
{
    public const string Help = "kpis.help";
    public const string Args = "kpis.args";
    public const string Usage = "kpis.usage";
    public const string OnlyManagers = "kpis.onlyManagers";
    public const string Unknown = "kpis.unknown";
    public const string Suggestion = "kpis.suggestion";
    public const string BadUnit = "kpis.badUnit";
    public const string BadName = "kpis.badName";
    public const string NameTaken = "kpis.nameTaken";
    public const string DefaultWord = "kpis.defaultWord";
    public const string Added = "kpis.added";
    public const string Renamed = "kpis.renamed";
    public const string AliasAdded = "kpis.aliasAdded";
    public const string Retired = "kpis.retired";
    public const string AlreadyRetired = "kpis.alreadyRetired";
    public const string Restored = "kpis.restored";
    public const string AlreadyActive = "kpis.alreadyActive";
    public const string CardTitle = "kpis.card.title";
    public const string CardRetired = "kpis.card.retired";
    public const string CardUnitCurrency = "kpis.card.unit.currency";
    public const string CardUnitCount = "kpis.card.unit.count";
    public const string CardUnitPercent = "kpis.card.unit.percent";
    public const string CardSum = "kpis.card.aggregation.sum";
    public const string CardCount = "kpis.card.aggregation.count";
    public const string CardAverage = "kpis.card.aggregation.average";
    public const string CardLast = "kpis.card.aggregation.last";
    public const string CardAliases = "kpis.card.aliases";
    public const string CardKey = "kpis.card.key";
    public const string CardHowToChange = "kpis.card.howToChange";
}
