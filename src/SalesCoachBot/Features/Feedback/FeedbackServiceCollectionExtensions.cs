using SalesCoachBot.Sales;
using SalesCoachBot.Scheduling;

namespace SalesCoachBot.Features.Feedback;

internal static class FeedbackServiceCollectionExtensions
{
    /// <summary>
    /// Private feedback: the feedback store (<see cref="FeedbackBook"/>, also as <see cref="IFeedbackLog"/> for the team
    /// card), giving it, the history, <c>feedback</c> with its help line, and the cadence nudge (its options, store and
    /// hourly job). Recognition in the history comes from <see cref="IRecognitionHistory"/> when the recognition feature
    /// registers it.
    /// </summary>
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddOptions<FeedbackOptions>()
            .BindConfiguration(FeedbackOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<FeedbackBook>();
        services.AddScoped<IFeedbackLog>(sp => sp.GetRequiredService<FeedbackBook>());
        services.AddScoped<FeedbackCadence>();
        services.AddScoped<FeedbackDesk>();
        services.AddScoped<FeedbackHistory>();
        services.AddScoped<FeedbackNudger>();
        services.AddScoped<FeedbackNudgeJob>();
        services.AddRecurringJob<FeedbackNudgeJob>(
            FeedbackNudgeJob.RecurringJobId, FeedbackNudgeJob.Cron, TimeZoneInfo.Utc, job => job.RunAsync(CancellationToken.None));
        services.AddHelpTopic(FeedbackCommand.Topic);
        return services;
    }
}
