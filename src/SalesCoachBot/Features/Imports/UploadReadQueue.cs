using Microsoft.Extensions.Options;
using SalesCoachBot.Localization;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Teams.Connector;

namespace SalesCoachBot.Features.Imports;

/// <summary>
/// Reads uploaded files outside the request that brought them, at most <see cref="ImportOptions.MaxConcurrentReads"/> at
/// once on this instance (further uploads wait for a slot), each in its own scope, and replaces the upload's "Reading your
/// file…" message with the preview. A read that fails is logged and answered in that message, so no upload goes
/// unanswered.
/// </summary>
internal sealed partial class UploadReadQueue : IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IConnectorClient _connector;
    private readonly BotText _text;
    private readonly ILogger<UploadReadQueue> _logger;
    private readonly CancellationToken _stopping;
    private readonly SemaphoreSlim _slots;
    private readonly Lock _gate = new();
    private int _outstanding;
    private int _waiting;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    public UploadReadQueue(
        IServiceScopeFactory scopes, IConnectorClient connector, BotText text, IOptions<ImportOptions> options,
        IHostApplicationLifetime lifetime, ILogger<UploadReadQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(lifetime);
        _scopes = scopes;
        _connector = connector;
        _text = text;
        _logger = logger;
        _stopping = lifetime.ApplicationStopping;
        _slots = new SemaphoreSlim(options.Value.MaxConcurrentReads, options.Value.MaxConcurrentReads);
    }

    /// <summary>Queues the read of one upload and returns at once.</summary>
    public void Enqueue(UploadRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_gate)
        {
            _waiting++;
            if (_outstanding++ == 0)
            {
                _idle = NewIdle(completed: false);
            }
        }

        // Off the request: the turn's response must not wait for the read.
        _ = Task.Run(() => RunAsync(read), CancellationToken.None);
    }

    /// <summary>Reads queued and waiting for a free slot.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting;
            }
        }
    }

    /// <summary>Completes when no read is queued or running (at once when none is).</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            return _idle.Task;
        }
    }

    public void Dispose() => _slots.Dispose();

    private async Task RunAsync(UploadRead read)
    {
        try
        {
            var answer = await ReadAsync(read).ConfigureAwait(false);
            if (answer is not null)
            {
                await ReplacePlaceholderAsync(read, answer).ConfigureAwait(false);
            }
        }
        finally
        {
            lock (_gate)
            {
                if (--_outstanding == 0)
                {
                    _idle.TrySetResult();
                }
            }
        }
    }

    /// <summary>The preview or refusal, the error text when reading failed, or null when the app is stopping.</summary>
    private async Task<Activity?> ReadAsync(UploadRead read)
    {
        try
        {
            await _slots.WaitAsync(_stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        finally
        {
            lock (_gate)
            {
                _waiting--;
            }
        }

        try
        {
            var scope = _scopes.CreateAsyncScope();
            await using var scopeLifetime = scope.ConfigureAwait(false);
            var reader = scope.ServiceProvider.GetRequiredService<UploadReader>();
            return await reader.PreviewAsync(read, _stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return null;
        }
#pragma warning disable CA1031 // The edge of a background read: whatever went wrong, the person must hear of it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogReadFailed(_logger, exception);
            return UploadReader.Plain(_text.Get(read.Locale, ImportsTextKeys.ReadFailed, read.FileName));
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task ReplacePlaceholderAsync(UploadRead read, Activity answer)
    {
        answer.Type ??= ActivityTypes.Message;
                answer.ChannelId ??= read.ChannelId;
        answer.ServiceUrl ??= read.ServiceUrl;
        answer.Conversation ??= read.Conversation;
        answer.From ??= read.Bot;
        answer.Recipient ??= read.Member;
        answer.Locale ??= read.Locale;
        try
        {
            if (read.PlaceholderId is null)
            {
                // The connector gave the placeholder no id, so it cannot be replaced: the answer follows it.
                await _connector.SendToConversationAsync(read.ServiceUrl, read.Conversation.Id!, answer, read.TenantId, _stopping).ConfigureAwait(false);
            }
            else
            {
                await _connector.UpdateActivityAsync(
                    read.ServiceUrl, read.Conversation.Id!, read.PlaceholderId, answer, read.TenantId, _stopping).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is ConnectorException or HttpRequestException)
        {
            LogUpdateFailed(_logger, exception);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: the person sees "Reading your file…" and can send the file again.
        }
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            idle.SetResult();
        }

        return idle;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading an uploaded file failed")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Replacing the reading message of an upload with its answer failed")]
    private static partial void LogUpdateFailed(ILogger logger, Exception exception);
}
