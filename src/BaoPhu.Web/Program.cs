using BaoPhu.Web;

var app = BaoPhuWebApp.Build(args);
await BaoPhuWebApp.PrepareAsync(app, Console.Out, CancellationToken.None);
await app.RunAsync();
