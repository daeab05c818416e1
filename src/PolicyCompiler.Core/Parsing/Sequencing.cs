using System;
using System.Collections.Generic;
using System.Linq;
using Sprache;

namespace PolicyCompiler.Parsing;

/// <summary>
/// Sprache's choice and repetition combinators, with Sprache's semantics, minus the allocations: Sprache's
/// own build new parsers and closures on every invocation (Select calls Return; XMany and XAtLeastOnce
/// compose fresh parsers; Or allocates a continuation), which made them most of the parser's cost.
/// Sequencing is <see cref="NodeSequence"/>. These run the given parsers directly and allocate only results.
/// They have names of their own (Map for Select, OrElse for Or, Repeated for XMany, …), so that a call says
/// which one it means and Sprache's stay reachable by their names; see Parsing/README.md.
/// </summary>
internal static class Sequencing
{
    public static Parser<TNext> ThenParse<T, TNext>(this Parser<T> parser, Func<T, Parser<TNext>> next) => input =>
    {
        var first = parser(input);
        return first.WasSuccessful
            ? next(first.Value)(first.Remainder)
            : Result.Failure<TNext>(first.Remainder, first.Message, first.Expectations);
    };

    public static Parser<TResult> Map<T, TResult>(this Parser<T> parser, Func<T, TResult> convert) => input =>
    {
        var result = parser(input);
        return result.WasSuccessful
            ? Result.Success(convert(result.Value), result.Remainder)
            : Result.Failure<TResult>(result.Remainder, result.Message, result.Expectations);
    };

    public static Parser<TResult> As<T, TResult>(this Parser<T> parser, TResult value) => parser.Map(_ => value);

    /// <summary>The first parser; if it fails (or succeeds without consuming input), the second.</summary>
    public static Parser<T> OrElse<T>(this Parser<T> first, Parser<T> second) => input =>
    {
        var firstResult = first(input);
        if (firstResult.WasSuccessful && !firstResult.Remainder.Equals(input)) return firstResult;
        var secondResult = second(input);
        if (secondResult.WasSuccessful) return secondResult;
        return firstResult.WasSuccessful ? firstResult : BestError(firstResult, secondResult);
    };

    /// <summary>Like <see cref="OrElse{T}"/>, but a first parser that fails after consuming input is not backtracked.</summary>
    public static Parser<T> XOrElse<T>(this Parser<T> first, Parser<T> second) => input =>
    {
        var firstResult = first(input);
        if (!firstResult.WasSuccessful && !firstResult.Remainder.Equals(input)) return firstResult;
        if (firstResult.WasSuccessful && !firstResult.Remainder.Equals(input)) return firstResult;
        var secondResult = second(input);
        if (secondResult.WasSuccessful) return secondResult;
        return firstResult.WasSuccessful ? firstResult : BestError(firstResult, secondResult);
    };

    /// <summary>Zero or more; an attempt that fails after consuming input is an error, not the end of the list.</summary>
    public static Parser<IEnumerable<T>> Repeated<T>(this Parser<T> parser) => input =>
    {
        var items = new List<T>();
        var rest = input;
        while (true)
        {
            var result = parser(rest);
            if (!result.WasSuccessful)
            {
                return result.Remainder.Equals(rest)
                    ? Result.Success<IEnumerable<T>>(items, rest)
                    : Result.Failure<IEnumerable<T>>(result.Remainder, result.Message, result.Expectations);
            }
            if (result.Remainder.Equals(rest)) return Result.Success<IEnumerable<T>>(items, rest);
            items.Add(result.Value);
            rest = result.Remainder;
        }
    };

    /// <summary>One or more, committed like <see cref="Repeated{T}"/>.</summary>
    public static Parser<IEnumerable<T>> RepeatedAtLeastOnce<T>(this Parser<T> parser)
    {
        var many = parser.Repeated();
        return input =>
        {
            var first = parser(input);
            if (!first.WasSuccessful) return Result.Failure<IEnumerable<T>>(first.Remainder, first.Message, first.Expectations);
            var rest = many(first.Remainder);
            if (!rest.WasSuccessful) return rest;
            var items = (List<T>)rest.Value;
            items.Insert(0, first.Value);
            return Result.Success<IEnumerable<T>>(items, rest.Remainder);
        };
    }

    /// <summary>Sprache's rule: the failure that got further wins; at the same place, both sets of expectations.</summary>
    private static IResult<T> BestError<T>(IResult<T> first, IResult<T> second)
    {
        var order = first.Remainder.Position.CompareTo(second.Remainder.Position);
        if (order > 0) return first;
        if (order < 0) return second;
        return Result.Failure<T>(first.Remainder, first.Message, first.Expectations.Concat(second.Expectations).ToArray());
    }

    /// <summary>An optional item, yielding null when absent; committed: an item that starts and then fails is an error.</summary>
    public static Parser<T?> OrNone<T>(this Parser<T> parser) where T : class => input =>
    {
        var result = parser(input);
        if (result.WasSuccessful) return Result.Success<T?>(result.Value, result.Remainder);
        if (!result.Remainder.Equals(input)) return Result.Failure<T?>(result.Remainder, result.Message, result.Expectations);
        return Result.Success<T?>(null, input);
    };
}
