using System.Security.Claims;
using BaoPhu.Compliance.Contracts;
using BaoPhu.Platform.Security;
using static BaoPhu.Platform.Text.Localized;

namespace BaoPhu.Compliance.Domain;

/// <summary>How states, kinds and case steps read, in the request's language or the one asked for.</summary>
internal static class FindingText
{
    public static string State(FindingState state, bool vietnamese) => Pick(vietnamese, StateNames(state));

    public static string State(FindingState state) => T(StateNames(state).Vi, StateNames(state).En);

    public static string Kind(string kind) => kind switch
    {
        FindingKinds.UnregisteredEmployer => T("Chưa đăng ký tham gia BHXH", "Not registered for SI"),
        FindingKinds.HeadcountGap => T("Có thu nhập chịu thuế, không đóng BHXH bắt buộc", "Taxed income, no compulsory SI"),
        FindingKinds.UninsuredWorker => T("Người lao động không tham gia BHXH", "Worker without any SI"),
        FindingKinds.PayrollGap => T("Quỹ lương thuế cao hơn quỹ lương đóng BHXH", "Tax payroll above insured wages"),
        FindingKinds.WageBelowFloor => T("Tiền lương đóng thấp hơn mức tối thiểu", "Insured wage below the floor"),
        FindingKinds.LatePayment => T("Chậm đóng", "Late payment"),
        FindingKinds.Evasion => T("Trốn đóng", "Evasion"),
        FindingKinds.ClosedWithArrears => T("Giải thể, ngừng, bỏ trốn còn nợ", "Closed with arrears"),
        _ => kind,
    };

    public static string Step(CaseStepKind kind) => kind switch
    {
        CaseStepKind.Inspection => T("Thanh tra, kiểm tra", "Inspection"),
        CaseStepKind.Violation => T("Biên bản vi phạm", "Violation recorded"),
        CaseStepKind.Fine => T("Quyết định xử phạt", "Fine"),
        CaseStepKind.Recovery => T("Thu hồi số tiền nợ", "Amount recovered"),
        CaseStepKind.Lawsuit => T("Công đoàn khởi kiện", "Lawsuit by the trade union"),
        CaseStepKind.CriminalReferral => T("Chuyển cơ quan điều tra", "Criminal referral"),
        _ => kind.ToString(),
    };

    /// <summary>An agency's name (<see cref="Agencies"/>) in the request's language; "" for none.</summary>
    public static string Agency(string? code) =>
        Agencies.All.FirstOrDefault(a => a.Code == code) is { } agency ? T(agency.NameVi, agency.NameEn) : code ?? "";

    /// <summary>The business registry's status of an employer (<c>Active</c>, <c>Suspended</c>, <c>Dissolved</c>, <c>Absconded</c>).</summary>
    public static string EmployerStatus(string? status) => status switch
    {
        "Active" => T("Đang hoạt động", "Active"),
        "Suspended" => T("Tạm ngừng kinh doanh", "Suspended"),
        "Dissolved" => T("Giải thể", "Dissolved"),
        "Absconded" => T("Chủ bỏ trốn", "Owner absconded"),
        null => "",
        _ => status,
    };

    /// <summary>
    /// A finding's amount as this user may see it: a person's income or wage is personal data
    /// (<see cref="PersonalDataAccess"/>); an employer's arrears or payroll gap is not.
    /// </summary>
    public static string Amount(ClaimsPrincipal? user, Finding finding) =>
        finding.Amount is not { } amount ? ""
        : FindingKinds.IsAboutPerson(finding.Kind) ? PersonalDataAccess.Amount(user, amount)
        : Count(amount);

    /// <summary>The same for an Excel cell: a number where it may be seen, so sums work.</summary>
    public static object? AmountCell(ClaimsPrincipal? user, Finding finding) =>
        FindingKinds.IsAboutPerson(finding.Kind) ? PersonalDataAccess.AmountCell(user, finding.Amount) : finding.Amount;

    /// <summary>"2025-03" as 03/2025, "2025" as it is, "" as a dash.</summary>
    public static string Period(string period) => period switch
    {
        { Length: 7 } => $"{period[5..]}/{period[..4]}",
        "" => "—",
        _ => period,
    };

    private static string Pick(bool vietnamese, (string Vi, string En) names) => vietnamese ? names.Vi : names.En;

    private static (string Vi, string En) StateNames(FindingState state) => state switch
    {
        FindingState.New => ("Mới", "New"),
        FindingState.UnderReview => ("Đang xem xét", "Under review"),
        FindingState.Confirmed => ("Đã xác nhận", "Confirmed"),
        FindingState.Dismissed => ("Đã bác bỏ", "Dismissed"),
        FindingState.CaseOpened => ("Đã mở hồ sơ", "Case opened"),
        _ => (state.ToString(), state.ToString()),
    };
}
