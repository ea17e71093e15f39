namespace Mirage.Http;

internal enum HeadParseOutcome
{
    /// <summary>The request line and headers are all there and well-formed.</summary>
    Complete,
    /// <summary>What arrived so far is well-formed; more is needed.</summary>
    Incomplete,
    /// <summary>The request must be refused with the status the parser gives.</summary>
    Rejected,
}
