using System;
using PolicyCompiler.Cli;

return PolicycApp.Run(args, Console.Out, Console.Error);
