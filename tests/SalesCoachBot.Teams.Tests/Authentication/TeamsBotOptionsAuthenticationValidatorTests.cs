using Microsoft.Extensions.Hosting;
using Moq;
using SalesCoachBot.Teams.Authentication;
using SalesCoachBot.Teams.Hosting;

namespace SalesCoachBot.Teams.Tests.Authentication;

public sealed class TeamsBotOptionsAuthenticationValidatorTests
{
    private readonly TeamsBotOptionsAuthenticationValidator _validator = new(Environment(Environments.Development));

    private static IHostEnvironment Environment(string name) => Mock.Of<IHostEnvironment>(e => e.EnvironmentName == name);

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public void Validate_NoAppIdOutsideDevelopment_FailsSayingWhatToSet(string environment)
    {
        var result = new TeamsBotOptionsAuthenticationValidator(Environment(environment)).Validate(null, new TeamsBotOptions());

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.DoesNotContain('\n', failure);
        Assert.Contains("set Bot:AppId, Bot:ClientSecret and Bot:TenantId", failure, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_ENVIRONMENT=Development", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoAppIdWithoutHostEnvironment_FailsClosed()
    {
        var result = new TeamsBotOptionsAuthenticationValidator(environment: null).Validate(null, new TeamsBotOptions());

        Assert.Contains("Bot:AppId is not set", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HttpMetadataOutsideDevelopment_Fails()
    {
        var validator = new TeamsBotOptionsAuthenticationValidator(Environment(Environments.Production));

        var result = validator.Validate(null, new TeamsBotOptions { AppId = "app", ClientSecret = "s", RequireHttpsMetadata = false });

        Assert.Contains("Bot:RequireHttpsMetadata=false", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AppIdOutsideDevelopment_Succeeds()
    {
        var validator = new TeamsBotOptionsAuthenticationValidator(Environment(Environments.Production));

        Assert.True(validator.Validate(null, new TeamsBotOptions { AppId = "app", ClientSecret = "s" }).Succeeded);
    }

    [Theory]
    [InlineData("smba.trafficmanager.net")]
    [InlineData("ftp://smba.trafficmanager.net")]
    [InlineData("https://smba.trafficmanager.net/teams")]
    [InlineData("https://*")]
    [InlineData("https://smba.*.net")]
    [InlineData("https://**.example.com")]
    [InlineData("https://user@smba.trafficmanager.net")]
    [InlineData("https://smba.trafficmanager.net:99999")]
    public void Validate_InvalidServiceUrlHostPattern_Fails(string pattern)
    {
        var result = _validator.Validate(null, new TeamsBotOptions { AllowedServiceUrlHosts = [pattern] });

        Assert.Contains("Bot:AllowedServiceUrlHosts", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(_validator.Validate(null, new TeamsBotOptions()).Succeeded);
    }

    [Fact]
    public void Validate_AppIdWithSecret_Succeeds()
    {
        Assert.True(_validator.Validate(null, new TeamsBotOptions { AppId = "app", ClientSecret = "s" }).Succeeded);
    }

    [Fact]
    public void Validate_AppIdWithoutSecret_Fails()
    {
        var result = _validator.Validate(null, new TeamsBotOptions { AppId = "app" });

        Assert.True(result.Failed);
        Assert.Contains("ClientSecret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(25 * 60)]
    public void Validate_KeyRefreshIntervalOutOfRange_Fails(int minutes)
    {
        var result = _validator.Validate(null, new TeamsBotOptions { SigningKeyRefreshInterval = TimeSpan.FromMinutes(minutes) });

        Assert.Contains("SigningKeyRefreshInterval", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EntraTemplateWithoutPlaceholder_Fails()
    {
        var result = _validator.Validate(null, new TeamsBotOptions { EntraOpenIdMetadataUrlTemplate = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration" });

        Assert.Contains("EntraOpenIdMetadataUrlTemplate", result.FailureMessage, StringComparison.Ordinal);
    }
}
