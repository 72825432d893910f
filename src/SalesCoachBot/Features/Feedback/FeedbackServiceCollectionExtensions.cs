using SalesCoachBot.Sales;

namespace SalesCoachBot.Features.Feedback;

internal static class FeedbackServiceCollectionExtensions
{
    /// <summary>
    /// Private feedback: the feedback store (<see cref="FeedbackBook"/>, also as <see cref="IFeedbackLog"/> for the team
    /// card), giving it, the history, <c>feedback</c> with its help line. Recognition in the history comes from
    /// <see cref="IRecognitionHistory"/> when the recognition feature registers it.
    /// </summary>
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddScoped<FeedbackBook>();
        services.AddScoped<IFeedbackLog>(sp => sp.GetRequiredService<FeedbackBook>());
        services.AddScoped<FeedbackDesk>();
        services.AddScoped<FeedbackHistory>();
        services.AddHelpTopic(FeedbackCommand.Topic);
        return services;
    }
}
