using System.Text;
using SalesCoachBot.Uploads;

namespace SalesCoachBot.Tests.Uploads;

public sealed class CsvExportTests
{
    [Fact]
    public void Write_FormulaLikeCells_GuardsThemAndQuotesAsNeeded()
    {
        var csv = CsvExport.Write(["name", "note"], [["=SUM(A1)", "+1"], ["Chen, Amy", null], ["-", "@x"]]);

        Assert.Equal("name,note\n\"'=SUM(A1)\",\"'+1\"\n\"Chen, Amy\",\n\"'-\",\"'@x\"\n", csv);
    }

    [Fact]
    public void Write_ThenReadCsv_GivesTheSameCells()
    {
        string?[][] rows = [["=cmd|' /C calc'!A0", "Fay\nFang", "'already quoted", "\tindented"], ["plain", "", "-5", "a\"b"]];

        var sheet = UploadedTable.ReadCsv(Encoding.UTF8.GetBytes(CsvExport.Write(["a", "b", "c", "d"], rows)), new UploadLimits(10));

        Assert.Equal(["a", "b", "c", "d"], sheet.Header);
        Assert.Equal(
            [["=cmd|' /C calc'!A0", "Fay\nFang", "'already quoted", "\tindented"], ["plain", "", "-5", "a\"b"]],
            sheet.Rows.Select(r => new[] { r.Cells["a"], r.Cells["b"], r.Cells["c"], r.Cells["d"] }));
    }
}
