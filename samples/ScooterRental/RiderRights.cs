using Policies.Eleven;
using PolicyCompiler.Runtime;

namespace ScooterRental;

/// <summary>
/// The rights the policy grants, implemented: a right the policy adds is a new interface member, and the
/// sample stops compiling until it is implemented here.
/// </summary>
public sealed class RiderRights(TextWriter log) : IElevenRights
{
    public void Access(RightRequest request) => Handle("access", request);

    public void Complaint(RightRequest request) => Handle("complaint", request);

    public void Erasure(RightRequest request) => Handle("erasure", request);

    public void Objection(RightRequest request) => Handle("objection", request);

    public void Rectification(RightRequest request) => Handle("rectification", request);

    public void Restriction(RightRequest request) => Handle("restriction", request);

    // §9.3.2: withdrawing consent blocks the account; §9.3.3: withdrawing it for marketing stops the marketing.
    public void WithdrawConsent(RightRequest request) => Handle("consent withdrawal (the account is blocked)", request);

    public void WithdrawConsentForMarketing(RightRequest request) => Handle("consent withdrawal for marketing", request);

    private void Handle(string right, RightRequest request) => log.WriteLine($"{right} requested by {request.SubjectId} via {request.Channel}");
}
