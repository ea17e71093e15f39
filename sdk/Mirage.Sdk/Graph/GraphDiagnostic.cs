namespace Mirage.Sdk.Graph;

/// <summary>An error found in the device graph, located at the item that causes it.</summary>
public sealed class GraphDiagnostic
{
    public GraphDiagnostic(string code, string message, ProjectItem? item)
    {
        Code = code;
        Message = message;
        Item = item;
    }

    public string Code { get; }

    public string Message { get; }

    /// <summary>The item to blame, or null for errors about the project as a whole.</summary>
    public ProjectItem? Item { get; }

    public override string ToString() =>
        Item is null ? $"error {Code}: {Message}" : $"{Item.File}({Item.Line},{Item.Column}): error {Code}: {Message}";
}
