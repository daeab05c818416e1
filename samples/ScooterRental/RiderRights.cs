using Policies.Eleven;

namespace ScooterRental;

/// <summary>
/// The rights the policy grants, implemented: a right the policy adds is a new interface member, and the
/// sample stops compiling until it is implemented here. What each right entails comes from the policy with
/// the request (<see cref="RightRequest.Terms"/>), not from this code.
/// </summary>
public sealed class RiderRights(TextWriter log) : IElevenRights
{
    public void Access(RightRequest request) => Handle("access", request);

    public void Complaint(RightRequest request) => Handle("complaint", request);

    public void Erasure(RightRequest request) => Handle("erasure", request);

    public void Objection(RightRequest request) => Handle("objection", request);

    public void Rectification(RightRequest request) => Handle("rectification", request);

    public void Restriction(RightRequest request) => Handle("restriction", request);

    // §9.3.2: withdrawing consent blocks the account and ends the contract; §9.3.3: withdrawing it for marketing
    // stops the marketing. The consequences are the policy's: Terms.Consequences lists them.
    public void WithdrawConsent(RightRequest request) => Handle("consent withdrawal", request);

    public void WithdrawConsentForMarketing(RightRequest request) => Handle("consent withdrawal for marketing", request);

    private void Handle(string right, RightRequest request)
    {
        var terms = request.Terms;
        var step = terms.StepOf(request.Channel);
        var channel = step < 0 ? $"{request.Channel}, a channel the policy does not name" : step == 0 ? $"{request.Channel}" : $"{request.Channel} (fallback {step})";
        var consequences = terms.Consequences.Count == 0 ? string.Empty : "; entails " + string.Join(", ", terms.Consequences);
        log.WriteLine($"{right} requested by {request.SubjectId} via {channel}{consequences}");
    }
}
