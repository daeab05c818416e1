namespace PolicyCompiler.Emit;

/// <summary>
/// The runtime types of consent records (ISO/IEC TS 27560 as DPV writes it, DPV-27560): a record of one person's
/// consent under one consent clause, bound to the notice version it was given under (the policy's id, content hash
/// and effective date), and whether a stored record was given under the notice in force. Emitted with the other
/// runtime types (<see cref="RuntimeEmitter"/>); each policy's guards create its records (<see cref="GuardEmitter"/>).
/// </summary>
internal static class ConsentRecordRuntime
{
    /// <summary>Where the record's JSON-LD says it conforms to: the DPV-27560 record schema.</summary>
    public const string Schema = "https://w3id.org/dpv/schema/dpv-27560#record";

    public static void Emit(CodeWriter w)
    {
        foreach (var line in Code.Split('\n')) w.Line(line);
        w.Line();
    }

    // The JSON is written by hand so that the generated code needs no serializer package; every string goes
    // through Quote, which escapes what could end it, break a line or reorder the text.
    private const string Code = """
/// <summary>Whether a consent record was given under the notice in force.</summary>
public enum ConsentNoticeStatus
{
    /// <summary>Given under the notice in force: the same policy and the same content hash.</summary>
    Current = 0,
    /// <summary>Given under another version of the policy (its text or its legal text differ): ask again before relying on it.</summary>
    OtherVersion = 1,
    /// <summary>Given under another policy.</summary>
    OtherPolicy = 2,
    /// <summary>
    /// Given under another version of the policy whose consent clause is the same: its purposes (and their labels), form,
    /// ways to withdraw, consequences and the paragraphs it cites, word for word. The notice changed elsewhere.
    /// </summary>
    SameClause = 3,
}

/// <summary>A purpose a consent is given for: the policy's name for it and the DPV concept it is mapped to.</summary>
public sealed class ConsentPurpose
{
    /// <summary>Creates a purpose.</summary>
    public ConsentPurpose(string name, string dpvConcept)
    {
        Name = name;
        DpvConcept = dpvConcept;
    }

    /// <summary>The policy's name of the purpose.</summary>
    public string Name { get; }

    /// <summary>The DPV concept above it, as a compact IRI (dpv:Marketing).</summary>
    public string DpvConcept { get; }
}

/// <summary>
/// A record of one person's consent under one consent clause of a policy, in the shape of ISO/IEC TS 27560 as DPV
/// writes it: who, when, for which purposes, under which notice (the policy's id, its content hash and effective
/// date, the clause's citations), and when it was withdrawn, if it was. Store it with the person's data; a record
/// from an earlier version of the policy is recognised by the policy's CheckConsentRecord.
/// </summary>
public sealed class ConsentRecord
{
    private readonly ConsentPurpose[] _purposes;
    private readonly PolicyCitation[] _citations;
    private readonly string[] _legalBases;

    /// <summary>Creates a record; the policy's RecordConsent fills in the clause's terms.</summary>
    public ConsentRecord(global::System.Guid recordId, string subject, global::System.DateTimeOffset givenAt, string policyId, string contentHash, string clauseHash, string? effective,
        string? jurisdiction, string? controller, string consent, string[] legalBases, ConsentPurpose[] purposes, PolicyCitation[] citations, global::System.DateTimeOffset? withdrawnAt = null)
    {
        RecordId = recordId;
        Subject = subject ?? throw new global::System.ArgumentNullException(nameof(subject));
        GivenAt = givenAt;
        PolicyId = policyId ?? throw new global::System.ArgumentNullException(nameof(policyId));
        ContentHash = contentHash ?? throw new global::System.ArgumentNullException(nameof(contentHash));
        ClauseHash = clauseHash ?? throw new global::System.ArgumentNullException(nameof(clauseHash));
        Effective = effective;
        Jurisdiction = jurisdiction;
        Controller = controller;
        Consent = consent ?? throw new global::System.ArgumentNullException(nameof(consent));
        _legalBases = legalBases ?? throw new global::System.ArgumentNullException(nameof(legalBases));
        _purposes = purposes ?? throw new global::System.ArgumentNullException(nameof(purposes));
        _citations = citations ?? throw new global::System.ArgumentNullException(nameof(citations));
        if (withdrawnAt is { } withdrawn && withdrawn < givenAt) throw new global::System.ArgumentOutOfRangeException(nameof(withdrawnAt), "a consent cannot be withdrawn before it was given");
        WithdrawnAt = withdrawnAt;
    }

    /// <summary>The record's identifier.</summary>
    public global::System.Guid RecordId { get; }

    /// <summary>Who gave the consent, as the caller identifies them.</summary>
    public string Subject { get; }

    /// <summary>When the consent was given.</summary>
    public global::System.DateTimeOffset GivenAt { get; }

    /// <summary>The policy the consent was given under.</summary>
    public string PolicyId { get; }

    /// <summary>The policy's content hash (its text and its legal text) when the consent was given: the notice's version.</summary>
    public string ContentHash { get; }

    /// <summary>The hash of the consent clause itself (its purposes, form, withdrawal, consequences and cited paragraphs) when it was given.</summary>
    public string ClauseHash { get; }

    /// <summary>The controller's IRI in the record, where the policy names one.</summary>
    public string? Controller { get; }

    /// <summary>When that version of the policy took effect, as it says; null where it does not.</summary>
    public string? Effective { get; }

    /// <summary>The policy's jurisdiction (a country code), if it names one.</summary>
    public string? Jurisdiction { get; }

    /// <summary>The policy's name of the consent clause.</summary>
    public string Consent { get; }

    /// <summary>The legal bases the consent is, as DPV compact IRIs (eu-gdpr:A6-1-a, and eu-gdpr:A9-2-a for special categories; dpv:Consent).</summary>
    public global::System.Collections.Generic.IReadOnlyList<string> LegalBases => _legalBases;

    /// <summary>The purposes the clause names.</summary>
    public global::System.Collections.Generic.IReadOnlyList<ConsentPurpose> Purposes => _purposes;

    /// <summary>What the clause cites.</summary>
    public global::System.Collections.Generic.IReadOnlyList<PolicyCitation> Citations => _citations;

    /// <summary>When the consent was withdrawn; null while it stands.</summary>
    public global::System.DateTimeOffset? WithdrawnAt { get; }

    /// <summary>The notice's IRI: the policy at the version the consent was given under.</summary>
    public string NoticeIri => "urn:policyc:" + PolicyId + ":notice/" + ContentHash;

    /// <summary>The record with its withdrawal; a consent is withdrawn once, and not before it was given.</summary>
    public ConsentRecord Withdraw(global::System.DateTimeOffset at)
    {
        if (WithdrawnAt is not null) throw new global::System.InvalidOperationException("the consent was withdrawn already");
        return new ConsentRecord(RecordId, Subject, GivenAt, PolicyId, ContentHash, ClauseHash, Effective, Jurisdiction, Controller, Consent, _legalBases, _purposes, _citations, at);
    }

    /// <summary>The record as JSON-LD in DPV terms (DPV-27560), with its context inline.</summary>
    public string ToJson()
    {
        var json = new global::System.Text.StringBuilder();
        json.Append("{\n  \"@context\": {\n");
        json.Append("    \"dpv\": \"https://w3id.org/dpv#\",\n    \"eu-gdpr\": \"https://w3id.org/dpv/legal/eu/gdpr#\",\n    \"loc\": \"https://w3id.org/dpv/loc#\",\n");
        json.Append("    \"dct\": \"http://purl.org/dc/terms/\",\n    \"skos\": \"http://www.w3.org/2004/02/skos/core#\",\n    \"xsd\": \"http://www.w3.org/2001/XMLSchema#\",\n");
        json.Append("    \"pc\": ").Append(Quote("urn:policyc:" + PolicyId + ":")).Append(",\n");
        json.Append("    \"dct:conformsTo\": { \"@type\": \"@id\" },\n    \"dct:created\": { \"@type\": \"xsd:dateTime\" },\n    \"dpv:isIndicatedAtTime\": { \"@type\": \"xsd:dateTime\" },\n");
        json.Append("    \"dpv:hasLegalBasis\": { \"@type\": \"@id\" },\n    \"dpv:hasJurisdiction\": { \"@type\": \"@id\" },\n    \"dpv:hasDataController\": { \"@type\": \"@id\" },\n");
        json.Append("    \"dpv:isIndicatedBy\": { \"@type\": \"@id\" },\n    \"skos:broader\": { \"@type\": \"@id\" }\n  },\n");
        json.Append("  \"@id\": ").Append(Quote("urn:uuid:" + RecordId.ToString("D"))).Append(",\n");
        json.Append("  \"@type\": \"dpv:ConsentRecord\",\n");
        json.Append("  \"dct:identifier\": ").Append(Quote(RecordId.ToString("D"))).Append(",\n");
        json.Append("  \"dct:conformsTo\": \"https://w3id.org/dpv/schema/dpv-27560#record\",\n");
        json.Append("  \"dct:created\": ").Append(Quote(Time(GivenAt))).Append(",\n");
        json.Append("  \"dpv:hasDataSubject\": { \"@type\": \"dpv:DataSubject\", \"dct:identifier\": ").Append(Quote(Subject)).Append(" },\n");
        if (Controller is not null) json.Append("  \"dpv:hasDataController\": ").Append(Quote(Controller)).Append(",\n");
        if (Jurisdiction is not null) json.Append("  \"dpv:hasJurisdiction\": ").Append(Quote("loc:" + Jurisdiction)).Append(",\n");
        json.Append("  \"dpv:hasLegalBasis\": [");
        for (var i = 0; i < _legalBases.Length; i++) json.Append(i == 0 ? "" : ", ").Append(Quote(_legalBases[i]));
        json.Append("],\n");
        json.Append("  \"dpv:hasNotice\": {\n    \"@id\": ").Append(Quote(NoticeIri)).Append(",\n    \"@type\": \"dpv:ConsentNotice\",\n");
        json.Append("    \"dct:identifier\": ").Append(Quote(PolicyId)).Append(",\n    \"dct:hasVersion\": ").Append(Quote(ContentHash));
        if (Effective is not null) json.Append(",\n    \"dct:date\": ").Append(Quote(Effective));
        // The clause is a part of the notice with a version of its own: the same clause in a later notice has the same IRI.
        json.Append(",\n    \"dct:hasPart\": { \"@id\": ").Append(Quote("pc:consent/" + Consent + "/" + ClauseHash)).Append(", \"skos:notation\": ").Append(Quote(Consent)).Append(" }");
        json.Append(",\n    \"dct:bibliographicCitation\": [");
        for (var i = 0; i < Citations.Count; i++) json.Append(i == 0 ? "" : ", ").Append(Quote(Citations[i].ToString()));
        json.Append("]\n  },\n");
        if (Purposes.Count > 0)
        {
            json.Append("  \"dpv:hasProcess\": {\n    \"@type\": \"dpv:Process\",\n    \"dpv:hasPurpose\": [");
            for (var i = 0; i < Purposes.Count; i++)
            {
                json.Append(i == 0 ? "\n" : ",\n").Append("      { \"@id\": ").Append(Quote("pc:purpose/" + Purposes[i].Name))
                    .Append(", \"@type\": \"dpv:Purpose\", \"skos:broader\": ").Append(Quote(Purposes[i].DpvConcept)).Append(" }");
            }
            json.Append("\n    ]\n  },\n");
        }
        json.Append("  \"dpv:hasConsentStatus\": [\n    { \"@type\": \"dpv:ConsentGiven\", \"dpv:isIndicatedBy\": \"dpv:DataSubject\", \"dpv:isIndicatedAtTime\": ").Append(Quote(Time(GivenAt))).Append(" }");
        if (WithdrawnAt is { } withdrawn) json.Append(",\n    { \"@type\": \"dpv:ConsentWithdrawn\", \"dpv:isIndicatedBy\": \"dpv:DataSubject\", \"dpv:isIndicatedAtTime\": ").Append(Quote(Time(withdrawn))).Append(" }");
        json.Append("\n  ]\n}\n");
        return json.ToString();
    }

    private static string Time(global::System.DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", global::System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A JSON string: quotes and backslashes escaped, and every control, format, separator and surrogate character as \uXXXX.</summary>
    private static string Quote(string text)
    {
        var json = new global::System.Text.StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            var category = global::System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c);
            if (c == '"' || c == '\\') json.Append('\\').Append(c);
            else if (c < ' ' || char.IsControl(c) || char.IsSurrogate(c) || category == global::System.Globalization.UnicodeCategory.Format
                     || category == global::System.Globalization.UnicodeCategory.LineSeparator || category == global::System.Globalization.UnicodeCategory.ParagraphSeparator)
                json.Append("\\u").Append(((int)c).ToString("x4", global::System.Globalization.CultureInfo.InvariantCulture));
            else json.Append(c);
        }
        return json.Append('"').ToString();
    }
}
""";
}
