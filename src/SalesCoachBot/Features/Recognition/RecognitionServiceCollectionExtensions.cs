using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Recognition;

internal static class RecognitionServiceCollectionExtensions
{
    /// <summary>
    /// Praise (typed and the form), company values, the recognition board and automatic celebrations: their stores (also
    /// the recognition history other features read), the team choice and help lines.
    /// </summary>
    public static IServiceCollection AddRecognition(this IServiceCollection services)
    {
        services.AddScoped<RecognitionStore>();
        services.AddScoped<RecognitionTeams>();
        services.AddScoped<PraiseDesk>();
        services.AddHelpTopic(PraiseCommand.Topic);
        services.AddHelpTopic(ValuesCommand.Topic);
        services.AddHelpTopic(RecognitionBoardCommand.Topic);
        // Celebrations: their store, the history of praise and celebrations, and the ledger's observer of new results.
        services.AddScoped<CelebrationStore>();
        services.AddScoped<IRecognitionHistory, RecognitionHistory>();
        // The week's public praise on the weekly meeting's agenda.
        services.AddScoped<ITeamRecognition>(sp => sp.GetRequiredService<RecognitionStore>());
        services.AddScoped<IResultsRecordedObserver, Celebrations>();
        services.AddHelpTopic(CelebrationsCommand.Topic);
        return services;
    }

    /// <summary>A team's company values and praise quota on the admin API's tenant group (which checks the key).</summary>
    public static RouteGroupBuilder MapRecognitionAdmin(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/teams/{teamId}/values", RecognitionAdminEndpoints.GetValuesAsync);
        tenant.MapPut("/teams/{teamId}/values", RecognitionAdminEndpoints.PutValuesAsync);
        tenant.MapGet("/teams/{teamId}/celebrations", CelebrationAdminEndpoints.GetAsync);
        tenant.MapPut("/teams/{teamId}/celebrations", CelebrationAdminEndpoints.PutAsync);
        return tenant;
    }
}
