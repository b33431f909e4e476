using System.CommandLine;
using BaoPhu.Platform.Security;
using BaoPhu.Platform.Time;
using BaoPhu.Units.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Cli;

internal static class UsersCommands
{
    public const string PasswordVariable = "BAOPHU_NEW_USER_PASSWORD";

    public static Command Create(CliContext context) => new("users", "Người dùng / users") { Add(context) };

    private static Command Add(CliContext context)
    {
        var userName = new Option<string>("--user") { Description = "Tên đăng nhập / user name", Required = true };
        var fullName = new Option<string>("--name") { Description = "Họ tên / full name", Required = true };
        var role = new Option<string>("--role") { Description = "Vai trò / role", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All.Select(r => r.Code)]);
        var agency = new Option<string>("--agency") { Description = "Cơ quan / agency", Required = true };
        agency.AcceptOnlyFromAmong([.. Agencies.All.Select(a => a.Code)]);
        var unit = new Option<string?>("--unit") { Description = "Mã đơn vị phạm vi (bỏ trống: toàn quốc) / scope unit code (none: whole country)" };
        var on = new Option<DateOnly?>("--on") { Description = "Ngày để xác định mã đơn vị / date the unit code is read on" };
        var command = new Command("add", $"Thêm người dùng; mật khẩu lấy từ biến {PasswordVariable} / add a user; password from {PasswordVariable}")
        {
            userName, fullName, role, agency, unit, on,
        };
        command.SetAction((parse, cancellationToken) => context.RunAsync(async (services, ct) =>
        {
            var password = Environment.GetEnvironmentVariable(PasswordVariable);
            if (string.IsNullOrEmpty(password))
            {
                throw new CliException($"Đặt mật khẩu vào biến môi trường {PasswordVariable} / set the password in {PasswordVariable}.");
            }

            Guid? unitId = null;
            if (parse.GetValue(unit) is { Length: > 0 } code)
            {
                var date = parse.GetValue(on) ?? services.GetRequiredService<TimeProvider>().Today();
                unitId = (await services.GetRequiredService<IUnitDirectory>().FindAsync(code, date, ct)
                    ?? throw new CliException($"Không có đơn vị mã {code} vào ngày {date:dd/MM/yyyy} / no unit {code} on {date:yyyy-MM-dd}")).Id;
            }

            var created = await services.GetRequiredService<UserAdministration>().CreateAsync(
                new NewUser(parse.GetValue(userName)!, parse.GetValue(fullName)!, parse.GetValue(role)!, parse.GetValue(agency)!, unitId), password);
            await context.Output.WriteLineAsync(CliJson.Serialize(new { created.Id, created.UserName }));
            return 0;
        }, cancellationToken));
        return command;
    }
}
