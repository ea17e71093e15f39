long atMain = System.Diagnostics.Stopwatch.GetTimestamp();
Console.WriteLine($"boot-to-main-ns {atMain}");
return 0;
