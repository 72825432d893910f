using System.Globalization;

namespace SalesCoachBot.Tests.Features.Crm;

/// <summary>Payloads as each CRM sends them (the shapes the README documents).</summary>
internal static class CrmSamples
{
    public static string Generic(string eventId, string dealId, decimal amount, string stage = "won", string owner = "alice.wang@contoso.com", string currency = "CNY") =>
        $$$"""
        {"eventId":"{{{eventId}}}","occurredAt":"2026-11-18T01:58:00Z","owner":{"email":"{{{owner}}}"},
         "deal":{"id":"{{{dealId}}}","name":"Acme renewal","amount":{{{amount.ToString(CultureInfo.InvariantCulture)}}},"currency":"{{{currency}}}",
                 "closedOn":"2026-11-17","customer":"Acme Ltd","stage":"{{{stage}}}"}}
        """;

    /// <summary>A Zoho CRM workflow webhook with the Deal's fields under their API names.</summary>
    public const string Zoho = """
        {"id":"5725767000000524157","Deal_Name":"Acme renewal 2027","Amount":98000.50,"Currency":"CNY",
         "Closing_Date":"2026-11-17","Stage":"Closed Won",
         "Owner":{"name":"Alice Wang","id":"5725767000000411001","email":"Alice.Wang@contoso.com"},
         "Account_Name":{"name":"Acme Ltd","id":"5725767000000420001"},
         "Modified_Time":"2026-11-18T09:58:12+08:00"}
        """;

    /// <summary>An FXiaoKe 商机 record exported with its Chinese field labels (dates as epoch milliseconds).</summary>
    public const string FxiaokeChinese = """
        {"数据ID":"64f0c2a1e4b0a1b2c3d4e5f6","商机名称":"华东区年度框架","销售金额":"35.5万","结单日期":1794844800000,
         "阶段":"赢单","负责人邮箱":"alice.wang@contoso.com","客户名称":"上海星辰科技","最后修改时间":1794965400000}
        """;

    /// <summary>The same object with API names, in the {"data": […]} list form; the second record is not won.</summary>
    public const string FxiaokeApi = """
        {"data":[
          {"_id":"650a00000000000000000001","name":"West framework","amount":20000,"close_date":"2026-11-16",
           "sales_stage":"赢单","owner_email":"alice.wang@contoso.com","account_id__r":"Fabrikam","last_modified_time":1794965400000},
          {"_id":"650a00000000000000000002","name":"North pilot","amount":5000,"close_date":"2026-12-20",
           "sales_stage":"商务谈判","owner_email":"alice.wang@contoso.com","last_modified_time":1794965400000}
        ]}
        """;
}
