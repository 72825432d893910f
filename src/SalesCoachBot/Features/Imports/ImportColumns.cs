using SalesCoachBot.Data;
using SalesCoachBot.Sales;
using SalesCoachBot.Teams.Routing;
using SalesCoachBot.Uploads;

namespace SalesCoachBot.Features.Imports;

/// <summary>One column of the file as read: its header and the field it fills.</summary>
internal sealed record ColumnRead(string Header, string Column);

/// <summary>
/// What the header says: the kind of file, the rows with canonical column names, the columns read, the columns that
/// are understood but not tracked yet (回款金额), and the columns left out.
/// </summary>
internal sealed record ImportHeader(
    ImportKind Kind, IReadOnlyList<SheetRow> Rows, IReadOnlyList<ColumnRead> Read, IReadOnlyList<string> NotTracked, IReadOnlyList<string> Ignored);

/// <summary>
/// The columns an upload may have, by their English or Chinese header (any case), and how the header tells a results
/// file from a targets file: a <c>year</c> column means targets, a <c>date</c> column results.
/// Chinese CRM exports are read as they come: 负责人 (owner), 客户名称, 签约日期, 合同金额 and the deal exports of
/// FXiaoKe (商机名称, 销售金额, 结单日期, 阶段) and Zoho CRM (Deal Owner, Account Name, Amount, Closing Date, Stage). A
/// file with a deal amount column (合同金额) or a sales stage and no KPI column holds deals: each row is a 签约额 (revenue
/// and one contract), and with a stage column only won deals count.
/// </summary>
internal static class ImportColumns
{
    public const string Date = "date";
    public const string Kpi = "kpi";
    public const string Amount = "amount";
    public const string Member = "member";
    public const string Customer = "customer";
    public const string Note = "note";
    public const string Id = "id";
    public const string Year = "year";
    public const string Period = "period";
    public const string Weights = "weights";
    public const string Stage = "stage";

    /// <summary>Collected payments (回款金额) when the tenant has no active KPI named 回款: named in the preview, never read.</summary>
    public const string Collections = "collections";

    /// <summary>
    /// A column named after one of the tenant's active KPIs (its key, a name or an alias, e.g. 回款 or 回款金额): each row's
    /// cell there is that KPI's amount. Cells are keyed <c>kpi:{key}</c>; the preview names the column with this.
    /// </summary>
    public const string KpiAmount = "kpi-amount";

    /// <summary>The prefix of a KPI column's cells: <c>kpi:collections</c>.</summary>
    public const string KpiCellPrefix = "kpi:";

    // A money KPI's column may say "amount" after the KPI: 回款金额, 回款额, "Pipeline amount".
    private static readonly string[] AmountSuffixes = ["金额", "额", " amount"];

    // A count KPI's column must say "count" after it (拜访次数, 新客户数, "Demos count"): a CRM export's bare 新客户 column
    // is usually a yes/no flag, and reading it as amounts would reject every row of a file that imports today.
    private static readonly string[] CountSuffixes = ["次数", "数量", "数", " count"];

    /// <summary>How the preview names a deal amount column (合同金额): the amount of a deal, revenue plus one contract.</summary>
    public const string DealAmount = "deal-amount";

    /// <summary>The KPI word a deal row of a CRM export counts as: revenue plus one contract.</summary>
    public const string DealWord = "签约额";

    // Rank: when two headers fill one field, the higher rank wins and the other is ignored (负责人邮箱 over 负责人);
    // equal ranks are refused as ambiguous. DealAmount: the amount of a deal, so no KPI column is needed.
    private sealed record Meaning(string Column, int Rank = 0, bool DealAmount = false);

    private static readonly Dictionary<string, Meaning> ByHeader = new(StringComparer.Ordinal)
    {
        ["date"] = new(Date), ["日期"] = new(Date),
        ["签约日期"] = new(Date), ["成交日期"] = new(Date), ["结单日期"] = new(Date), ["closing date"] = new(Date),
        ["kpi"] = new(Kpi), ["指标"] = new(Kpi),
        ["amount"] = new(Amount), ["金额"] = new(Amount), ["数量"] = new(Amount), ["target"] = new(Amount), ["目标"] = new(Amount),
        ["合同金额"] = new(Amount, DealAmount: true), ["成交金额"] = new(Amount, DealAmount: true), ["签约金额"] = new(Amount, DealAmount: true),
        ["销售金额"] = new(Amount, DealAmount: true), ["商机金额"] = new(Amount, DealAmount: true),
        ["member"] = new(Member), ["email"] = new(Member), ["e-mail"] = new(Member), ["成员"] = new(Member), ["邮箱"] = new(Member),
        ["负责人邮箱"] = new(Member),
        ["负责人"] = new(Member, Rank: -1), ["销售代表"] = new(Member, Rank: -1), ["所有者"] = new(Member, Rank: -1),
        ["owner"] = new(Member, Rank: -1), ["deal owner"] = new(Member, Rank: -1),
        ["customer"] = new(Customer), ["客户"] = new(Customer), ["客户名称"] = new(Customer), ["account name"] = new(Customer),
        ["note"] = new(Note), ["备注"] = new(Note),
        ["商机名称"] = new(Note, Rank: -1), ["deal name"] = new(Note, Rank: -1),
        ["id"] = new(Id), ["编号"] = new(Id), ["数据id"] = new(Id, Rank: -1),
        ["year"] = new(Year), ["年"] = new(Year), ["年份"] = new(Year),
        ["period"] = new(Period), ["期间"] = new(Period),
        ["weights"] = new(Weights), ["权重"] = new(Weights),
        ["stage"] = new(Stage), ["阶段"] = new(Stage), ["销售阶段"] = new(Stage),
        ["回款金额"] = new(Collections), ["已回款金额"] = new(Collections),
    };

    /// <summary>Stages of a CRM export that mean the deal is won (any case).</summary>
    private static readonly HashSet<string> WonStages = new(StringComparer.OrdinalIgnoreCase)
    {
        "赢单", "已赢单", "成交", "已成交", "won", "closed won", "closed-won",
    };

    public static IReadOnlyList<string> ResultsRequired { get; } = [Date, Kpi, Amount];

    public static IReadOnlyList<string> TargetsRequired { get; } = [Member, Kpi, Year, Amount];

    public static string? Canonical(string header) => ByHeader.GetValueOrDefault(header.Trim().ToLowerInvariant())?.Column;

    /// <summary>Whether a stage cell of a CRM export says the deal is won.</summary>
    public static bool IsWon(string stage) => WonStages.Contains(stage.Trim());

    /// <summary>
    /// Renames the rows' cells to the canonical column names and tells the kind. Columns nobody asked for (a CRM export
    /// has many) are left out and listed. Throws <see cref="UploadRefusedException"/> when the header fits neither kind.
    /// With the tenant's <paramref name="vocabulary"/>, a results file's column named after an active KPI is read as
    /// that KPI's amounts (<see cref="KpiAmount"/>); the fixed headers above keep their meaning.
    /// </summary>
    public static ImportHeader Normalize(SheetContent sheet, KpiVocabulary? vocabulary = null)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var ranks = new Dictionary<string, (string Header, int Rank)>(StringComparer.Ordinal);
        var ignored = new List<string>();
        var notTracked = new List<string>();
        var dealAmount = false;
        foreach (var header in sheet.Header)
        {
            var meaning = ByHeader.GetValueOrDefault(header.Trim().ToLowerInvariant());
            if ((meaning is null || meaning.Column == Collections) && KpiOfColumn(vocabulary, header) is { } kpi)
            {
                if (map.ContainsValue(KpiCellPrefix + kpi.Key))
                {
                    throw new UploadRefusedException(ImportsTextKeys.ColumnTwice, [header], "Two columns name the same KPI.");
                }

                map[header] = KpiCellPrefix + kpi.Key;
                continue;
            }

            if (meaning is null)
            {
                ignored.Add(header);
                continue;
            }

            if (meaning.Column == Collections)
            {
                notTracked.Add(header);
                continue;
            }

            if (ranks.TryGetValue(meaning.Column, out var taken))
            {
                if (taken.Rank == meaning.Rank)
                {
                    throw new UploadRefusedException(ImportsTextKeys.ColumnTwice, [header], "Two columns name the same field.");
                }

                if (taken.Rank > meaning.Rank)
                {
                    ignored.Add(header);
                    continue;
                }

                map.Remove(taken.Header);
                ignored.Add(taken.Header);
            }

            map[header] = meaning.Column;
            ranks[meaning.Column] = (header, meaning.Rank);
            if (meaning.Column == Amount)
            {
                dealAmount = meaning.DealAmount;
            }
        }

        var present = map.Values.ToHashSet(StringComparer.Ordinal);
        ImportKind kind;
        if (present.Contains(Year))
        {
            kind = ImportKind.Targets;
        }
        else if (present.Contains(Date))
        {
            kind = ImportKind.Results;
        }
        else
        {
            throw new UploadRefusedException(ImportsTextKeys.UnknownKind, [], "The header names neither a year (targets) nor a date (results) column.");
        }

        // A CRM deal export names no KPI: its rows are deals.
        var deals = kind == ImportKind.Results && !present.Contains(Kpi) && (dealAmount || present.Contains(Stage));
        if (deals)
        {
            present.Add(Kpi);
        }

        // KPI columns only in a results file (a targets file names its KPI per row); a file of KPI columns alone (a
        // date, 回款, 商机) needs no kpi or amount column.
        var kpiColumns = map.Where(m => m.Value.StartsWith(KpiCellPrefix, StringComparison.Ordinal)).Select(m => m.Key).ToList();
        if (kind != ImportKind.Results)
        {
            foreach (var header in kpiColumns)
            {
                map.Remove(header);
                ignored.Add(header);
            }
        }

        var onlyKpiColumns = kind == ImportKind.Results && kpiColumns.Count > 0 && !present.Contains(Kpi) && !present.Contains(Amount);
        if (onlyKpiColumns)
        {
            present.Add(Kpi);
            present.Add(Amount);
        }

        var required = kind == ImportKind.Targets ? TargetsRequired : ResultsRequired;
        var missing = required.Where(c => !present.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            if (missing.Contains(Amount) && notTracked.Count > 0)
            {
                throw new UploadRefusedException(ImportsTextKeys.OnlyCollections, [notTracked[0]], "The only amount column is collections, which is not tracked.");
            }

            throw new UploadRefusedException(
                kind == ImportKind.Targets ? ImportsTextKeys.MissingTargetsColumns : ImportsTextKeys.MissingResultsColumns,
                [string.Join(", ", missing)],
                $"Missing column(s): {string.Join(", ", missing)}.");
        }

        var rows = sheet.Rows.Select(row =>
            {
                var cells = row.Cells.Where(c => map.ContainsKey(c.Key)).ToDictionary(
                    c => map[c.Key], c => map[c.Key] == Note ? c.Value : TypedText.Normalize(c.Value), StringComparer.Ordinal);
                if (deals)
                {
                    cells[Kpi] = DealWord;
                }

                // Every KPI cell of a file of KPI columns alone, even a short row's: that is how its rows are told apart.
                if (onlyKpiColumns)
                {
                    foreach (var header in kpiColumns)
                    {
                        cells.TryAdd(map[header], string.Empty);
                    }
                }

                // An empty stage cell must be refused, not read as "no stage column".
                if (present.Contains(Stage))
                {
                    cells.TryAdd(Stage, string.Empty);
                }

                return row with { Cells = cells };
            })
            .ToList();
        var read = sheet.Header.Where(map.ContainsKey).Select(h => new ColumnRead(h,
            map[h].StartsWith(KpiCellPrefix, StringComparison.Ordinal) ? KpiAmount : dealAmount && map[h] == Amount ? DealAmount : map[h])).ToList();
        return new ImportHeader(kind, rows, read, notTracked, ignored);
    }

    // The active KPI a header names, as typed or without an "amount" suffix (回款金额 → 回款); null for any other header.
    private static KpiDefinition? KpiOfColumn(KpiVocabulary? vocabulary, string header)
    {
        if (vocabulary is null || string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var word = header.Trim();
        if (vocabulary.FindNamed(word) is { IsActive: true, Unit: not KpiUnit.Count } named)
        {
            return named;
        }

        return Suffixed(AmountSuffixes, KpiUnit.Currency) ?? Suffixed(CountSuffixes, KpiUnit.Count);

        KpiDefinition? Suffixed(string[] suffixes, KpiUnit unit)
        {
            foreach (var suffix in suffixes)
            {
                if (word.Length > suffix.Length && word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                    && vocabulary.FindNamed(word[..^suffix.Length]) is { IsActive: true } found && found.Unit == unit)
                {
                    return found;
                }
            }

            return null;
        }
    }
}
