using Microsoft.VisualStudio.TestTools.UnitTesting;

// BootArguments.DefaultPathBase is process-wide state that some tests set, so tests run one at a time.
[assembly: DoNotParallelize]
