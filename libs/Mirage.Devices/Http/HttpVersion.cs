namespace Mirage.Devices;

/// <summary>The protocol versions the server speaks; a request in another version is answered 505.</summary>
public enum HttpVersion
{
    Http10,
    Http11,
}
