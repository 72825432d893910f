using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SalesCoachBot.Hosting;

/// <summary>
/// Start-up with wrong settings ends with one sentence on stderr naming the setting and an example value, and exit code
/// 1, instead of an unhandled exception and its stack trace.
/// </summary>
internal static class SettingsErrorHostingExtensions
{
    /// <summary>Set by the test host, which expects the exception itself (WebApplicationFactory reads it from the entry point).</summary>
    public const string ThrowSettingName = "Hosting:ThrowSettingsErrors";

    /// <summary>Runs every ValidateOnStart check now, before the store is migrated and the host logs its own start failure.</summary>
    public static void ValidateSettings(this WebApplication app) =>
        app.Services.GetService<IStartupValidator>()?.Validate();

    /// <summary>Writes the sentence for a settings error and returns true; false (let it fly) for any other error.</summary>
    public static bool ExplainSettingsError(this WebApplication app, Exception error, TextWriter output)
    {
        if (app.Configuration.GetValue<bool>(ThrowSettingName) || SettingsErrorMessage.Describe(error) is not { } sentence)
        {
            return false;
        }

        output.WriteLine(sentence);
        return true;
    }
}

/// <summary>Turns the exceptions wrong settings cause into one line; null for anything else.</summary>
internal static partial class SettingsErrorMessage
{
    private const string Prefix = "SalesCoachBot cannot start: ";

    public static string? Describe(Exception error)
    {
        var reasons = Reasons(error).ToList();
        return reasons.Count == 0 || reasons.Contains(null)
            ? null
            : Prefix + string.Join(" ", reasons.Select(OneLine));
    }

    private static IEnumerable<string?> Reasons(Exception error) => error switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Reasons),
        OptionsValidationException invalid => invalid.Failures.Select(f => f.TrimEnd() is var line && line.EndsWith('.') ? line : line + "."),
        InvalidOperationException conversion when FailedConversion().Match(conversion.Message) is { Success: true } match =>
            [Conversion(match.Groups["path"].Value, match.Groups["type"].Value)],
        _ => [null],
    };

    // The binder's message names the setting and the type but (since .NET 8) not the value, which may be a secret.
    private static string Conversion(string path, string typeName)
    {
        var type = typeof(SettingsErrorMessage).Assembly.GetType(typeName)
            ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName)).FirstOrDefault(t => t is not null);
        if (type is { IsEnum: true })
        {
            var names = Enum.GetNames(type);
            return $"{path} must be one of {string.Join(", ", names)}, e.g. {path}={names[0]}.";
        }

        return $"{path} cannot be read as {type?.Name ?? typeName}: check its spelling and format, e.g. 00:05:00 for a time span or true for a switch.";
    }

    private static string OneLine(string? text) => LineBreaks().Replace(text!, " ");

    [GeneratedRegex(@"Failed to convert configuration value (?:'.*' )?at '(?<path>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex FailedConversion();

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex LineBreaks();
}
