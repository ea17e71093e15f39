using System;
using Internal.Runtime;

namespace Internal.Runtime.CompilerHelpers
{
    /// <summary>
    /// Hooks the ilc-generated <c>__managed__Main</c> calls around the application's Main. The
    /// arguments of <c>Main(string[] args)</c> are the words of the boot command line (Xen's
    /// <c>extra=</c>), split on spaces; double quotes group words with spaces.
    /// </summary>
    internal static unsafe class StartupCodeHelpers
    {
        internal static void InitializeCommandLineArgs(int argc, sbyte** argv) { }

        internal static void RunModuleInitializers() => ModuleInitializer.RunModuleInitializers();

        internal static string[] GetMainMethodArguments() => CommandLine.Split(Platform.Platform.CommandLine());
    }

    internal static unsafe class CommandLine
    {
        /// <summary>Splits NUL-terminated UTF-8 <paramref name="text"/> into words (see <see cref="StartupCodeHelpers"/>).</summary>
        internal static string[] Split(byte* text)
        {
            int length = 0;
            while (text[length] != 0) length++;
            string line = System.Text.Encoding.UTF8.GetString(text, length);
            int count = 0;
            ForEachWord(line, null, ref count);
            string[] words = new string[count];
            count = 0;
            ForEachWord(line, words, ref count);
            return words;
        }

        private static void ForEachWord(string line, string[] words, ref int count)
        {
            char* buffer = stackalloc char[line.Length + 1];
            int used = 0;
            bool inWord = false, quoted = false;
            for (int i = 0; i <= line.Length; i++)
            {
                char c = i < line.Length ? line[i] : ' ';
                if (c == '"') { quoted = !quoted; inWord = true; continue; }
                if ((c == ' ' || c == '\t' || c == '\n') && (!quoted || i == line.Length))
                {
                    if (inWord)
                    {
                        if (words != null) words[count] = new string(buffer, 0, used);
                        count++;
                        used = 0;
                        inWord = false;
                    }
                    continue;
                }
                buffer[used++] = c;
                inWord = true;
            }
        }
    }
}

namespace System.Runtime.CompilerServices
{
    /// <summary>Runs a class's static constructor on first access (ilc calls these by name).</summary>
    internal static unsafe class ClassConstructorRunner
    {
        private static IntPtr CheckStaticClassConstructionReturnNonGCStaticBase(ref StaticClassConstructionContext context, IntPtr nonGcStaticBase)
        {
            EnsureClassConstructorRun(ref context);
            return nonGcStaticBase;
        }

        private static object CheckStaticClassConstructionReturnGCStaticBase(ref StaticClassConstructionContext context, object gcStaticBase)
        {
            EnsureClassConstructorRun(ref context);
            return gcStaticBase;
        }

        private static object CheckStaticClassConstructionReturnThreadStaticBase(ref StaticClassConstructionContext context, object threadStaticBase)
        {
            EnsureClassConstructorRun(ref context);
            return threadStaticBase;
        }

        // One thread: clear the pointer before running so that a cctor that touches its own
        // statics (directly or through a cycle) does not recurse, as .NET's semantics require.
        internal static void EnsureClassConstructorRun(ref StaticClassConstructionContext context)
        {
            IntPtr constructor = context.cctorMethodAddress;
            if (constructor == IntPtr.Zero) return;
            context.cctorMethodAddress = IntPtr.Zero;
            ((delegate*<void>)constructor)();
        }
    }

    internal struct StaticClassConstructionContext
    {
        public IntPtr cctorMethodAddress;
    }
}
