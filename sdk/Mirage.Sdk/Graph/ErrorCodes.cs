namespace Mirage.Sdk.Graph;

/// <summary>
/// The stable codes of every error the SDK reports. Codes are never reused or renumbered:
/// users search for them, and docs/errors.md explains each one.
/// </summary>
public static class ErrorCodes
{
    public const string UnknownTarget = "MIR0001";
    public const string TargetNotAvailable = "MIR0002";
    public const string DuplicateDevice = "MIR0003";
    public const string UnknownKind = "MIR0004";
    public const string NoImplementationForTarget = "MIR0005";
    public const string UnknownLinkedDevice = "MIR0006";
    public const string LinkKindMismatch = "MIR0007";
    public const string UnresolvedLink = "MIR0008";
    public const string DependencyCycle = "MIR0009";
    public const string UnknownParameter = "MIR0010";
    public const string ParameterTypeMismatch = "MIR0011";
    public const string MissingRequiredParameter = "MIR0012";
    public const string UnknownJobDevice = "MIR0013";
    public const string InvalidJobType = "MIR0014";
    public const string MalformedCatalogEntry = "MIR0015";
    public const string InvalidDeviceName = "MIR0016";
    public const string JobConstructorMismatch = "MIR0017";
    public const string JobTypeNotFound = "MIR0018";
    public const string JobStartMissing = "MIR0019";
    public const string UnknownImplementation = "MIR0020";
    public const string AmbiguousImplementation = "MIR0021";
    public const string EmbeddedDirectoryMissing = "MIR0022";
    public const string MissingCoreLibraryMember = "MIR0030";
    public const string MissingCoreLibraryType = "MIR0031";
    public const string UnreadableAssembly = "MIR0032";
    public const string LinkToolMissing = "MIR0033";
    public const string XenDeviceParameter = "MIR0040";
}
