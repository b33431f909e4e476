using BaoPhu.Feeds.Contracts;

namespace BaoPhu.Registry.Feeds;

/// <summary>The canonical columns shared by several feeds, with the headers agencies commonly give them.</summary>
internal static class Columns
{
    public static readonly FeedColumn Period = new("period", true, "kỳ", "kỳ báo cáo", "tháng");
    public static readonly FeedColumn Year = new("year", true, "năm");
    public static readonly FeedColumn EmployerTaxCode = new("employer_tax_code", true, "mã số thuế đơn vị", "mst đơn vị", "mã số thuế", "mst");
    public static readonly FeedColumn PersonId = new("person_id", true, "số định danh", "số cccd", "cccd", "số định danh cá nhân");
    public static readonly FeedColumn FullName = new("full_name", true, "họ và tên", "họ tên");
    public static readonly FeedColumn BirthDate = new("birth_date", true, "ngày sinh");
    public static readonly FeedColumn CommuneCode = new("commune_code", true, "mã xã", "mã đơn vị hành chính");
    public static readonly FeedColumn Status = new("status", true, "trạng thái", "tình trạng");
    public static readonly FeedColumn ResidenceCommuneCode = new("residence_commune_code", true, "mã xã cư trú", "mã xã nơi cư trú");
}
