namespace Mirage.Boot;

/// <summary>
/// One device parameter as the generated main declares it: its build-time default (from the
/// project's <c>MirageDevice</c> item or the implementation's catalog entry) can be overridden at boot.
/// </summary>
public sealed class BootParameter
{
    public BootParameter(string device, string name, string type, string? defaultValue, bool required, string description)
    {
        Device = device;
        Name = name;
        Type = type;
        DefaultValue = defaultValue;
        Required = required;
        Description = description;
    }

    public string Device { get; }

    /// <summary>The parameter's name in kebab case, as written on the command line (<c>header-limit</c>).</summary>
    public string Name { get; }

    /// <summary>One of <see cref="ParameterSyntax.TypeNames"/>.</summary>
    public string Type { get; }

    /// <summary>The value used when boot arguments do not set it; null when there is none.</summary>
    public string? DefaultValue { get; }

    /// <summary>A required parameter without a default must be given at boot.</summary>
    public bool Required { get; }

    public string Description { get; }

    /// <summary>The key as written at boot: <c>device.name</c>.</summary>
    public string Key => Device + "." + Name;
}
