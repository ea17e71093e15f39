using Microsoft.VisualStudio.TestTools.UnitTesting;

// Builds share the package cache and two cores; running them one at a time is faster and steadier.
[assembly: DoNotParallelize]
