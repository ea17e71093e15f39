using System.Text;

namespace Mirage.Sdk.Graph;

/// <summary>How names in the project file become boot keys and C# identifiers.</summary>
public static class Naming
{
    private static readonly string[] CSharpKeywords =
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        "boot", "args",
    };

    /// <summary><c>HeaderLimit</c> → <c>header-limit</c>; <c>Ipv4</c> → <c>ipv4</c>.</summary>
    public static string ToKebabCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && !char.IsUpper(name[i - 1])) text.Append('-');
                text.Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }

    /// <summary>A device name (<c>my-net</c>) as a C# local (<c>myNet</c>), escaped away from keywords and generated names.</summary>
    public static string ToIdentifier(string deviceName)
    {
        var text = new StringBuilder(deviceName.Length);
        bool upper = false;
        foreach (char c in deviceName)
        {
            if (c == '-')
            {
                upper = true;
                continue;
            }
            text.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        string identifier = text.ToString();
        return System.Array.IndexOf(CSharpKeywords, identifier) >= 0 ? identifier + "Device" : identifier;
    }

    /// <summary>Device names: lowercase letters, digits and hyphens, starting with a letter (they become boot keys and identifiers).</summary>
    public static bool IsValidDeviceName(string name)
    {
        if (name.Length == 0 || name[0] < 'a' || name[0] > 'z' || name[name.Length - 1] == '-') return false;
        foreach (char c in name)
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
        return name.IndexOf("--", System.StringComparison.Ordinal) < 0;
    }

    /// <summary>A dotted C# type name: identifiers separated by dots.</summary>
    public static bool IsValidTypeName(string name)
    {
        if (name.Length == 0) return false;
        foreach (string part in name.Split('.'))
        {
            if (part.Length == 0 || !(char.IsLetter(part[0]) || part[0] == '_')) return false;
            foreach (char c in part)
                if (!(char.IsLetterOrDigit(c) || c == '_')) return false;
        }
        return true;
    }
}
