using System;
using System.Collections.Generic;
using System.Text;

namespace Mirage.Http.Tests.Infrastructure;

/// <summary>A response as a client received it.</summary>
internal sealed class TestResponse
{
    public TestResponse(string head, byte[] body)
    {
        Head = head;
        Body = body;
        string[] lines = head.Split("\r\n");
        StatusLine = lines[0];
        StatusCode = int.Parse(lines[0].Substring(9, 3));
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            int colon = lines[i].IndexOf(':');
            Headers.Add(new KeyValuePair<string, string>(lines[i].Substring(0, colon), lines[i].Substring(colon + 1).Trim()));
        }
    }

    /// <summary>Status line and headers, each line ending in CRLF, and the final empty line.</summary>
    public string Head { get; }

    public string StatusLine { get; }

    public int StatusCode { get; }

    public List<KeyValuePair<string, string>> Headers { get; } = new();

    public byte[] Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name)
    {
        foreach (var header in Headers)
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)) return header.Value;
        return null;
    }

    public override string ToString() => Head + BodyText;
}
