using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SalesCoachBot.Teams.Activities;
using SalesCoachBot.Testing;
using SalesCoachBot.Tests.Features.Help;
using Xunit.Abstractions;

namespace SalesCoachBot.Tests.Cards;

/// <summary>Checks the cards with the official Adaptive Cards renderer library (npm adaptivecards, run by tests/cards/validate.mjs).</summary>
public sealed class CardRendererTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("salescoach-cards-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static string CardsPackage => Path.Combine(TestRequirements.RepositoryRoot(), "tests", "cards");

    private static void RequireRenderer() =>
        TestRequirements.SkipOrFailUnless(Directory.Exists(Path.Combine(CardsPackage, "node_modules", "adaptivecards")), "run npm ci in tests/cards");

    private async Task<(int ExitCode, JsonNode Report)> ValidateAsync()
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = CardsPackage,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("validate.mjs");
        start.ArgumentList.Add(_folder.FullName);

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            TestRequirements.SkipOrFailUnless(false, "node (20) is not on PATH");
            throw;
        }

        using (process)
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            output.WriteLine(await stderr);
            var text = await stdout;
            output.WriteLine(text);
            return (process.ExitCode, JsonNode.Parse(text)!);
        }
    }

    private void Write(string name, object card) =>
        File.WriteAllText(Path.Combine(_folder.FullName, name + ".json"), JsonSerializer.Serialize(card, BotJson.Options));

    [SkippableFact]
    public async Task EveryCard_ParsedByTheRenderer_HasNoValidationEvents()
    {
        RequireRenderer();
        using var app = FeatureHost.Build();
        var cards = CardCatalog.All(app.Services).ToList();
        foreach (var (name, card) in cards)
        {
            Write(name, card);
        }

        var (exitCode, report) = await ValidateAsync();

        var files = report["files"]!.AsArray();
        Assert.Equal(cards.Count, files.Count);
        var failures = files.Where(f => f!["events"]!.AsArray().Count > 0).Select(f => f!.ToJsonString()).ToList();
        Assert.True(failures.Count == 0, "Renderer events:\n" + string.Join('\n', failures));
        Assert.Equal(0, exitCode);
        Assert.True(report["ok"]!.GetValue<bool>());
        // The charts were seen and let through only because they carry a fallback.
        var accepted = files.Single(f => f!["file"]!.GetValue<string>() == "model.every-element.json")!["accepted"]!.AsArray();
        Assert.Equal(4, accepted.Count);
    }

    [SkippableFact]
    public async Task Validator_BrokenCards_ReportsEveryProblem()
    {
        RequireRenderer();
        // Raw JSON on purpose: the model cannot produce these.
        File.WriteAllText(Path.Combine(_folder.FullName, "chart-without-fallback.json"),
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Chart.Gauge","value":1}]}""");
        File.WriteAllText(Path.Combine(_folder.FullName, "too-new.json"),
            """{"type":"AdaptiveCard","version":"1.6","body":[{"type":"TextBlock","text":"x","size":"huge"}]}""");
        File.WriteAllText(Path.Combine(_folder.FullName, "duplicate-ids.json"),
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","id":"a"},{"type":"Input.Text","id":"a"}]}""");

        var (exitCode, report) = await ValidateAsync();

        Assert.Equal(1, exitCode);
        var events = report["files"]!.AsArray().ToDictionary(
            f => f!["file"]!.GetValue<string>(),
            f => f!["events"]!.AsArray().Select(e => e!["event"]!.GetValue<string>()).ToList());
        Assert.Contains("UnknownElementType", events["chart-without-fallback.json"]);
        Assert.Contains("MissingFallback", events["chart-without-fallback.json"]);
        Assert.Contains("UnsupportedCardVersion", events["too-new.json"]);
        Assert.Contains("InvalidPropertyValue", events["too-new.json"]);
        Assert.Contains("DuplicateId", events["duplicate-ids.json"]);
    }
}
