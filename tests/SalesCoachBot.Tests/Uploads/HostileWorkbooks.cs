using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;

namespace SalesCoachBot.Tests.Uploads;

/// <summary>Small XLSX files built to make a naive reader walk or unpack far more than they weigh.</summary>
internal static class HostileWorkbooks
{
    /// <summary>Only A1 and XFD20001 filled: about 6 KB, but its used range is 16,384 columns × 20,001 rows.</summary>
    public static byte[] WideSparse()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Export");
        sheet.Cell("A1").Value = "date";
        sheet.Cell("XFD20001").Value = 1;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>
    /// A real workbook whose first sheet is replaced by a valid start followed by <paramref name="padding"/> bytes of
    /// spaces: packs about a thousand times, the shape of a zip bomb.
    /// </summary>
    public static byte[] ZipBomb(int padding = 20 * 1024 * 1024) =>
        WithSheet(writer =>
        {
            writer.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            var spaces = new string(' ', 64 * 1024);
            for (var written = 0; written < padding; written += spaces.Length)
            {
                writer.Write(spaces);
            }

            writer.Write("</sheetData></worksheet>");
        });

    /// <summary>
    /// <see cref="ZipBomb"/> whose sheet entry says, in its local and central headers, that it unpacks to 1,000 bytes:
    /// a zip that lies to pass the size and ratio checks.
    /// </summary>
    public static byte[] LyingAboutSize()
    {
        var bytes = ZipBomb();
        var name = Encoding.ASCII.GetBytes("xl/worksheets/sheet1.xml");
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            // Local file header: size at 22, name length at 26, name at 30. Central directory header: 24, 28, 46.
            var (sizeAt, nameLengthAt, nameAt) = signature switch
            {
                0x04034b50 => (22, 26, 30),
                0x02014b50 => (24, 28, 46),
                _ => (-1, -1, -1),
            };
            if (sizeAt > 0 && BitConverter.ToUInt16(bytes, i + nameLengthAt) == name.Length && bytes.AsSpan(i + nameAt, name.Length).SequenceEqual(name))
            {
                BitConverter.GetBytes(1000u).CopyTo(bytes, i + sizeAt);
            }
        }

        return bytes;
    }

    /// <summary>A workbook whose first sheet is replaced by what <paramref name="write"/> writes.</summary>
    public static byte[] WithSheet(Action<StreamWriter> write)
    {
        using var workbook = new XLWorkbook();
        workbook.Worksheets.Add("Export").Cell("A1").Value = "date";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            const string name = "xl/worksheets/sheet1.xml";
            archive.GetEntry(name)!.Delete();
            using var writer = new StreamWriter(archive.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
            write(writer);
        }

        return stream.ToArray();
    }

    /// <summary>A real workbook with <paramref name="extra"/> more tiny entries in its zip.</summary>
    public static byte[] ManyEntries(int extra)
    {
        using var workbook = new XLWorkbook();
        workbook.Worksheets.Add("Export").Cell("A1").Value = "date";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            for (var i = 0; i < extra; i++)
            {
                archive.CreateEntry($"customXml/item{i}.xml");
            }
        }

        return stream.ToArray();
    }
}
