using System;
using System.Collections.Generic;
using Sprache;

namespace PolicyCompiler.Text;

/// <summary>
/// A successful token and the input after it, in one object. Successful tokens are most of the parser's
/// results, and Sprache's own result plus a new input made two allocations of each.
/// </summary>
internal sealed class TokenResult<T> : SourceInput, IResult<T>
{
    public TokenResult(T value, SourceInput at, int tokenEnd, int next)
        : base(at.SourceText, at.Context, next, tokenEnd)
    {
        Value = value;
    }

    public T Value { get; }

    public bool WasSuccessful => true;

    public string Message => string.Empty;

    public IEnumerable<string> Expectations => Array.Empty<string>();

    public IInput Remainder => this;
}
