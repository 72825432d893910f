using SalesCoachBot.Exports;
using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.SalesResults;

internal static class SalesResultsServiceCollectionExtensions
{
    /// <summary>
    /// The results store (<see cref="ResultLedger"/>, also as <see cref="IResultLedger"/> for imports, the CRM webhook
    /// and the cards that show actuals) and logging by hand: <c>log</c>, <c>undo</c> and the card form.
    /// </summary>
    public static IServiceCollection AddSalesResults(this IServiceCollection services)
    {
        services.AddScoped<ResultLedger>();
        services.AddScoped<IResultLedger>(sp => sp.GetRequiredService<ResultLedger>());
        services.AddScoped<ResultLog>();
        services.AddScoped<IExportSource, ResultsExport>();
        services.AddHelpTopic(LogCommand.Topic);
        services.AddHelpTopic(UndoCommand.Topic);
        return services;
    }
}
