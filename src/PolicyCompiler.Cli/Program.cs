using System;
using PolicyCompiler.Cli;

return PolicycApp.Run(args, Console.OpenStandardInput(), Console.Out, Console.Error);
