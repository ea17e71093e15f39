using System;
using System.Collections.Generic;
using System.Text;

namespace Mirage.Boot;

/// <summary>
/// The device parameters in force for this boot: build-time defaults overridden by
/// <c>device.param=value</c> words (on unix as <c>--device.param=value</c> command-line arguments,
/// on Xen from the domain's command line). Parsing is all-or-nothing: a malformed or unknown
/// word stops the boot with a message naming it.
/// </summary>
public sealed class BootArguments
{
    private readonly Dictionary<string, string?> _values;
    private readonly Dictionary<string, BootParameter> _parameters;
    private readonly HashSet<string> _overridden;

    private BootArguments(Dictionary<string, BootParameter> parameters, Dictionary<string, string?> values, HashSet<string> overridden)
    {
        _parameters = parameters;
        _values = values;
        _overridden = overridden;
    }

    /// <summary>
    /// Where relative build-time defaults of <c>path</c> parameters point: the platform sets it (on unix,
    /// the application's directory, where the build copied them). Paths given at boot are used as given.
    /// </summary>
    public static string? DefaultPathBase { get; set; }

    /// <summary>
    /// Parses <paramref name="words"/>. Each must be <c>{prefix}device.param=value</c>; <c>{prefix}help</c> asks for
    /// <see cref="Usage"/> (reported as <see cref="BootParseOutcome.HelpRequested"/>).
    /// </summary>
    public static BootParseOutcome Parse(IReadOnlyList<string> words, IReadOnlyList<BootParameter> parameters, string prefix, out BootArguments? arguments, out string message)
    {
        arguments = null;
        message = "";
        var known = new Dictionary<string, BootParameter>(StringComparer.Ordinal);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var overridden = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            known[parameter.Key] = parameter;
            values[parameter.Key] = parameter.DefaultValue;
        }

        foreach (string word in words)
        {
            if (word == prefix + "help" || (prefix.Length > 0 && word == "-h"))
                return BootParseOutcome.HelpRequested;
            if (!word.StartsWith(prefix, StringComparison.Ordinal) || word.Length == prefix.Length)
            {
                message = $"unexpected argument '{word}': boot arguments are {prefix}<device>.<parameter>=<value>";
                return BootParseOutcome.Error;
            }
            string body = word.Substring(prefix.Length);
            int equals = body.IndexOf('=');
            if (equals < 0)
            {
                message = $"argument '{word}' has no value: write {prefix}{body}=<value>";
                return BootParseOutcome.Error;
            }
            string key = body.Substring(0, equals), value = body.Substring(equals + 1);
            if (!known.TryGetValue(key, out var parameter))
            {
                message = key.IndexOf('.') < 0
                    ? $"argument '{word}': '{key}' is not <device>.<parameter>"
                    : $"unknown parameter '{key}' in argument '{word}' (see {prefix}help)";
                return BootParseOutcome.Error;
            }
            if (!ParameterSyntax.TryCheck(parameter.Type, value, out string expected))
            {
                message = $"argument '{word}': {key} must be {expected}, not '{value}'";
                return BootParseOutcome.Error;
            }
            values[key] = value;
            overridden.Add(key);
        }

        foreach (var parameter in parameters)
        {
            if (parameter.Required && values[parameter.Key] is null)
            {
                message = $"missing required parameter {prefix}{parameter.Key}=<{parameter.Type}>";
                return BootParseOutcome.Error;
            }
        }
        arguments = new BootArguments(known, values, overridden);
        return BootParseOutcome.Ok;
    }

    /// <summary>The text printed for <c>--help</c>.</summary>
    public static string Usage(string program, IReadOnlyList<BootParameter> parameters, string prefix)
    {
        var text = new StringBuilder();
        text.Append("Usage: ").Append(program).Append(" [").Append(prefix).Append("<device>.<parameter>=<value>]...\n");
        if (parameters.Count == 0)
        {
            text.Append("This unikernel has no device parameters.\n");
            return text.ToString();
        }
        text.Append("Device parameters:\n");
        int width = 0;
        foreach (var p in parameters) width = Math.Max(width, prefix.Length + p.Key.Length + p.Type.Length + 3);
        foreach (var p in parameters)
        {
            string left = prefix + p.Key + "=<" + p.Type + ">";
            text.Append("  ").Append(left).Append(' ', width - left.Length + 2).Append(p.Description);
            if (p.DefaultValue is not null) text.Append(" (default: ").Append(p.DefaultValue.Length == 0 ? "\"\"" : p.DefaultValue).Append(')');
            else if (p.Required) text.Append(" (required)");
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The raw text of a parameter, or null when it has no value.</summary>
    public string? GetText(string device, string name)
    {
        string key = device + "." + name;
        if (!_parameters.ContainsKey(key)) throw new ArgumentException($"no parameter {key} is declared");
        return _values[key];
    }

    /// <summary>Whether the parameter was given a value (by default or at boot).</summary>
    public bool Has(string device, string name) => GetText(device, name) is not null;

    private string Require(string device, string name) =>
        GetText(device, name) ?? throw new InvalidOperationException($"parameter {device}.{name} has no value");

    public string GetString(string device, string name) => Require(device, name);

    /// <summary>Whether the value was given at boot rather than being the build-time default.</summary>
    public bool IsOverridden(string device, string name) => _overridden.Contains(device + "." + name);

    public string GetPath(string device, string name)
    {
        string path = Require(device, name);
        bool relative = path.Length > 0 && path[0] != '/' && !(path.Length > 1 && path[1] == ':');
        if (!relative || IsOverridden(device, name) || DefaultPathBase is not { } basePath) return path;
        return basePath.EndsWith("/", StringComparison.Ordinal) || basePath.EndsWith("\\", StringComparison.Ordinal) ? basePath + path : basePath + "/" + path;
    }

    public int GetInt(string device, string name)
    {
        ParameterSyntax.TryParseInt(Require(device, name), out int value);
        return value;
    }

    public bool GetBool(string device, string name)
    {
        ParameterSyntax.TryParseBool(Require(device, name), out bool value);
        return value;
    }

    public ushort GetPort(string device, string name)
    {
        ParameterSyntax.TryParsePort(Require(device, name), out ushort value);
        return value;
    }

    public Mirage.Devices.Ipv4Address GetIpv4(string device, string name) => Mirage.Devices.Ipv4Address.Parse(Require(device, name));


    public Mirage.Devices.Ipv4Cidr GetIpv4Cidr(string device, string name) => Mirage.Devices.Ipv4Cidr.Parse(Require(device, name));


    public Mirage.Devices.MacAddress GetMac(string device, string name)
    {
        Mirage.Devices.MacAddress.TryParse(Require(device, name), out var mac);
        return mac;
    }
}

public enum BootParseOutcome
{
    Ok,
    HelpRequested,
    Error,
}
