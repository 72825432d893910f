using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Contacts;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Uploads;

namespace SalesCoachBot.Features.Imports;

/// <summary>
/// Checks every row of an uploaded file against the tenant's KPIs and members and the uploader's rights, and turns the
/// good ones into pending rows. A rep may import only their own results; a manager (or admin) also the results of
/// the reps of the teams they manage, and the targets of those teams' members. Members are looked up in the
/// uploader's tenant only (the store is bound to it). A result row whose id is already another member's result is
/// refused with its line, so nobody can claim (or hide behind) someone else's ids.
/// </summary>
internal sealed class UploadChecker(SalesCoachDbContext store, TeamAccess access, IResultLedger ledger, IKpiCatalog catalog, BotText text)
{
    public const int SampleSize = 5;

    // Room for the "/contracts" suffix a deal's second KPI gets.
    private const int MaxIdLength = ColumnLengths.ExternalId - 40;

    private static readonly string[] DateFormats =
        ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyy-M-d H:mm", "yyyy/M/d H:mm", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss"];

    public async Task<CheckedUpload> CheckAsync(
        string tenantId, Member uploader, ImportKind kind, IReadOnlyList<SheetRow> rows, string? locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploader);
        store.ForTenant(tenantId);
        var reachable = await ReachableAsync(tenantId, uploader.Id, kind, cancellationToken).ConfigureAwait(false);
        if (reachable is null)
        {
            throw new UploadRefusedException(ImportsTextKeys.OnlyManagers, [], "Only managers upload targets, and the uploader manages no team.");
        }

        var context = new CheckContext(
            kind,
            locale,
            uploader,
            reachable,
            await store.Kpis.AsNoTracking().Where(k => k.IsActive).ToListAsync(cancellationToken).ConfigureAwait(false),
            await MembersNamedAsync(rows, cancellationToken).ConfigureAwait(false),
            await catalog.VocabularyAsync(cancellationToken).ConfigureAwait(false));

        var rejected = new List<RejectedLine>();
        var results = new List<PendingResult>();
        var targets = new List<PendingTarget>();
        var samples = new List<(int Line, string Text)>();
        foreach (var row in rows)
        {
            var reason = kind == ImportKind.Results
                ? CheckResult(context, row, results, samples)
                : CheckTarget(context, row, targets, samples);
            if (reason is not null)
            {
                rejected.Add(new RejectedLine(row.Line, reason));
            }
        }

        if (results.Count > 0)
        {
            var taken = await TakenByOthersAsync(results, cancellationToken).ConfigureAwait(false);
            foreach (var (result, externalId) in taken)
            {
                rejected.Add(new RejectedLine(result.Line, text.Get(locale, ImportsTextKeys.ReasonIdOfAnotherMember, BotText.Quote(externalId))));
            }

            var takenLines = taken.Select(t => t.Result.Line).ToHashSet();
            results.RemoveAll(r => takenLines.Contains(r.Line));
            samples.RemoveAll(s => takenLines.Contains(s.Line));
            rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
        }

        return new CheckedUpload(kind, results, targets, rejected, samples.Take(SampleSize).Select(s => s.Text).ToList());
    }

    /// <summary>
    /// The rows with an id (any of its KPIs' ids) that is already a stored result of another member, with that id. Asked
    /// of the ledger at the preview, and again when Import is pressed, since someone may take an id in between.
    /// </summary>
    public async Task<List<(PendingResult Result, string ExternalId)>> TakenByOthersAsync(
        IReadOnlyList<PendingResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        var owners = await ledger.OwnersAsync(
            ResultSources.File, results.SelectMany(r => r.Effects.Select(e => e.ExternalId)).ToList(), cancellationToken).ConfigureAwait(false);
        var taken = new List<(PendingResult, string)>();
        foreach (var result in results)
        {
            var effect = result.Effects.FirstOrDefault(e => owners.TryGetValue(e.ExternalId, out var owner) && owner != result.MemberId);
            if (effect is not null)
            {
                taken.Add((result, effect.ExternalId));
            }
        }

        return taken;
    }

    /// <summary>
    /// The members other than themselves the uploader may import for: results, the reps of the teams they manage;
    /// targets, anyone in those teams. Null for targets when they manage no team (only managers set targets).
    /// </summary>
    public async Task<HashSet<long>?> ReachableAsync(string tenantId, long uploaderId, ImportKind kind, CancellationToken cancellationToken)
    {
        store.ForTenant(tenantId);
        var managedTeams = await access.ManagedTeamIdsAsync(tenantId, uploaderId, cancellationToken).ConfigureAwait(false);
        if (kind == ImportKind.Targets && managedTeams.Count == 0)
        {
            return null;
        }

        var reachable = await store.TeamMemberships.AsNoTracking()
            .Where(m => managedTeams.Contains(m.SalesTeamId) && m.LeftAt == null && (kind == ImportKind.Targets || m.Role == TeamRole.Rep))
            .Select(m => m.MemberId)
            .Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return reachable.ToHashSet();
    }

    private string? CheckResult(CheckContext context, SheetRow row, List<PendingResult> results, List<(int Line, string Text)> samples)
    {
        var locale = context.Locale;
        // A file of KPI columns alone (date, 回款, …) has no kpi and amount cells: its amounts are in the KPI columns.
        var onlyKpiColumns = !row.Cells.ContainsKey(ImportColumns.Kpi)
            && row.Cells.Keys.Any(k => k.StartsWith(ImportColumns.KpiCellPrefix, StringComparison.Ordinal));
        if (Missing(context, row, onlyKpiColumns ? [ImportColumns.Date] : [ImportColumns.Date, ImportColumns.Kpi, ImportColumns.Amount]) is { } missing)
        {
            return missing;
        }

        if (!TryParseDate(row[ImportColumns.Date]!, out var date))
        {
            return text.Get(locale, ImportsTextKeys.ReasonDate, BotText.Quote(row[ImportColumns.Date]!));
        }

        // A CRM export lists open and lost deals too: only won ones are results.
        if (row.Cells.ContainsKey(ImportColumns.Stage) && !ImportColumns.IsWon(row[ImportColumns.Stage] ?? string.Empty))
        {
            return row[ImportColumns.Stage] is { } stage
                ? text.Get(locale, ImportsTextKeys.ReasonStageNotWon, BotText.Quote(stage))
                : text.Get(locale, ImportsTextKeys.ReasonMissing, ImportColumns.Stage);
        }

        var kpiWord = row[ImportColumns.Kpi];
        List<(KpiDefinition Kpi, decimal? FixedAmount)> effects = [];
        var amount = 0m;
        if (!onlyKpiColumns)
        {
            if (ResolveKpi(context, kpiWord!, forTargets: false) is not { } resolved)
            {
                return text.Get(locale, ImportsTextKeys.ReasonKpi, BotText.Quote(kpiWord!));
            }

            effects = resolved;

            if (CheckAmount(context, row[ImportColumns.Amount]!, effects[0].Kpi, allowZero: false, out amount) is { } amountReason)
            {
                return amountReason;
            }
        }

        // KPI columns (回款金额 next to a deal's 合同金额): each non-empty, non-zero cell adds to its KPI. A deal not yet
        // paid leaves 回款 empty or 0; a KPI the row's own kpi already adds to is not counted twice.
        var columnAmounts = new List<(KpiDefinition Kpi, decimal Amount)>();
        foreach (var (cell, value) in row.Cells.Where(c => c.Key.StartsWith(ImportColumns.KpiCellPrefix, StringComparison.Ordinal)).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var kpi = context.Kpis.FirstOrDefault(k => k.Key == cell[ImportColumns.KpiCellPrefix.Length..]);
            if (kpi is null || string.IsNullOrWhiteSpace(value) || effects.Any(e => e.Kpi.Id == kpi.Id))
            {
                continue;
            }

            if (CheckAmount(context, value, kpi, allowZero: true, out var columnAmount) is { } columnReason)
            {
                return columnReason;
            }

            if (columnAmount > 0m)
            {
                columnAmounts.Add((kpi, columnAmount));
            }
        }

        if (onlyKpiColumns && columnAmounts.Count == 0)
        {
            return text.Get(locale, ImportsTextKeys.ReasonMissing, ImportColumns.Amount);
        }

        var member = ResolveMember(context, row[ImportColumns.Member], out var memberReason);
        if (member is null)
        {
            return memberReason;
        }

        if (member.Id != context.Uploader.Id && !context.Reachable.Contains(member.Id))
        {
            return text.Get(locale, ImportsTextKeys.ReasonNotYourTeam, BotText.Quote(row[ImportColumns.Member]!));
        }

        var customer = row[ImportColumns.Customer];
        var note = row[ImportColumns.Note];
        var id = row[ImportColumns.Id];
        if (customer?.Length > ColumnLengths.Customer)
        {
            return text.Get(locale, ImportsTextKeys.ReasonTooLong, ImportColumns.Customer, ColumnLengths.Customer);
        }

        if (note?.Length > ColumnLengths.Note)
        {
            return text.Get(locale, ImportsTextKeys.ReasonTooLong, ImportColumns.Note, ColumnLengths.Note);
        }

        string externalId;
        if (id is not null)
        {
            if (id.Length > MaxIdLength)
            {
                return text.Get(locale, ImportsTextKeys.ReasonTooLong, ImportColumns.Id, MaxIdLength);
            }

            if (!context.LineOfId.TryAdd(id, row.Line))
            {
                return text.Get(locale, ImportsTextKeys.ReasonDuplicateId, BotText.Quote(id), context.LineOfId[id]);
            }

            externalId = id;
        }
        else
        {
            // No CRM id: the row's content is its identity. Counting occurrences keeps two identical rows (two equal
            // deals on one day) as two results, while the same file imported again finds both.
            var content = string.Join('\n',
                member.Id.ToString(CultureInfo.InvariantCulture),
                string.Join('+', effects.Select(e => e.Kpi.Key)),
                date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                amount.ToString(CultureInfo.InvariantCulture),
                customer ?? string.Empty,
                note ?? string.Empty);
            if (columnAmounts.Count > 0)
            {
                content += "\n" + string.Join('+', columnAmounts.Select(c => c.Kpi.Key + "=" + c.Amount.ToString(CultureInfo.InvariantCulture)));
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
            var occurrence = context.Occurrences[hash] = context.Occurrences.GetValueOrDefault(hash) + 1;
            externalId = $"row:{hash}:{occurrence.ToString(CultureInfo.InvariantCulture)}";
        }

        // A KPI column's result has the row's id with its key (CRM-8/collections), like a deal's second KPI.
        var pending = effects
            .Select((e, i) => new PendingEffect(e.Kpi.Id, e.FixedAmount ?? amount, i == 0 ? externalId : externalId + "/" + e.Kpi.Key))
            .Concat(columnAmounts.Select(c => new PendingEffect(c.Kpi.Id, c.Amount, externalId + "/" + c.Kpi.Key)))
            .ToList();
        if (id is not null)
        {
            // A deal's second id (CRM-8/contracts) must not be another line's id either, or one line would hide the other.
            foreach (var effect in pending.Where(e => e.ExternalId != externalId))
            {
                if (!context.LineOfId.TryAdd(effect.ExternalId, row.Line))
                {
                    return text.Get(locale, ImportsTextKeys.ReasonDuplicateId, BotText.Quote(effect.ExternalId), context.LineOfId[effect.ExternalId]);
                }
            }
        }

        results.Add(new PendingResult(row.Line, member.Id, date, customer, note, pending));
        // Every valid row gets its sample line: rows taken by another member's ids are dropped after the loop.
        var columns = columnAmounts.Select(c => KpiDefaults.NameOf(text, locale, c.Kpi) + " " + Format(locale, c.Amount));
        samples.Add((row.Line, string.Join(" · ", new[]
        {
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), member.Name ?? member.Email, onlyKpiColumns ? null : kpiWord,
            onlyKpiColumns ? null : Format(locale, amount), columnAmounts.Count > 0 ? string.Join(" + ", columns) : null, customer,
        }.Where(s => !string.IsNullOrEmpty(s)))));

        return null;
    }

    private string? CheckTarget(CheckContext context, SheetRow row, List<PendingTarget> targets, List<(int Line, string Text)> samples)
    {
        var locale = context.Locale;
        if (Missing(context, row, ImportColumns.Member, ImportColumns.Kpi, ImportColumns.Year, ImportColumns.Amount) is { } missing)
        {
            return missing;
        }

        var member = ResolveMember(context, row[ImportColumns.Member], out var memberReason);
        if (member is null)
        {
            return memberReason;
        }

        if (!context.Reachable.Contains(member.Id))
        {
            return text.Get(locale, ImportsTextKeys.ReasonNotYourTeam, BotText.Quote(row[ImportColumns.Member]!));
        }

        var kpiWord = row[ImportColumns.Kpi]!;
        var effects = ResolveKpi(context, kpiWord, forTargets: true);
        if (effects is null)
        {
            return text.Get(locale, ImportsTextKeys.ReasonKpi, BotText.Quote(kpiWord));
        }

        var kpi = effects[0].Kpi;
        if (!int.TryParse(row[ImportColumns.Year], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            return text.Get(locale, ImportsTextKeys.ReasonYear, BotText.Quote(row[ImportColumns.Year]!));
        }

        if (CheckAmount(context, row[ImportColumns.Amount]!, kpi, allowZero: true, out var amount) is { } amountReason)
        {
            return amountReason;
        }

        string? periodText = null;
        if (row[ImportColumns.Period] is { } periodCell)
        {
            if (!TryParsePeriod(periodCell, year, out var period))
            {
                return text.Get(locale, ImportsTextKeys.ReasonPeriod, BotText.Quote(periodCell));
            }

            var periodYear = period.Kind == SalesPeriodKind.Week ? period.Start.AddDays(3).Year : period.Start.Year;
            if (periodYear != year)
            {
                return text.Get(locale, ImportsTextKeys.ReasonPeriodYear, BotText.Quote(periodCell), year);
            }

            // Stored in one form whatever was written (2026年3月, 2026/3, 3月 → 2026-03), so duplicates are found.
            periodText = PeriodKey(period);
        }

        List<decimal>? weights = null;
        if (row[ImportColumns.Weights] is { } weightsCell)
        {
            if (periodText is not null)
            {
                return text.Get(locale, ImportsTextKeys.ReasonWeightsWithPeriod);
            }

            weights = ParseWeights(weightsCell);
            if (weights is null)
            {
                return text.Get(locale, ImportsTextKeys.ReasonWeights);
            }
        }

        var key = $"{member.Id}|{kpi.Id}|{periodText ?? year.ToString(CultureInfo.InvariantCulture)}";
        if (!context.LineOfId.TryAdd(key, row.Line))
        {
            return text.Get(locale, ImportsTextKeys.ReasonDuplicateTarget, context.LineOfId[key]);
        }

        targets.Add(new PendingTarget(row.Line, member.Id, kpi.Id, year, periodText, amount, weights));
        if (samples.Count < SampleSize)
        {
            samples.Add((row.Line, string.Join(" · ", new[]
            {
                member.Name ?? member.Email, kpiWord, periodText ?? year.ToString(CultureInfo.InvariantCulture), Format(locale, amount),
            }.Where(s => !string.IsNullOrEmpty(s)))));
        }

        return null;
    }

    private string? Missing(CheckContext context, SheetRow row, params string[] columns) =>
        columns.FirstOrDefault(c => row[c] is null) is { } column ? text.Get(context.Locale, ImportsTextKeys.ReasonMissing, column) : null;

    private string? CheckAmount(CheckContext context, string cell, KpiDefinition kpi, bool allowZero, out decimal amount)
    {
        amount = 0;
        if (!AmountParser.TryParse(cell, out ParsedAmount? parsed, out _) || parsed is null
            || (!allowZero && parsed.Value == 0)
            || (kpi.Unit == KpiUnit.Count && parsed.Value != decimal.Truncate(parsed.Value)))
        {
            return text.Get(context.Locale, ImportsTextKeys.ReasonAmount, BotText.Quote(cell));
        }

        // 50万 in a contracts column is a deal amount in the wrong column, not 500,000 contracts.
        if (kpi.Unit == KpiUnit.Count && parsed.LooksLikeMoney)
        {
            return text.Get(context.Locale, ImportsTextKeys.ReasonCountWithMoney, BotText.Quote(cell), KpiDefaults.NameOf(text, context.Locale, kpi));
        }

        if (parsed.Currency is not null && kpi.Currency is not null && !string.Equals(parsed.Currency, kpi.Currency, StringComparison.Ordinal))
        {
            return text.Get(context.Locale, ImportsTextKeys.ReasonCurrency,
                SalesFormat.CurrencyName(text, context.Locale, parsed.Currency), SalesFormat.CurrencyName(text, context.Locale, kpi.Currency));
        }

        amount = parsed.Value;
        return null;
    }

    /// <summary>The KPIs a word adds to: a <c>log</c> alias (deal = revenue + one contract), a KPI key or a KPI name.</summary>
    private List<(KpiDefinition Kpi, decimal? FixedAmount)>? ResolveKpi(CheckContext context, string word, bool forTargets)
    {
        // The tenant's words too: a row of 回款 (or an alias a manager added) imports to that KPI.
        if (context.Vocabulary.Find(word) is { } alias)
        {
            var effects = (forTargets ? alias.Effects.Take(1) : alias.Effects)
                .Select(e => (Kpi: context.Kpis.FirstOrDefault(k => k.Key == e.KpiKey), e.FixedAmount))
                .ToList();
            return effects.All(e => e.Kpi is not null) ? effects.Select(e => (e.Kpi!, e.FixedAmount)).ToList() : null;
        }

        var wanted = AmountParser.Normalize(word).Trim();
        var kpi = context.Kpis.FirstOrDefault(k => string.Equals(k.Key, wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(k.NameEn, wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(k.NameZh, wanted, StringComparison.OrdinalIgnoreCase)
            || (KpiDefaults.Keys.Contains(k.Key, StringComparer.Ordinal) && BotText.Locales.Any(l =>
                string.Equals(text.Get(l, KpiDefaults.NameKey(k.Key)), wanted, StringComparison.OrdinalIgnoreCase))));
        return kpi is null ? null : [(kpi, null)];
    }

    private Member? ResolveMember(CheckContext context, string? cell, out string? reason)
    {
        reason = null;
        if (cell is null)
        {
            return context.Uploader;
        }

        var wanted = cell.Trim();
        var found = wanted.Contains('@', StringComparison.Ordinal)
            ? context.Members.Where(m => string.Equals(m.Email, wanted, StringComparison.OrdinalIgnoreCase)).ToList()
            : context.Members.Where(m => string.Equals(m.Name, wanted, StringComparison.Ordinal)).ToList();
        if (found.Count == 1)
        {
            return found[0];
        }

        reason = text.Get(context.Locale, found.Count == 0 ? ImportsTextKeys.ReasonUnknownMember : ImportsTextKeys.ReasonAmbiguousMember, BotText.Quote(wanted));
        return null;
    }

    // Only the members the file names, by e-mail or exact name, in the bound tenant.
    private async Task<List<Member>> MembersNamedAsync(IReadOnlyList<SheetRow> rows, CancellationToken cancellationToken)
    {
        var cells = rows.Select(r => r[ImportColumns.Member]?.Trim()).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (cells.Count == 0)
        {
            return [];
        }

        var emails = cells.Where(c => c.Contains('@', StringComparison.Ordinal)).Select(c => c.ToLowerInvariant()).ToList();
        var names = cells.Where(c => !c.Contains('@', StringComparison.Ordinal)).ToList();
        // ToLower runs in SQL (lower()), not in .NET: e-mails are stored as Teams or the admin CSV wrote them.
#pragma warning disable CA1304, CA1311
        return await store.Members.AsNoTracking()
            .Where(m => (m.Email != null && emails.Contains(m.Email.ToLower())) || (m.Name != null && names.Contains(m.Name)))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
#pragma warning restore CA1304, CA1311
    }

    internal static bool TryParseDate(string cell, out DateOnly date)
    {
        var value = AmountParser.Normalize(cell).Trim();
        if (DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            && parsed.Year is >= 2000 and <= 2100)
        {
            date = DateOnly.FromDateTime(parsed);
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>
    /// A target row's period, read by the kernel's <see cref="PeriodWords.TryReadInYear"/>: <c>2026-Q1</c>, <c>2026-03</c>,
    /// <c>2026-W10</c> (ISO week), and as Chinese CRMs and Excel write months: <c>2026年3月</c>, <c>2026/3</c>,
    /// <c>2026.3</c>; with the row's <paramref name="year"/> also <c>3月</c> (3月份), <c>Q1</c>. Only a quarter, month or
    /// week: the row itself is the year, and a half year has no target of its own.
    /// </summary>
    internal static bool TryParsePeriod(string cell, out SalesPeriod period) => TryParsePeriod(cell, null, out period);

    internal static bool TryParsePeriod(string cell, int? year, out SalesPeriod period) =>
        PeriodWords.TryReadInYear(cell, year, out period) && period.Kind is SalesPeriodKind.Quarter or SalesPeriodKind.Month or SalesPeriodKind.Week;

    /// <summary>The one form a period is stored in: <c>2026-03</c>, <c>2026-Q1</c>, <c>2026-W10</c>.</summary>
    internal static string PeriodKey(SalesPeriod period) => PeriodWords.Key(period);

    internal static List<decimal>? ParseWeights(string cell)
    {
        var parts = AmountParser.Normalize(cell).Split([';', ',', ' ', '/', '|'], StringSplitOptions.RemoveEmptyEntries);
        var weights = new List<decimal>(12);
        foreach (var part in parts)
        {
            if (!decimal.TryParse(part, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var weight))
            {
                return null;
            }

            weights.Add(weight);
        }

        return weights.Count == 12 && weights.Sum() > 0 ? weights : null;
    }

    private static string Format(string? locale, decimal amount) =>
        amount.ToString("#,0.##", CultureInfo.GetCultureInfo(BotText.Resolve(locale)));

    private sealed record CheckContext(
        ImportKind Kind, string? Locale, Member Uploader, HashSet<long> Reachable, List<KpiDefinition> Kpis, List<Member> Members, KpiVocabulary Vocabulary)
    {
        public Dictionary<string, int> LineOfId { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Occurrences { get; } = new(StringComparer.Ordinal);
    }
}
