using SalesCoachBot.Teams.Authentication;
using SalesCoachBot.Teams.Hosting;

namespace SalesCoachBot.Teams.Tests.Authentication;

public sealed class TeamsBotOptionsAuthenticationValidatorTests
{
    private readonly TeamsBotOptionsAuthenticationValidator _validator = new();

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
