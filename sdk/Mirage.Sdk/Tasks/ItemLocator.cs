using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;

namespace Mirage.Sdk.Tasks;

/// <summary>
/// Finds the line and column of an item's element in the file that defined it, so that errors
/// point at <c>Website.csproj(7,5)</c> and IDEs can jump there. MSBuild gives tasks the defining
/// file but not the line; we read it back from the XML.
/// </summary>
internal sealed class ItemLocator
{
    private readonly Dictionary<string, List<(string ItemType, string Include, int Line, int Column)>> _files = new(StringComparer.OrdinalIgnoreCase);

    public (int Line, int Column) Locate(string file, string itemType, string spec)
    {
        if (!_files.TryGetValue(file, out var elements))
        {
            elements = Read(file);
            _files[file] = elements;
        }
        foreach (var element in elements)
        {
            if (!string.Equals(element.ItemType, itemType, StringComparison.OrdinalIgnoreCase)) continue;
            foreach (string include in element.Include.Split(';'))
                if (string.Equals(include.Trim(), spec, StringComparison.OrdinalIgnoreCase)) return (element.Line, element.Column);
        }
        return (0, 0);
    }

    private static List<(string, string, int, int)> Read(string file)
    {
        var elements = new List<(string, string, int, int)>();
        if (!File.Exists(file)) return elements;
        try
        {
            using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
            var lineInfo = (IXmlLineInfo)reader;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                string? include = reader.GetAttribute("Include");
                if (include is not null) elements.Add((reader.LocalName, include, lineInfo.LineNumber, lineInfo.LinePosition));
            }
        }
        catch (XmlException)
        {
            // MSBuild already parsed the file; if we cannot, errors just lose their line numbers.
        }
        return elements;
    }
}
