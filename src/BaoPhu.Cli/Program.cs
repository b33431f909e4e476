using BaoPhu.Cli;

return await CliApp.RunAsync(args, Console.Out, Console.Error, CliApp.DefaultConfiguration(), CancellationToken.None);
