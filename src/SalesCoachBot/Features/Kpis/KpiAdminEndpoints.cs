using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesCoachBot.Data;
using SalesCoachBot.Localization;
using SalesCoachBot.Sales;
using SalesCoachBot.Uploads;

namespace SalesCoachBot.Features.Kpis;

/// <summary>
/// /api/admin/tenants/{tenantId}/kpis on the admin API's tenant group (which checks the tenant's key):
/// GET lists every KPI (retired ones too); POST adds one
/// (<c>{"nameEn": "Collections", "nameZh": "回款", "unit": "money", "aggregation": "sum", "key": "collections", "aliases": ["收款"]}</c>,
/// key and aggregation optional); GET …/{key} reads one; PATCH …/{key} changes names, adds aliases or retires/restores
/// (<c>{"nameEn": "…", "nameZh": "…", "aliases": ["…"], "active": false}</c>, every field optional). A bad body gets a 400
/// problem listing every error, and changes nothing.
/// </summary>
internal static class KpiAdminEndpoints
{
    private const int MaxBodyBytes = 16 * 1024;

    private static readonly Dictionary<string, KpiUnit> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["money"] = KpiUnit.Currency, ["currency"] = KpiUnit.Currency, ["count"] = KpiUnit.Count, ["percent"] = KpiUnit.Percent,
    };

    private static readonly Dictionary<string, KpiAggregation> Aggregations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sum"] = KpiAggregation.Sum, ["count"] = KpiAggregation.Count, ["average"] = KpiAggregation.Average, ["last"] = KpiAggregation.Last,
    };

    public static async Task<IResult> ListAsync(string tenantId, SalesCoachDbContext db, KpiBook book, CancellationToken cancellationToken)
    {
        db.ForTenant(tenantId);
        var vocabulary = await book.VocabularyAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(new { kpis = vocabulary.Kpis.Select(k => Body(k, vocabulary)).ToList() });
    }

    public static async Task<IResult> GetAsync(string tenantId, string key, SalesCoachDbContext db, KpiBook book, CancellationToken cancellationToken)
    {
        db.ForTenant(tenantId);
        var vocabulary = await book.VocabularyAsync(cancellationToken).ConfigureAwait(false);
        return vocabulary.Kpis.FirstOrDefault(k => k.Key == key) is { } kpi ? Results.Ok(Body(kpi, vocabulary)) : NoKpi();
    }

    public static async Task<IResult> AddAsync(string tenantId, HttpRequest request, SalesCoachDbContext db, KpiBook book, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        db.ForTenant(tenantId);
        if (!await db.Tenants.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "The tenant is not known yet: it gets its KPIs when someone first talks to the bot.");
        }

        var (fields, errors) = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
        var vocabulary = await book.VocabularyAsync(cancellationToken).ConfigureAwait(false);
        if (fields is not null)
        {
            if (fields.NameEn is null && fields.NameZh is null)
            {
                errors.Add("'nameEn' or 'nameZh' is required");
            }

            if (fields.Unit is null)
            {
                errors.Add("'unit' is required: money, count or percent");
            }

            if (fields.Key is { } key && (key.Length > ColumnLengths.KpiKey || !key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
            {
                errors.Add("'key' must be lower-case letters, digits and '-'");
            }

            CheckWords(vocabulary, [fields.NameEn, fields.NameZh, fields.Key, .. fields.Aliases], null, errors);
        }

        if (errors.Count > 0)
        {
            return BadBody(errors);
        }

        var change = await book.AddAsync(tenantId, fields!.NameEn, fields.NameZh, fields.Unit!.Value, fields.Aggregation ?? KpiAggregation.Sum, fields.Key, cancellationToken).ConfigureAwait(false);
        if (change.Status != KpiChangeStatus.Done)
        {
            return BadBody([Describe(change)]);
        }

        foreach (var alias in fields.Aliases)
        {
            await book.AliasAsync(tenantId, change.Kpi!.Key, alias, cancellationToken).ConfigureAwait(false);
        }

        vocabulary = await book.VocabularyAsync(cancellationToken).ConfigureAwait(false);
        var added = vocabulary.Kpis.First(k => k.Key == change.Kpi!.Key);
        return Results.Created($"/api/admin/tenants/{Uri.EscapeDataString(tenantId)}/kpis/{added.Key}", Body(added, vocabulary));
    }

    public static async Task<IResult> PatchAsync(string tenantId, string key, HttpRequest request, SalesCoachDbContext db, KpiBook book, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        db.ForTenant(tenantId);
        var vocabulary = await book.VocabularyAsync(cancellationToken).ConfigureAwait(false);
        if (vocabulary.Kpis.FirstOrDefault(k => k.Key == key) is not { } kpi)
        {
            return NoKpi();
        }

        var (fields, errors) = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (fields is not null)
        {
            if (fields.Unit is not null || fields.Aggregation is not null || fields.Key is not null)
            {
                errors.Add("'key', 'unit' and 'aggregation' can't change: results already counted in them would mean something else");
            }

            CheckWords(vocabulary, [fields.NameEn, fields.NameZh], kpi, errors);
            CheckWords(vocabulary, [.. fields.Aliases], null, errors);
        }

        if (errors.Count > 0)
        {
            return BadBody(errors);
        }

        // All or nothing: a part refused on the way (an alias equal to the new name, a word taken meanwhile) rolls back the
        // parts before it.
        var refused = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var refusal = await ApplyAsync(tenantId, key, fields!, book, cancellationToken).ConfigureAwait(false);
                if (refusal is null)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    db.ChangeTracker.Clear();
                }

                return refusal;
            }
        }).ConfigureAwait(false);
        if (refused is not null)
        {
            return BadBody([refused]);
        }

        vocabulary = await book.VocabularyAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(Body(vocabulary.Kpis.First(k => k.Key == key), vocabulary));
    }

    // Applies a checked PATCH body part by part; the first part refused says why (the caller rolls everything back).
    private static async Task<string?> ApplyAsync(string tenantId, string key, Fields fields, KpiBook book, CancellationToken cancellationToken)
    {
        var changes = new List<(string Part, Func<Task<KpiChange>> Apply)>();
        if (fields.NameEn is { } en)
        {
            changes.Add(("nameEn", () => book.RenameAsync(key, en, KpiNameLanguage.English, cancellationToken)));
        }

        if (fields.NameZh is { } zh)
        {
            changes.Add(("nameZh", () => book.RenameAsync(key, zh, KpiNameLanguage.Chinese, cancellationToken)));
        }

        foreach (var alias in fields.Aliases)
        {
            changes.Add(($"aliases: '{alias}'", () => book.AliasAsync(tenantId, key, alias, cancellationToken)));
        }

        if (fields.Active is { } active)
        {
            changes.Add(("active", () => book.SetActiveAsync(key, active, cancellationToken)));
        }

        foreach (var (part, apply) in changes)
        {
            var change = await apply().ConfigureAwait(false);
            if (change.Status is not (KpiChangeStatus.Done or KpiChangeStatus.AlreadyActive or KpiChangeStatus.AlreadyRetired))
            {
                var why = change.Status switch
                {
                    KpiChangeStatus.Taken or KpiChangeStatus.DefaultWord => "the word already means a KPI (or is given twice)",
                    KpiChangeStatus.BadName => "it is not a usable name or word",
                    _ => "the KPI is gone",
                };
                return $"{part} was refused: {why}; nothing was changed";
            }
        }

        return null;
    }

    private sealed record Fields(string? Key, string? NameEn, string? NameZh, KpiUnit? Unit, KpiAggregation? Aggregation, List<string> Aliases, bool? Active);

    private static object Body(KpiDefinition kpi, KpiVocabulary vocabulary) => new
    {
        key = kpi.Key,
        nameEn = kpi.NameEn,
        nameZh = kpi.NameZh,
        unit = kpi.Unit switch { KpiUnit.Currency => "money", KpiUnit.Percent => "percent", _ => "count" },
        aggregation = kpi.Aggregation switch
        {
            KpiAggregation.Average => "average", KpiAggregation.Count => "count", KpiAggregation.Last => "last", _ => "sum",
        },
        currency = kpi.Currency,
        sortOrder = kpi.SortOrder,
        active = kpi.IsActive,
        aliases = vocabulary.AliasesOf(kpi),
    };

    private static void CheckWords(KpiVocabulary vocabulary, string?[] words, KpiDefinition? owner, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words.OfType<string>())
        {
            if (!seen.Add(KpiAliases.Normalize(word)) && owner is null)
            {
                errors.Add($"'{word}' is given twice");
            }
            else if (KpiBook.Refusal(vocabulary, word, owner) is { } refusal)
            {
                errors.Add(Describe(refusal));
            }
        }
    }

    private static string Describe(KpiChange change) => change.Status switch
    {
        KpiChangeStatus.DefaultWord => $"'{change.Word}' is a built-in word of the KPI '{change.Holder?.Key}'",
        KpiChangeStatus.Taken => $"'{change.Word}' already names the KPI '{change.Holder?.Key}'",
        _ => $"'{change.Word}' can't be a KPI name or word (1 to {KpiBook.MaxNameLength} characters, not a number, no < or >, not a command word)",
    };

    // Every error of the body at once, in English for the operator.
    private static async Task<(Fields? Fields, List<string> Errors)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await UploadedTable.ReadLimitedAsync(request.Body, request.ContentLength, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return (null, [$"the body is larger than {MaxBodyBytes} bytes"]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(new UTF8Encoding(false, true).GetString(body));
        }
        catch (Exception error) when (error is JsonException or DecoderFallbackException)
        {
            return (null, ["the body must be a JSON object, e.g. {\"nameEn\": \"Collections\", \"nameZh\": \"回款\", \"unit\": \"money\"}"]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, ["the body must be a JSON object"]);
            }

            var errors = new List<string>();
            string? Text(string name)
            {
                if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    return null;
                }

                if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
                {
                    errors.Add($"'{name}' must be a non-empty string");
                    return null;
                }

                return value.GetString()!.Trim();
            }

            var unitText = Text("unit");
            KpiUnit? unit = null;
            if (unitText is not null)
            {
                unit = Units.TryGetValue(unitText, out var u) ? u : null;
                if (unit is null)
                {
                    errors.Add("'unit' must be money, count or percent");
                }
            }

            var aggregationText = Text("aggregation");
            KpiAggregation? aggregation = null;
            if (aggregationText is not null)
            {
                aggregation = Aggregations.TryGetValue(aggregationText, out var a) ? a : null;
                if (aggregation is null)
                {
                    errors.Add("'aggregation' must be sum, count, average or last");
                }
            }

            var aliases = new List<string>();
            if (root.TryGetProperty("aliases", out var list) && list.ValueKind != JsonValueKind.Null)
            {
                if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String))
                {
                    errors.Add("'aliases' must be an array of strings");
                }
                else
                {
                    aliases.AddRange(list.EnumerateArray().Select(a => a.GetString()!.Trim()));
                }
            }

            bool? active = null;
            if (root.TryGetProperty("active", out var activeValue) && activeValue.ValueKind != JsonValueKind.Null)
            {
                if (activeValue.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    active = activeValue.GetBoolean();
                }
                else
                {
                    errors.Add("'active' must be true or false");
                }
            }

            var known = new[] { "key", "nameEn", "nameZh", "unit", "aggregation", "aliases", "active" };
            errors.AddRange(root.EnumerateObject().Where(p => !known.Contains(p.Name, StringComparer.Ordinal)).Select(p => $"'{p.Name}' is not a KPI field"));
            return (new Fields(Text("key"), Text("nameEn"), Text("nameZh"), unit, aggregation, aliases, active), errors);
        }
    }

    private static IResult BadBody(List<string> errors) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "The KPI was not stored; nothing was changed.",
        detail: string.Join("; ", errors),
        extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = errors });

    private static IResult NoKpi() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No KPI with that key in this tenant.");
}
