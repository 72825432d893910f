using System.Text.Json;
using SalesCoachBot.Data;
using SalesCoachBot.Features.Admin;
using SalesCoachBot.Scheduling;
using SalesCoachBot.Testing;

namespace SalesCoachBot.Tests.Scheduling;

/// <summary>appsettings.sample.json lists every Scheduling and Admin option (as SampleSettingsTests does for the others).</summary>
public sealed class SchedulingSettingsTests
{
    [Theory]
    [InlineData(SchedulingOptions.SectionName, typeof(SchedulingOptions))]
    [InlineData(AdminOptions.SectionName, typeof(AdminOptions))]
    public void Sample_ListsEveryOption(string section, Type options)
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestRequirements.RepositoryRoot(), "appsettings.sample.json")));
        var documented = sample.RootElement.GetProperty(section).EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var undocumented = options.GetProperties().Where(p => p.CanWrite && !documented.Contains(p.Name)).Select(p => p.Name);

        Assert.Empty(undocumented);
    }

    [Fact]
    public void SqlitePath_Default_IsBesideTheAppDatabase()
    {
        var database = new DatabaseOptions { ConnectionString = "Data Source=/srv/bot/data/salescoach.db", ContentRootPath = "/srv/bot" };

        Assert.Equal("/srv/bot/data/hangfire.db", JobStorageFactory.SqlitePath(new SchedulingOptions(), database));
        Assert.Equal("/srv/bot/jobs/h.db", JobStorageFactory.SqlitePath(new SchedulingOptions { SqlitePath = "jobs/h.db" }, database));
    }
}
