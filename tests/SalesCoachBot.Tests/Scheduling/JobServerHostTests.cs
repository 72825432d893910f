using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesCoachBot.Scheduling;

namespace SalesCoachBot.Tests.Scheduling;

public sealed class JobServerHostTests
{
    [Fact]
    public async Task StopAsync_AfterDispose_DoesNothing()
    {
        using var provider = Services();
        var host = NewHost(provider);
        await host.StartAsync(CancellationToken.None);

        host.Dispose();
        var stop = await Record.ExceptionAsync(() => host.StopAsync(CancellationToken.None));

        Assert.Null(stop);
    }

    [Fact]
    public async Task StopAsync_Twice_StopsOnceAndDisposeAfterwardsIsHarmless()
    {
        using var provider = Services();
        var host = NewHost(provider);
        await host.StartAsync(CancellationToken.None);

        await host.StopAsync(CancellationToken.None);
        var second = await Record.ExceptionAsync(() => host.StopAsync(CancellationToken.None));
        var dispose = Record.Exception(host.Dispose);

        Assert.Null(second);
        Assert.Null(dispose);
    }

    private static JobServerHost NewHost(IServiceProvider provider) =>
        new(Options.Create(new SchedulingOptions { Enabled = true }), provider, NullLogger<JobServerHost>.Instance);

    private static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddSingleton<JobStorage>(new InMemoryStorage(new InMemoryStorageOptions()));
        services.AddSingleton<JobActivator>(new JobActivator());
        return services.BuildServiceProvider();
    }
}
