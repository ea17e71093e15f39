using System;

namespace Mirage;

/// <summary>
/// The outcome of an operation whose failures are expected (end of stream, not found, no route…):
/// either a value or an error. Devices return these instead of throwing, as MirageOS returns
/// <c>Ok | Error</c>; exceptions are kept for bugs.
/// </summary>
public readonly struct Result<T, TError>
{
    private readonly T _value;
    private readonly TError _error;

    private Result(bool isOk, T value, TError error)
    {
        IsOk = isOk;
        _value = value;
        _error = error;
    }

    public bool IsOk { get; }

    public bool IsError => !IsOk;

    /// <summary>The value; reading it from an error result is a bug and throws.</summary>
    public T Value => IsOk ? _value : throw new InvalidOperationException($"Result is an error: {_error}");

    /// <summary>The error; reading it from a successful result is a bug and throws.</summary>
    public TError Error => IsOk ? throw new InvalidOperationException("Result is not an error") : _error;

    public static Result<T, TError> Ok(T value) => new(true, value, default!);

    public static Result<T, TError> Fail(TError error) => new(false, default!, error);

    public bool TryGetValue(out T value)
    {
        value = _value;
        return IsOk;
    }

    public bool TryGetValue(out T value, out TError error)
    {
        value = _value;
        error = _error;
        return IsOk;
    }

    public override string ToString() => IsOk ? $"Ok({_value})" : $"Error({_error})";
}

/// <summary>Helpers to write <c>Result.Ok(x)</c> and let the error type be inferred at the return site.</summary>
public static class Result
{
    public static Result<Unit, TError> Ok<TError>() => Result<Unit, TError>.Ok(Unit.Value);
}

/// <summary>The value of an operation that returns nothing but may fail.</summary>
public readonly struct Unit : IEquatable<Unit>
{
    public static readonly Unit Value = default;

    public bool Equals(Unit other) => true;

    public override bool Equals(object? obj) => obj is Unit;

    public override int GetHashCode() => 0;

    public override string ToString() => "()";
}
