using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Devices;
using Mirage.Net.Tcp;
using Mirage.Net.Tests.Infrastructure;

namespace Mirage.Net.Tests;

/// <summary>RFC 9293 / RFC 5961 behaviour, segment by segment, against a scripted peer.</summary>
[TestClass]
public sealed class TcpStateMachineTests
{
    private const ushort Port = 80;
    private const ushort PeerPort = 40000;
    private const uint PeerIss = 1_000_000;

    [TestMethod]
    public void SynAckAnnouncesMssWindowScaleAndSack() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        await peer.Stack.Tcp.ListenAsync(Port);
        peer.SendTcp(PeerPort, Port, PeerIss, 0, TcpFlagBits.Syn, options: ScriptedPeer.Options(1460, 7, true));
        SentFrame synAck = (await peer.ReceiveAsync()).Single(f => f.IsTcp);
        Assert.AreEqual(TcpFlagBits.Syn | TcpFlagBits.Ack, synAck.TcpFlags);
        Assert.AreEqual(PeerIss + 1, synAck.Ack);
        byte[] o = synAck.TcpOptions;
        Assert.IsTrue(ContainsOption(o, 2, out int mssAt) && (o[mssAt + 2] << 8 | o[mssAt + 3]) == 1460, "MSS 1460");
        Assert.IsTrue(ContainsOption(o, 3, out int wsAt) && o[wsAt + 2] > 0, "window scale");
        Assert.IsTrue(ContainsOption(o, 4, out _), "SACK permitted");
    });

    [TestMethod]
    public void NoWindowScaleOrSackWhenThePeerDidNotOfferThem() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        await peer.Stack.Tcp.ListenAsync(Port);
        peer.SendTcp(PeerPort, Port, PeerIss, 0, TcpFlagBits.Syn, options: ScriptedPeer.Options(mss: 1000));
        SentFrame synAck = (await peer.ReceiveAsync()).Single(f => f.IsTcp);
        Assert.IsFalse(ContainsOption(synAck.TcpOptions, 3, out _), "RFC 7323: no window scale unless offered");
        Assert.IsFalse(ContainsOption(synAck.TcpOptions, 4, out _), "no SACK unless offered");
    });

    [TestMethod]
    public void PeerMssLimitsSegmentSize() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        ITcpListener listener = (await peer.Stack.Tcp.ListenAsync(Port)).Value;
        uint stackNext = await peer.HandshakeAsync(Port, PeerPort, PeerIss, ScriptedPeer.Options(mss: 536));
        ITcpFlow flow = (await listener.AcceptAsync()).Value;
        await flow.WriteAsync(new byte[5000]);
        List<SentFrame> sent = await peer.ReceiveAsync();
        Assert.IsTrue(sent.Count(f => f.IsTcp && f.Payload.Length > 0) >= 2);
        Assert.IsTrue(sent.All(f => f.Payload.Length <= 536), "segments larger than the peer's MSS");
        Assert.AreEqual(stackNext, sent.First(f => f.Payload.Length > 0).Seq);
    });

    [TestMethod]
    public void ResetAtTheExpectedSequenceNumberResetsTheConnection() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        ITcpListener listener = (await peer.Stack.Tcp.ListenAsync(Port)).Value;
        await peer.HandshakeAsync(Port, PeerPort, PeerIss);
        ITcpFlow flow = (await listener.AcceptAsync()).Value;
        Task<FlowResult> read = flow.ReadAsync(new byte[10]).AsTask();
        peer.SendTcp(PeerPort, Port, PeerIss + 1, 0, TcpFlagBits.Rst);
        await peer.ReceiveAsync();
        Assert.AreEqual(FlowStatus.Reset, (await read).Status);
        Assert.AreEqual(1, peer.Stack.Statistics.Tcp.ResetsReceived);
    });

    [TestMethod]
    public void InWindowResetGetsAChallengeAckAndTheConnectionSurvives() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        ITcpListener listener = (await peer.Stack.Tcp.ListenAsync(Port)).Value;
        uint stackNext = await peer.HandshakeAsync(Port, PeerPort, PeerIss);
        ITcpFlow flow = (await listener.AcceptAsync()).Value;
        peer.SendTcp(PeerPort, Port, PeerIss + 1 + 1000, 0, TcpFlagBits.Rst); // blind reset, in window but not exact
        SentFrame challenge = (await peer.ReceiveAsync()).Single(f => f.IsTcp);
        Assert.AreEqual(TcpFlagBits.Ack, challenge.TcpFlags);
        Assert.AreEqual(PeerIss + 1, challenge.Ack);
        Assert.AreEqual(stackNext, challenge.Seq);
        Assert.AreEqual(1, peer.Stack.Statistics.Tcp.ChallengeAcks);
        // Still usable.
        peer.SendTcp(PeerPort, Port, PeerIss + 1, stackNext, TcpFlagBits.Ack | TcpFlagBits.Psh, payload: new byte[] { 1, 2, 3 });
        await peer.ReceiveAsync();
        FlowResult read = await flow.ReadAsync(new byte[10]);
        Assert.AreEqual(3, read.Count);
    });

    [TestMethod]
    public void ResetOutsideTheWindowIsIgnoredSilently() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        ITcpListener listener = (await peer.Stack.Tcp.ListenAsync(Port)).Value;
        await peer.HandshakeAsync(Port, PeerPort, PeerIss);
        ITcpFlow flow = (await listener.AcceptAsync()).Value;
        peer.SendTcp(PeerPort, Port, PeerIss + 50_000_000, 0, TcpFlagBits.Rst);
        Assert.AreEqual(0, (await peer.ReceiveAsync()).Count);
        Assert.AreEqual(TcpState.Established, ((TcpConnection)flow).State);
    });

    [TestMethod]
    public void SynOnAnEstablishedConnectionGetsAChallengeAck() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        ITcpListener listener = (await peer.Stack.Tcp.ListenAsync(Port)).Value;
        await peer.HandshakeAsync(Port, PeerPort, PeerIss);
        ITcpFlow flow = (await listener.AcceptAsync()).Value;
        peer.SendTcp(PeerPort, Port, PeerIss + 77, 0, TcpFlagBits.Syn);
        SentFrame answer = (await peer.ReceiveAsync()).Single(f => f.IsTcp);
        Assert.AreEqual(TcpFlagBits.Ack, answer.TcpFlags, "RFC 5961 §4: challenge ACK, not a reset");
        Assert.AreEqual(TcpState.Established, ((TcpConnection)flow).State);
    });

    [TestMethod]
    public void AckOfDataNeverSentIsAnsweredAndDropped() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        ITcpListener listener = (await peer.Stack.Tcp.ListenAsync(Port)).Value;
        uint stackNext = await peer.HandshakeAsync(Port, PeerPort, PeerIss);
        ITcpFlow flow = (await listener.AcceptAsync()).Value;
        peer.SendTcp(PeerPort, Port, PeerIss + 1, stackNext + 5000, TcpFlagBits.Ack | TcpFlagBits.Psh, payload: new byte[] { 9 });
        SentFrame answer = (await peer.ReceiveAsync()).Single(f => f.IsTcp);
        Assert.AreEqual(PeerIss + 1, answer.Ack, "the data riding on the bad ACK must not be accepted");
        Assert.AreEqual(1, peer.Stack.Statistics.Tcp.BadAcks);
    });

    [TestMethod]
    public void SegmentForNoConnectionIsAnsweredWithReset() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        peer.SendTcp(PeerPort, 81, PeerIss, 0, TcpFlagBits.Syn);
        SentFrame reset = (await peer.ReceiveAsync()).Single(f => f.IsTcp);
        Assert.AreEqual(TcpFlagBits.Rst | TcpFlagBits.Ack, reset.TcpFlags);
        Assert.AreEqual(PeerIss + 1, reset.Ack);
        peer.SendTcp(PeerPort, 81, PeerIss, 4242, TcpFlagBits.Ack);
        reset = (await peer.ReceiveAsync()).Single(f => f.IsTcp);
        Assert.AreEqual(TcpFlagBits.Rst, reset.TcpFlags);
        Assert.AreEqual(4242u, reset.Seq);
    });

    [TestMethod]
    public void SimultaneousOpenEstablishes() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        Task<Result<ITcpFlow, TcpError>> connecting = peer.Stack.Tcp.ConnectAsync(new Ipv4Endpoint(Lab.AddressB, PeerPort)).AsTask();
        SentFrame syn = (await peer.ReceiveAsync()).Single(f => f.IsTcp);
        Assert.AreEqual(TcpFlagBits.Syn, syn.TcpFlags);
        // Our own SYN crosses theirs (RFC 9293 figure 8).
        peer.SendTcp(PeerPort, syn.SourcePort, PeerIss, 0, TcpFlagBits.Syn, options: ScriptedPeer.Options(1460));
        SentFrame synAck = (await peer.ReceiveAsync()).Single(f => f.IsTcp);
        Assert.AreEqual(TcpFlagBits.Syn | TcpFlagBits.Ack, synAck.TcpFlags);
        Assert.AreEqual(syn.Seq, synAck.Seq);
        Assert.AreEqual(PeerIss + 1, synAck.Ack);
        Assert.IsFalse(connecting.IsCompleted);
        peer.SendTcp(PeerPort, syn.SourcePort, PeerIss, syn.Seq + 1, TcpFlagBits.Syn | TcpFlagBits.Ack, options: ScriptedPeer.Options(1460));
        await peer.ReceiveAsync();
        Result<ITcpFlow, TcpError> connected = await connecting;
        Assert.IsTrue(connected.IsOk);
        Assert.AreEqual(TcpState.Established, ((TcpConnection)connected.Value).State);
    });

    [TestMethod]
    public void ConnectionRefusedByReset() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        Task<Result<ITcpFlow, TcpError>> connecting = peer.Stack.Tcp.ConnectAsync(new Ipv4Endpoint(Lab.AddressB, PeerPort)).AsTask();
        SentFrame syn = (await peer.ReceiveAsync()).Single(f => f.IsTcp);
        peer.SendTcp(PeerPort, syn.SourcePort, 0, syn.Seq + 1, TcpFlagBits.Rst | TcpFlagBits.Ack);
        await peer.ReceiveAsync();
        Result<ITcpFlow, TcpError> result = await connecting;
        Assert.AreEqual(TcpError.Refused, result.Error);
    });

    [TestMethod]
    public void SynRetransmissionsBackOffThenTimeOut() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        long start = loop.NowMs;
        Task<Result<ITcpFlow, TcpError>> connecting = peer.Stack.Tcp.ConnectAsync(new Ipv4Endpoint(Lab.AddressB, PeerPort)).AsTask();
        var times = new List<long>();
        while (!connecting.IsCompleted)
            foreach (SentFrame f in await peer.WaitAsync(TimeSpan.FromMilliseconds(10)))
                if (f.IsTcp && f.Has(TcpFlagBits.Syn)) times.Add(loop.NowMs - start);
        Assert.AreEqual(TcpError.TimedOut, (await connecting).Error);
        Assert.AreEqual(1 + new TcpSettings().SynRetries, times.Count, "initial SYN plus the retries");
        for (int i = 2; i < times.Count; i++)
        {
            long previous = times[i - 1] - times[i - 2], gap = times[i] - times[i - 1];
            Assert.IsTrue(gap >= 2 * previous - 20 && gap <= 2 * previous + 20, $"gap {gap} ms after {previous} ms: not doubled");
        }
    });

    [TestMethod]
    public void RetransmissionTimeoutBacksOffAndKarnsRuleKeepsTheEstimate() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        ITcpListener listener = (await peer.Stack.Tcp.ListenAsync(Port)).Value;
        await peer.HandshakeAsync(Port, PeerPort, PeerIss);
        ITcpFlow flow = (await listener.AcceptAsync()).Value;
        await flow.WriteAsync(new byte[100]);
        long start = loop.NowMs;
        var times = new List<long>();
        for (int i = 0; i < 3000 && times.Count < 6; i++)
            foreach (SentFrame f in await peer.WaitAsync(TimeSpan.FromMilliseconds(10)))
                if (f.IsTcp && f.Payload.Length == 100) times.Add(loop.NowMs - start);
        Assert.IsTrue(times.Count >= 5, "retransmissions: " + string.Join(",", times));
        for (int i = 2; i < times.Count; i++)
        {
            long previous = times[i - 1] - times[i - 2], gap = times[i] - times[i - 1];
            Assert.IsTrue(gap >= 2 * previous - 20 && gap <= 2 * previous + 20, $"gap {gap} ms after {previous} ms: not doubled");
        }
        // The handshake measured a near-zero round trip, so the first timeout is the floor, not the initial 1 s.
        Assert.IsTrue(times[1] - times[0] <= new TcpSettings().MinimumRtoMs + 20, "first timeout " + (times[1] - times[0]));
    });

    [TestMethod]
    public void DelayedAckWaitsForASecondSegmentOrTheTimer() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        ITcpListener listener = (await peer.Stack.Tcp.ListenAsync(Port)).Value;
        uint stackNext = await peer.HandshakeAsync(Port, PeerPort, PeerIss);
        await listener.AcceptAsync();
        peer.SendTcp(PeerPort, Port, PeerIss + 1, stackNext, TcpFlagBits.Ack, payload: new byte[1000]);
        Assert.AreEqual(0, (await peer.ReceiveAsync()).Count, "one segment: the ACK waits");
        peer.SendTcp(PeerPort, Port, PeerIss + 1001, stackNext, TcpFlagBits.Ack, payload: new byte[1000]);
        SentFrame ack = (await peer.ReceiveAsync()).Single(f => f.IsTcp);
        Assert.AreEqual(PeerIss + 2001, ack.Ack, "two segments: ACK at once");
        peer.SendTcp(PeerPort, Port, PeerIss + 2001, stackNext, TcpFlagBits.Ack, payload: new byte[10]);
        Assert.AreEqual(0, (await peer.ReceiveAsync()).Count);
        List<SentFrame> later = await peer.WaitAsync(TimeSpan.FromMilliseconds(new TcpSettings().DelayedAckMs + 5));
        Assert.AreEqual(PeerIss + 2011, later.Single(f => f.IsTcp).Ack, "the delayed ACK timer fired");
    });

    [TestMethod]
    public void OutOfOrderDataIsSackedAndDeliveredInOrderWhenTheGapFills() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        ITcpListener listener = (await peer.Stack.Tcp.ListenAsync(Port)).Value;
        uint stackNext = await peer.HandshakeAsync(Port, PeerPort, PeerIss);
        ITcpFlow flow = (await listener.AcceptAsync()).Value;
        byte[] data = Lab.Pattern(3000, 5);
        uint first = PeerIss + 1;
        peer.SendTcp(PeerPort, Port, first + 2000, stackNext, TcpFlagBits.Ack, payload: data[2000..3000]);
        List<SentFrame> afterGap = await peer.ReceiveAsync();
        Assert.AreEqual(0, peer.Stack.Statistics.InternalErrors, peer.Stack.LastInternalError?.ToString());
        SentFrame dupAck = afterGap.Single(f => f.IsTcp);
        Assert.AreEqual(first, dupAck.Ack, "cumulative ACK stays at the gap");
        Assert.IsTrue(ContainsOption(dupAck.TcpOptions, 5, out int at), "SACK block expected");
        Assert.AreEqual(first + 2000, ReadUInt32(dupAck.TcpOptions, at + 2));
        Assert.AreEqual(first + 3000, ReadUInt32(dupAck.TcpOptions, at + 6));
        peer.SendTcp(PeerPort, Port, first, stackNext, TcpFlagBits.Ack, payload: data[0..1000]);
        peer.SendTcp(PeerPort, Port, first + 1000, stackNext, TcpFlagBits.Ack, payload: data[1000..2000]);
        SentFrame ack = (await peer.ReceiveAsync()).Last(f => f.IsTcp);
        Assert.AreEqual(first + 3000, ack.Ack, "the filled gap joins the out-of-order data");
        Assert.IsFalse(ContainsOption(ack.TcpOptions, 5, out _), "nothing left to SACK");
        var got = new byte[3000];
        int n = 0;
        while (n < 3000) n += (await flow.ReadAsync(got.AsMemory(n))).Count;
        CollectionAssert.AreEqual(data, got);
    });

    [TestMethod]
    public void BacklogBoundsConnectionsWaitingToBeAccepted() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        await peer.Stack.Tcp.ListenAsync(Port, backlog: 3);
        for (ushort i = 0; i < 10; i++) peer.SendTcp((ushort)(PeerPort + i), Port, PeerIss, 0, TcpFlagBits.Syn);
        List<SentFrame> answers = await peer.ReceiveAsync();
        Assert.AreEqual(3, answers.Count(f => f.IsTcp && f.Has(TcpFlagBits.Syn)));
        Assert.AreEqual(7, peer.Stack.Statistics.Tcp.ListenOverflows);
    });

    [TestMethod]
    public void SimultaneousCloseGoesThroughClosingAndTimeWait() => VirtualTimeLoop.Run(async loop =>
    {
        var wire = new EthernetWire(loop, 5) { Impairment = new Impairment(Delay: TimeSpan.FromMilliseconds(20)) };
        var settings = new TcpSettings { MslMs = 1000 };
        DirectStackV4 a = await Lab.StackAsync(loop, wire.A, "10.0.0.1/24", 1, settings);
        DirectStackV4 b = await Lab.StackAsync(loop, wire.B, "10.0.0.2/24", 2, settings);
        ITcpListener listener = (await a.Tcp.ListenAsync(Port)).Value;
        Task<Result<ITcpFlow, TcpError>> accepting = listener.AcceptAsync().AsTask();
        var client = (TcpConnection)(await b.Tcp.ConnectAsync(new Ipv4Endpoint(Lab.AddressA, Port))).Value;
        var server = (TcpConnection)(await accepting).Value;
        // Both FINs leave before either arrives (20 ms on the wire).
        await client.ShutdownWriteAsync();
        await server.ShutdownWriteAsync();
        Assert.AreEqual(TcpState.FinWait1, client.State);
        Assert.AreEqual(TcpState.FinWait1, server.State);
        await loop.AdvanceAsync(TimeSpan.FromMilliseconds(21));
        Assert.AreEqual(TcpState.Closing, client.State);
        Assert.AreEqual(TcpState.Closing, server.State);
        await loop.AdvanceAsync(TimeSpan.FromMilliseconds(30));
        Assert.AreEqual(TcpState.TimeWait, client.State);
        Assert.AreEqual(TcpState.TimeWait, server.State);
        Assert.AreEqual(FlowStatus.Eof, (await client.ReadAsync(new byte[1])).Status);
        await client.CloseAsync();
        await server.CloseAsync();
        await loop.AdvanceAsync(TimeSpan.FromMilliseconds(2 * settings.MslMs + 100));
        Assert.AreEqual(TcpState.Closed, client.State);
        Assert.AreEqual(TcpState.Closed, server.State);
        Assert.AreEqual(0, a.TcpLayer.ConnectionCount + b.TcpLayer.ConnectionCount, "TIME-WAIT ended and the connections were removed");
    });

    [TestMethod]
    public void ZeroWindowIsProbedUntilTheReaderMakesRoom() => VirtualTimeLoop.Run(async loop =>
    {
        var wire = new EthernetWire(loop, 5) { Impairment = new Impairment(Delay: TimeSpan.FromMilliseconds(1)) };
        var small = new TcpSettings { ReceiveBufferBytes = 8192, SendBufferBytes = 8192 };
        DirectStackV4 a = await Lab.StackAsync(loop, wire.A, "10.0.0.1/24", 1, small);
        DirectStackV4 b = await Lab.StackAsync(loop, wire.B, "10.0.0.2/24", 2, small);
        ITcpListener listener = (await a.Tcp.ListenAsync(Port)).Value;
        Task<Result<ITcpFlow, TcpError>> accepting = listener.AcceptAsync().AsTask();
        ITcpFlow client = (await b.Tcp.ConnectAsync(new Ipv4Endpoint(Lab.AddressA, Port))).Value;
        ITcpFlow server = (await accepting).Value;
        byte[] data = Lab.Pattern(100_000, 9);
        Task writing = TcpTransferTests.WriteInPiecesAsync(client, data);
        await loop.AdvanceAsync(TimeSpan.FromSeconds(20)); // nobody reads: the window closes, the writer blocks
        Assert.IsFalse(writing.IsCompleted, "backpressure: the writer must wait");
        Assert.IsTrue(b.Statistics.Tcp.ZeroWindowProbes >= 3, "probes: " + b.Statistics.Tcp.ZeroWindowProbes);
        Assert.AreEqual(0, b.Statistics.Tcp.TimedOut, "a closed window is not a dead peer");
        Task<byte[]> reading = TcpTransferTests.ReadAllAsync(server);
        await writing;
        await client.ShutdownWriteAsync();
        CollectionAssert.AreEqual(data, await reading);
    });

    [TestMethod]
    public void KeepAliveDetectsAPeerThatVanished() => VirtualTimeLoop.Run(async loop =>
    {
        var wire = new EthernetWire(loop, 5);
        var settings = new TcpSettings { KeepAliveIdleMs = 10_000, KeepAliveIntervalMs = 1_000, KeepAliveProbes = 3 };
        DirectStackV4 a = await Lab.StackAsync(loop, wire.A, "10.0.0.1/24", 1, settings);
        DirectStackV4 b = await Lab.StackAsync(loop, wire.B, "10.0.0.2/24", 2);
        ITcpListener listener = (await a.Tcp.ListenAsync(Port)).Value;
        Task<Result<ITcpFlow, TcpError>> accepting = listener.AcceptAsync().AsTask();
        ITcpFlow client = (await b.Tcp.ConnectAsync(new Ipv4Endpoint(Lab.AddressA, Port))).Value;
        ITcpFlow server = (await accepting).Value;
        await loop.AdvanceAsync(TimeSpan.FromSeconds(15));
        Assert.IsTrue(a.Statistics.Tcp.KeepAliveProbes >= 1, "an idle connection is probed");
        Assert.AreEqual(TcpState.Established, ((TcpConnection)server).State, "the live peer answered the probe");
        long answered = a.Statistics.Tcp.KeepAliveProbes;
        wire.Filter = (_, _) => false; // the peer disappears
        Task<FlowResult> read = server.ReadAsync(new byte[1]).AsTask();
        await loop.AdvanceAsync(TimeSpan.FromSeconds(20));
        Assert.AreEqual(FlowStatus.TimedOut, (await read).Status);
        Assert.AreEqual(answered + 3, a.Statistics.Tcp.KeepAliveProbes);
        GC.KeepAlive(client);
    });

    [TestMethod]
    public void OneLostSegmentIsRepairedByFastRetransmitWithoutATimeout() => VirtualTimeLoop.Run(async loop =>
    {
        var wire = new EthernetWire(loop, 5) { Impairment = new Impairment(Delay: TimeSpan.FromMilliseconds(10)) };
        DirectStackV4 a = await Lab.StackAsync(loop, wire.A, "10.0.0.1/24", 1);
        DirectStackV4 b = await Lab.StackAsync(loop, wire.B, "10.0.0.2/24", 2);
        ITcpListener listener = (await a.Tcp.ListenAsync(Port)).Value;
        Task<Result<ITcpFlow, TcpError>> accepting = listener.AcceptAsync().AsTask();
        ITcpFlow client = (await b.Tcp.ConnectAsync(new Ipv4Endpoint(Lab.AddressA, Port))).Value;
        ITcpFlow server = (await accepting).Value;
        int dataSegments = 0;
        wire.Filter = (from, frame) => !(from == wire.B && frame.Length > 1000 && ++dataSegments == 5); // lose the 5th data segment once
        byte[] data = Lab.Pattern(200_000, 3);
        Task<byte[]> reading = TcpTransferTests.ReadAllAsync(server);
        await TcpTransferTests.WriteInPiecesAsync(client, data);
        await client.ShutdownWriteAsync();
        CollectionAssert.AreEqual(data, await reading);
        Assert.AreEqual(1, b.Statistics.Tcp.FastRetransmits);
        Assert.AreEqual(0, b.Statistics.Tcp.RetransmissionTimeouts, "NewReno repaired it without waiting for the timer");
    });

    private static bool ContainsOption(byte[] options, byte kind, out int at)
    {
        for (int i = 0; i < options.Length;)
        {
            if (options[i] == 0) break;
            if (options[i] == 1) { i++; continue; }
            if (options[i] == kind) { at = i; return true; }
            i += options[i + 1];
        }
        at = -1;
        return false;
    }

    private static uint ReadUInt32(byte[] b, int at) => (uint)(b[at] << 24 | b[at + 1] << 16 | b[at + 2] << 8 | b[at + 3]);
}
