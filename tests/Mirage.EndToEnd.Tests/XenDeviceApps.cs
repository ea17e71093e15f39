using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.EndToEnd.Tests;

/// <summary>The Xen PV device test programs (tests/xen-devices): copied into a workspace and built for a Xen target.</summary>
internal static class XenDeviceApps
{
    public static string CopyTo(UserWorkspace workspace, string app)
    {
        string source = Path.Combine(UserWorkspace.RepositoryRoot, "tests", "xen-devices", app);
        string target = Path.Combine(workspace.Directory, app);
        Directory.CreateDirectory(target);
        foreach (string file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        return target;
    }

    /// <summary>Builds <paramref name="project"/> for <paramref name="target"/> (xen or xen-arm) and returns the image's path.</summary>
    public static string Build(string project, string target)
    {
        var build = UserWorkspace.Dotnet(project, "build", "-p:MirageTarget=" + target);
        Assert.AreEqual(0, build.ExitCode, build.All);
        string name = Path.GetFileName(project);
        return Path.Combine(project, "bin", target, "Debug", "net10.0", name + ".xen");
    }
}
