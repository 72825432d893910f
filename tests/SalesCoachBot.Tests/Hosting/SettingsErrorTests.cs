using System.Diagnostics;
using Microsoft.Extensions.Options;
using SalesCoachBot.Data;
using SalesCoachBot.Hosting;

namespace SalesCoachBot.Tests.Hosting;

/// <summary>A wrong setting stops the start with one sentence naming it and an example, not a stack trace.</summary>
public sealed class SettingsErrorTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "data/salescoach.db", "ConnectionStrings:SalesCoach looks like a file path or URL, not a Sqlite connection string: write key=value pairs, e.g. ConnectionStrings:SalesCoach=Data Source=data/salescoach.db.")]
    [InlineData(DatabaseProvider.Postgres, "postgres://coach:hunter2@db/salescoach", "ConnectionStrings:SalesCoach looks like a file path or URL, not a Postgres connection string: write key=value pairs, e.g. ConnectionStrings:SalesCoach=Host=db.example.com;Database=salescoach;Username=salescoach;Password=....")]
    [InlineData(DatabaseProvider.Postgres, "", "Database:Provider is Postgres but ConnectionStrings:SalesCoach is empty: set it, e.g. ConnectionStrings:SalesCoach=Host=db.example.com;Database=salescoach;Username=salescoach;Password=....")]
    public void Describe_BadConnectionString_OneSentenceWithAnExample(DatabaseProvider provider, string connectionString, string expected)
    {
        var result = new DatabaseOptionsValidator().Validate(null, new DatabaseOptions { Provider = provider, ConnectionString = connectionString });

        var sentence = SettingsErrorMessage.Describe(new OptionsValidationException("", typeof(DatabaseOptions), result.Failures));

        Assert.Equal("SalesCoachBot cannot start: " + expected, sentence);
        Assert.DoesNotContain("hunter2", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_UnknownProvider_ListsTheProviders()
    {
        var error = new InvalidOperationException(
            "Failed to convert configuration value at 'Database:Provider' to type 'SalesCoachBot.Data.DatabaseProvider'.",
            new FormatException("Oracle is not a valid value for DatabaseProvider."));

        Assert.Equal(
            "SalesCoachBot cannot start: Database:Provider must be one of Sqlite, Postgres, e.g. Database:Provider=Sqlite.",
            SettingsErrorMessage.Describe(error));
    }

    [Fact]
    public void Describe_SeveralOptionsFail_OneLineWithEveryReason()
    {
        var error = new AggregateException(
            new OptionsValidationException("", typeof(object), ["Bot:ClientSecret is required when Bot:AppId is set: give it\nnow"]),
            new OptionsValidationException("", typeof(object), ["Exports:SigningKey must be set."]));

        Assert.Equal(
            "SalesCoachBot cannot start: Bot:ClientSecret is required when Bot:AppId is set: give it now. Exports:SigningKey must be set.",
            SettingsErrorMessage.Describe(error));
    }

    [Fact]
    public void Describe_OtherError_IsNotASettingsError()
    {
        Assert.Null(SettingsErrorMessage.Describe(new InvalidOperationException("The database is locked.")));
        Assert.Null(SettingsErrorMessage.Describe(new AggregateException(
            new OptionsValidationException("", typeof(object), ["X must be set."]), new IOException("disk full"))));
    }

    [Fact]
    public async Task Start_UnknownProvider_TheRealAppFailsWithTheBinderError()
    {
        await using var app = new SalesCoachBotApplication();
        app.Settings["Database:Provider"] = "Oracle";

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Equal(
            "SalesCoachBot cannot start: Database:Provider must be one of Sqlite, Postgres, e.g. Database:Provider=Sqlite.",
            SettingsErrorMessage.Describe(error));
    }

    [Theory]
    [InlineData("Database__Provider", "Oracle", "Database:Provider must be one of Sqlite, Postgres")]
    [InlineData("ConnectionStrings__SalesCoach", "data/x.db", "ConnectionStrings:SalesCoach looks like a file path")]
    public async Task Process_BadSetting_PrintsOneLineAndExits1(string variable, string value, string expected)
    {
        var workingFolder = Directory.CreateTempSubdirectory("salescoach-settings-");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "SalesCoachBot.dll")])
        {
            WorkingDirectory = workingFolder.FullName,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment[variable] = value;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            workingFolder.Delete(recursive: true);
        }

        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(1, process.ExitCode);
        var line = Assert.Single(lines);
        Assert.StartsWith("SalesCoachBot cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await stdout, StringComparison.Ordinal);
    }
}
