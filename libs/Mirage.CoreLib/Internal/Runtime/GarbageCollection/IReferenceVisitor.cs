namespace Internal.Runtime.GarbageCollection
{
    /// <summary>
    /// What a kind of marking does with one reference slot of a live object: a collection's
    /// (<see cref="Marker.CollectionVisitor"/>) or the incremental old-generation cycle's
    /// (<see cref="IncrementalMarking.CycleVisitor"/>). Implemented by field-less structs and
    /// passed as a type argument (<see cref="ReferenceMap"/>), so each gets its own compiled loop
    /// with the call inlined.
    /// </summary>
    internal unsafe interface IReferenceVisitor
    {
        void Visit(byte* holder, nuint* slot);
    }
}
