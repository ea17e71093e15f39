namespace Mirage;

/// <summary>Why a device could not be connected at start-up. The generated main prints it with the device's name.</summary>
public readonly record struct DeviceError(string Message)
{
    public override string ToString() => Message;
}
