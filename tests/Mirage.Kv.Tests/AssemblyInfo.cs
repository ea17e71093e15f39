using Microsoft.VisualStudio.TestTools.UnitTesting;

// The store is immutable once connected, so tests may run side by side.
[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]
