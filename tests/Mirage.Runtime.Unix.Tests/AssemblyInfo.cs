using Microsoft.VisualStudio.TestTools.UnitTesting;

// UnixPlatform tests redirect the process's Console.Out and Console.Error, so tests run one at a time.
[assembly: DoNotParallelize]
