using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Routing;

namespace SalesCoachBot.Teams.Hosting;

/// <summary>
/// What the endpoint does with a turn that threw: log the exception under a new reference id, and answer the person
/// with the apology of the registered <see cref="ITurnErrorReply"/> (naming the id): in the error invoke response for
/// an invoke, as a message in the conversation otherwise. If even the apology fails, it is logged and the request
/// answered 500, with no second attempt.
/// </summary>
internal static partial class TurnFailureAnswer
{
    public static async Task<IResult> AnswerAsync(TurnContext turn, Exception exception, HttpContext http, ILogger logger)
    {
        // Short enough to read out on the phone, random so it names this failure only.
        var referenceId = RandomNumberGenerator.GetHexString(10);
        var activity = turn.Activity;
        LogTurnFailed(logger, exception, activity.Type, activity.Id, referenceId);

#pragma warning disable CA1031 // The edge: a failing apology (app text, connector) is logged and becomes the 500 it replaces.
        try
        {
            var reply = turn.Services.GetService<ITurnErrorReply>() ?? DefaultTurnErrorReply.Instance;
            var apology = reply.Apology(turn, referenceId);
            if (activity.Type == ActivityTypes.Invoke)
            {
                var response = InvokeResponse.Error(apology);
                return Results.Json(response.Body, BotJson.Options, statusCode: response.Status);
            }

            var message = Activity.CreateMessage(apology);
            // Plain, so Teams shows the id exactly as the log has it.
            message.TextFormat = "plain";
            await turn.SendAsync(message, http.RequestAborted).ConfigureAwait(false);
            return Results.Ok();
        }
        catch (Exception apologyFailure)
        {
            LogApologyFailed(logger, apologyFailure, referenceId);
            return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Internal error",
                detail: $"The bot could not handle this activity (reference {referenceId}).");
        }
#pragma warning restore CA1031
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling activity {Type} {Id} failed; reference {ReferenceId}")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string? type, string? id, string referenceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not answer the failed turn {ReferenceId} with an apology")]
    private static partial void LogApologyFailed(ILogger logger, Exception exception, string referenceId);
}
