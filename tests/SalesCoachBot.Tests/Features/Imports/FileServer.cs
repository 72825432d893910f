using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SalesCoachBot.Tests.Features.Imports;

/// <summary>
/// Stands in for SharePoint's pre-authenticated download links: real Kestrel on 127.0.0.1, serving byte arrays by name,
/// either with a Content-Length or chunked without one (so a size limit must count while reading).
/// </summary>
internal sealed class FileServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (byte[] Content, bool Chunked)> _files = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private int _requests;
    private readonly Lock _gateLock = new();
    private int _inFlight;
    private TaskCompletionSource? _gate;
    private TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _enteredTarget = int.MaxValue;

    public string BaseUrl { get; private set; } = "";

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<FileServer> StartAsync()
    {
        var server = new FileServer();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/files/{name}", async (string name, HttpContext http) =>
        {
            Interlocked.Increment(ref server._requests);
            var inFlight = Interlocked.Increment(ref server._inFlight);
            try
            {
                await server.EnterAsync(inFlight);
                await WriteAsync(server, name, http);
            }
            finally
            {
                Interlocked.Decrement(ref server._inFlight);
            }
        });
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        server._app = app;
        return server;
    }

    /// <summary>Holds every download from now on until <see cref="Release"/>; the returned task completes when
    /// <paramref name="count"/> downloads are held at once.</summary>
    public Task HoldAsync(int count)
    {
        lock (_gateLock)
        {
            _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _enteredTarget = count;
            return _entered.Task;
        }
    }

    /// <summary>Lets the held downloads, and all later ones, through.</summary>
    public void Release()
    {
        lock (_gateLock)
        {
            _gate?.TrySetResult();
            _gate = null;
        }
    }

    private Task EnterAsync(int inFlight)
    {
        lock (_gateLock)
        {
            if (_gate is null)
            {
                return Task.CompletedTask;
            }

            if (inFlight >= _enteredTarget)
            {
                _entered.TrySetResult();
            }

            return _gate.Task;
        }
    }

    private static async Task WriteAsync(FileServer server, string name, HttpContext http)
    {
        if (!server._files.TryGetValue(name, out var file))
        {
            http.Response.StatusCode = 404;
            return;
        }

        if (!file.Chunked)
        {
            http.Response.ContentLength = file.Content.Length;
        }

        for (var offset = 0; offset < file.Content.Length; offset += 1024)
        {
            await http.Response.Body.WriteAsync(file.Content.AsMemory(offset, Math.Min(1024, file.Content.Length - offset)));
            await http.Response.Body.FlushAsync();
        }
    }

    /// <summary>Serves the bytes under the name and returns its download URL.</summary>
    public string Serve(string name, byte[] content, bool chunked = false)
    {
        _files[name] = (content, chunked);
        return $"{BaseUrl}/files/{Uri.EscapeDataString(name)}";
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
