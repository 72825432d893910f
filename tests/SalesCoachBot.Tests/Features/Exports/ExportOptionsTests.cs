using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;
using SalesCoachBot.Exports;

namespace SalesCoachBot.Tests.Features.Exports;

/// <summary>Exports:SigningKey: required (≥ 32 characters) outside Development, where several instances must share it.</summary>
public sealed class ExportOptionsTests
{
    [Theory]
    [InlineData("Production", "", false)]
    [InlineData("Production", "too-short-key", false)]
    [InlineData("Production", "a-signing-key-of-thirty-two-chars", true)]
    [InlineData("Development", "", true)]
    [InlineData("Development", "too-short-key", false)]
    public void SigningKey_IsRequiredOutsideDevelopment(string environment, string key, bool valid)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal) { ["Exports:SigningKey"] = key }).Build());
        services.AddSingleton(Mock.Of<IHostEnvironment>(e => e.EnvironmentName == environment));
        services.AddExportFiles();
        using var provider = services.BuildServiceProvider();

        var error = Record.Exception(() => provider.GetRequiredService<IOptions<ExportOptions>>().Value);

        Assert.Equal(valid, error is null);
        if (!valid)
        {
            Assert.Contains("Exports:SigningKey", Assert.IsType<OptionsValidationException>(error).Message, StringComparison.Ordinal);
        }
    }
}
