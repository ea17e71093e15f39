using Microsoft.VisualStudio.TestTools.UnitTesting;

// The engine is stateless; the bulk comparisons run side by side.
[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]
