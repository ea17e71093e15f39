/*
 * The frame exchange of the netfront tests and benchmarks (docs/xen-devices.md, "Frame exchange
 * with dom0"): shared by frame-peer.c (dom0's side) and frame-guest.c (a Linux guest's side, the
 * benchmark baseline); tests/xen-devices/NetExchange/FrameExchange.cs is the unikernel's side and
 * must agree. Frames are raw Ethernet, EtherType 0x88B5 (IEEE 802 "local experimental"):
 *
 *   0  destination, 6 source, 12 EtherType
 *   14 kind: 'D' guest data, 'P' peer data, 'E' end (guest), 'R' report (peer)
 *   15 stream (the vif's number), 16 sequence number (u32, big-endian), 20 frame length (u16)
 *   22 pattern bytes to the end (data frames); a report carries the peer's counts at 22..37
 */
#ifndef MIRAGE_FRAME_FORMAT_H
#define MIRAGE_FRAME_FORMAT_H

#include <stdint.h>

#define ETHERTYPE_EXCHANGE 0x88B5
#define MIN_FRAME 60
#define MAX_FRAME 1514
#define HEADER_END 22 /* Ethernet header (14) + kind, stream, sequence, length (8) */
#define MAX_SEQUENCE 1000000

enum kind { KIND_GUEST_DATA = 'D', KIND_PEER_DATA = 'P', KIND_END = 'E', KIND_REPORT = 'R' };

/* Frame lengths and pattern bytes: every byte of a frame is a function of its direction, stream,
   sequence number and position, so any corruption (or a frame delivered to the wrong vif) shows. */
static inline unsigned guest_length(uint32_t seq) { return MIN_FRAME + (seq * 7u) % (MAX_FRAME - MIN_FRAME + 1); }
static inline unsigned peer_length(uint32_t seq) { return MIN_FRAME + (seq * 13u + 700u) % (MAX_FRAME - MIN_FRAME + 1); }
static inline uint8_t guest_byte(uint32_t seq, unsigned stream, unsigned at)
{
    return (uint8_t)(seq * 31u + at * 7u + (seq >> 8) + stream * 5u);
}
static inline uint8_t peer_byte(uint32_t seq, unsigned stream, unsigned at)
{
    return (uint8_t)(seq * 29u + at * 11u + (seq >> 7) + 0x5Au + stream * 3u);
}

/* The peer's own address (locally administered): 02:00:00:4d:50:STREAM. */
static inline void peer_mac_of(unsigned stream, uint8_t mac[6])
{
    mac[0] = 0x02; mac[1] = 0x00; mac[2] = 0x00; mac[3] = 0x4D; mac[4] = 0x50; mac[5] = (uint8_t)stream;
}

static inline void put_u32(uint8_t *p, uint32_t v) { p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v; }
static inline uint32_t get_u32(const uint8_t *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }

static inline void put_header(uint8_t *frame, const uint8_t to[6], const uint8_t from[6], enum kind kind, unsigned stream,
                              uint32_t seq, unsigned length)
{
    for (int i = 0; i < 6; i++) { frame[i] = to[i]; frame[6 + i] = from[i]; }
    frame[12] = ETHERTYPE_EXCHANGE >> 8;
    frame[13] = ETHERTYPE_EXCHANGE & 0xFF;
    frame[14] = (uint8_t)kind;
    frame[15] = (uint8_t)stream;
    put_u32(frame + 16, seq);
    frame[20] = length >> 8;
    frame[21] = length & 0xFF;
}

#endif
