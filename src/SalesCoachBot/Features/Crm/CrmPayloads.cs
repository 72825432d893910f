using System.Globalization;
using System.Text.Json;
using SalesCoachBot.Data;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Crm;

/// <summary>
/// Maps a webhook body to deals, per format. Generic: one event or <c>{"events": […]}</c>. Zoho and FXiaoKe: one
/// record, an array of records or <c>{"data": […]}</c>. Field names are matched ignoring case; ids and amounts may be
/// JSON strings or numbers. A malformed event fails the whole body (nothing is recorded), naming the field.
/// </summary>
internal static class CrmPayloads
{
    /// <summary>Stage words that mean won when a source configures none (compared ignoring case and spaces at the ends).</summary>
    public static IReadOnlyList<string> DefaultWonStages(CrmFormat format) => format switch
    {
        CrmFormat.Zoho => ["Closed Won"],
        CrmFormat.Fxiaoke => ["赢单", "won"],
        _ => ["won", "closed won", "closed-won", "closed_won", "赢单", "成交"],
    };

    public static IReadOnlyList<CrmDeal> Parse(
        JsonElement root, CrmFormat format, IReadOnlyCollection<string> wonStages, int maxEvents, IReadOnlyCollection<string>? paymentStages = null)
    {
        ArgumentNullException.ThrowIfNull(wonStages);
        var won = new HashSet<string>((wonStages.Count > 0 ? wonStages : DefaultWonStages(format)).Select(s => s.Trim()), StringComparer.OrdinalIgnoreCase);
        // Stages that mean the customer paid: the amount is collected (回款), not a new deal. None unless configured.
        var paid = new HashSet<string>((paymentStages ?? []).Select(s => s.Trim()), StringComparer.OrdinalIgnoreCase);
        List<JsonElement> items;
        try
        {
            items = Items(root, format == CrmFormat.Generic ? "events" : "data");
        }
        catch (InvalidOperationException)
        {
            throw new CrmPayloadException("The body holds a \\u escape that is not valid UTF-16.");
        }

        if (items.Count == 0)
        {
            throw new CrmPayloadException("The body holds no event.");
        }

        if (items.Count > maxEvents)
        {
            throw new CrmPayloadException($"At most {maxEvents} events per request.");
        }

        var deals = new List<CrmDeal>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new CrmPayloadException($"Event {i + 1} is not a JSON object.");
            }

            try
            {
                deals.Add(format switch
                {
                    CrmFormat.Zoho => Zoho(item, won, paid),
                    CrmFormat.Fxiaoke => Fxiaoke(item, won, paid),
                    _ => Generic(item, won, paid),
                });
            }
            catch (CrmPayloadException error) when (items.Count > 1)
            {
                throw new CrmPayloadException($"Event {i + 1}: {error.Message}");
            }
            catch (InvalidOperationException)
            {
                // Valid JSON can still escape half a surrogate pair ("\ud800"), which is no text at all.
                throw new CrmPayloadException($"Event {i + 1} holds a \\u escape that is not valid UTF-16.");
            }
        }

        return deals;
    }

    private static List<JsonElement> Items(JsonElement root, string listName)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return [.. root.EnumerateArray()];
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new CrmPayloadException("The body must be a JSON object or array.");
        }

        if (Find(root, listName) is { } list)
        {
            return list.ValueKind == JsonValueKind.Array
                ? [.. list.EnumerateArray()]
                : throw new CrmPayloadException($"'{listName}' must be an array.");
        }

        return [root];
    }

    private static CrmDeal Generic(JsonElement e, HashSet<string> won, HashSet<string> paid)
    {
        var eventId = Required(Text(e, "eventId"), "eventId");
        var deal = Find(e, "deal") is { ValueKind: JsonValueKind.Object } d ? d : throw new CrmPayloadException("'deal' (an object) is missing.");
        var owner = Find(e, "owner") is { ValueKind: JsonValueKind.Object } o ? Text(o, "email") : null;
        var (amount, amountCurrency) = Amount(deal, "amount");
        var closed = Date(deal, "closedOn");
        return Build(eventId, Text(deal, "id"), "deal.id", Text(deal, "stage"), "deal.stage", won, paid, owner, "owner.email",
            amount, Agreed(Currency(deal, "currency"), amountCurrency), closed.Day, closed.At, Instant(e, "occurredAt"),
            Text(deal, "name"), Text(deal, "customer"));
    }

    private static CrmDeal Zoho(JsonElement e, HashSet<string> won, HashSet<string> paid)
    {
        var dealId = Required(Text(e, "id", "Deal_Id"), "id");
        var modified = Required(Text(e, "Modified_Time"), "Modified_Time");
        var owner = Text(e, "Owner_Email")
            ?? (Find(e, "Owner") is { ValueKind: JsonValueKind.Object } o ? Text(o, "email") : Text(e, "Owner"));
        var customer = Find(e, "Account_Name") is { ValueKind: JsonValueKind.Object } a ? Text(a, "name") : Text(e, "Account_Name");
        var (amount, amountCurrency) = Amount(e, "Amount");
        var closed = Date(e, "Closing_Date");
        return Build(dealId + "@" + modified, dealId, "id", Text(e, "Stage"), "Stage", won, paid, owner, "Owner.email",
            amount, Agreed(Currency(e, "Currency"), amountCurrency), closed.Day, closed.At, Instant(e, "Modified_Time"),
            Text(e, "Deal_Name"), customer);
    }

    private static CrmDeal Fxiaoke(JsonElement e, HashSet<string> won, HashSet<string> paid)
    {
        var dealId = Required(Text(e, "_id", "数据ID"), "_id");
        var modified = Required(Text(e, "last_modified_time", "最后修改时间"), "last_modified_time");
        var (amount, amountCurrency) = Amount(e, "amount", "销售金额");
        var closed = Date(e, "close_date", "结单日期");
        return Build(dealId + "@" + modified, dealId, "_id", Text(e, "sales_stage", "阶段"), "sales_stage", won, paid,
            Text(e, "owner_email", "负责人邮箱"), "owner_email",
            amount, Agreed(Currency(e, "currency", "币种"), amountCurrency), closed.Day, closed.At, Instant(e, "last_modified_time", "最后修改时间"),
            Text(e, "name", "商机名称"), Text(e, "account_id__r", "account_name", "客户名称"));
    }

    private static CrmDeal Build(
        string eventId, string? dealId, string dealField, string? stage, string stageField, HashSet<string> won, HashSet<string> paid,
        string? owner, string ownerField, decimal? amount, string? currency, DateOnly? closedOn, DateTimeOffset? closedAt,
        DateTimeOffset? occurredAt, string? name, string? customer)
    {
        if (eventId.Length > ColumnLengths.ExternalId)
        {
            throw new CrmPayloadException($"The event id is longer than {ColumnLengths.ExternalId} characters.");
        }

        dealId = Required(dealId, dealField);
        // The results' external ids are the deal id plus a KPI suffix, which must fit the column.
        if (dealId.Length > ColumnLengths.ExternalId - ColumnLengths.KpiKey - 1)
        {
            throw new CrmPayloadException($"'{dealField}' is too long.");
        }

        stage = Required(stage, stageField);
        var isPaid = paid.Contains(stage.Trim());
        var isWon = !isPaid && won.Contains(stage.Trim());
        if (isWon || isPaid)
        {
            owner = Required(owner, ownerField);
            if (owner.Length > ColumnLengths.Email || !owner.Contains('@', StringComparison.Ordinal) || owner.Any(char.IsWhiteSpace))
            {
                throw new CrmPayloadException($"'{ownerField}' is not an e-mail address.");
            }

            if (amount is null)
            {
                throw new CrmPayloadException(isPaid ? "A payment needs an amount." : "A won deal needs an amount.");
            }
        }

        return new CrmDeal(eventId, dealId, stage.Trim(), isWon, owner?.Trim(), amount, currency, closedOn, closedAt, occurredAt,
            Clip(name, ColumnLengths.Note), Clip(customer, ColumnLengths.Customer)) { IsPayment = isPaid };
    }

    private static string? Clip(string? text, int length) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && t.Length > length ? t[..length] : text.Trim();

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new CrmPayloadException($"'{field}' is missing.") : value.Trim();

    private static JsonElement? Find(JsonElement obj, params string[] names)
    {
        foreach (var name in names)
        {
            foreach (var property in obj.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
                {
                    return property.Value;
                }
            }
        }

        return null;
    }

    /// <summary>A string, or a number's text (CRMs send ids and times either way).</summary>
    private static string? Text(JsonElement obj, params string[] names)
    {
        var text = Find(obj, names) switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } s => s.GetString(),
            { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
            _ => throw new CrmPayloadException($"'{names[0]}' must be text or a number."),
        };

        // PostgreSQL text cannot hold NUL; no CRM field means one.
        return text is not null && text.Contains('\0', StringComparison.Ordinal)
            ? throw new CrmPayloadException($"'{names[0]}' contains a NUL character.")
            : text;
    }

    private static (decimal? Value, string? Currency) Amount(JsonElement obj, params string[] names)
    {
        var field = names[0];
        decimal value;
        string? currency = null;
        switch (Find(obj, names))
        {
            case null:
                return (null, null);
            case { ValueKind: JsonValueKind.Number } n:
                if (!n.TryGetDecimal(out value))
                {
                    throw new CrmPayloadException($"'{field}' is not a usable number.");
                }

                break;
            case { ValueKind: JsonValueKind.String } s:
                if (!AmountParser.TryParse(s.GetString(), out ParsedAmount? parsed, out var error))
                {
                    throw new CrmPayloadException($"'{field}' is not an amount ({error}).");
                }

                value = parsed!.Value;
                currency = parsed.Currency;
                break;
            default:
                throw new CrmPayloadException($"'{field}' must be a number.");
        }

        if (value < 0 || value > AmountParser.MaxAmount)
        {
            throw new CrmPayloadException($"'{field}' must be between 0 and {AmountParser.MaxAmount.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (decimal.Round(value, 2) != value)
        {
            throw new CrmPayloadException($"'{field}' has more than two decimals.");
        }

        return (value, currency);
    }

    /// <summary>The currency field, else the one written with the amount; two different ones are refused, not guessed.</summary>
    private static string? Agreed(string? field, string? withAmount) =>
        field is not null && withAmount is not null && !string.Equals(field, withAmount, StringComparison.Ordinal)
            ? throw new CrmPayloadException($"The amount is written in {withAmount} but the currency field says {field}.")
            : field ?? withAmount;

    private static string? Currency(JsonElement obj, params string[] names)
    {
        var text = Text(obj, names)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (AmountParser.CurrencyOf(text) is { } code)
        {
            return code;
        }

        return text.Length == 3 && text.All(char.IsAsciiLetter)
            ? text.ToUpperInvariant()
            : throw new CrmPayloadException($"'{names[0]}' is not an ISO 4217 currency code.");
    }

    /// <summary>A calendar date (<c>2026-11-18</c>) is kept as the day; a time or epoch milliseconds as an instant.</summary>
    private static (DateOnly? Day, DateTimeOffset? At) Date(JsonElement obj, params string[] names)
    {
        var element = Find(obj, names);
        if (element is { ValueKind: JsonValueKind.String } s
            && DateOnly.TryParseExact(s.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return (day, null);
        }

        return element is null ? (null, null) : (null, Instant(obj, names) ?? throw new CrmPayloadException($"'{names[0]}' is not a date."));
    }

    /// <summary>ISO 8601 with an offset, or Unix epoch milliseconds (FXiaoKe); anything else is ignored for times that only inform.</summary>
    private static DateTimeOffset? Instant(JsonElement obj, params string[] names)
    {
        switch (Find(obj, names))
        {
            case { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var ms) && ms is > 0 and < 253_402_300_799_000:
                return DateTimeOffset.FromUnixTimeMilliseconds(ms);
            case { ValueKind: JsonValueKind.String } s:
                var text = s.GetString();
                if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var textMs) && textMs is > 0 and < 253_402_300_799_000)
                {
                    return DateTimeOffset.FromUnixTimeMilliseconds(textMs);
                }

                // Years outside 1971–9998 are no sales date, and converting them to a zone could leave DateTimeOffset's range.
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    && at.Year is > 1970 and < 9999 ? at : null;
            default:
                return null;
        }
    }
}
