/*
 * mirage-frame-peer: dom0's side of the netfront frame exchange (tests/xen-devices/NetExchange).
 *
 *   mirage-frame-peer INTERFACE STREAM GUEST-MAC [TIMEOUT-SECONDS]
 *
 * Opens an AF_PACKET socket on INTERFACE (a guest's backend vif, vifDOMID.DEVID: frames the guest
 * sends arrive there, frames written there go to the guest through netback) and takes the frames
 * of EtherType 0x88B5 (IEEE 802 "local experimental"). The guest sends data frames numbered 1, 2, ...; for each one
 * that checks out, the peer sends its own data frame with the same number, built from a pattern
 * of its own, so both directions carry verified content. The frame format and both patterns are
 * in frame-format.h.
 *
 * The guest ends with an end frame; the peer answers it with a report frame carrying its counts,
 * keeps answering repeated end frames for a second, prints
 *   frame-peer IF stream S: received ok N, bad B, duplicate D, sent T (distinct U)
 * and exits 0 when no frame was bad. Exit 1: bad frames; 2: usage or socket errors; 3: the
 * interface did not appear, or went away (the domain ended), or no end frame came before the
 * timeout (default 600 s).
 *
 * Written for the test harness's dom0 (busybox, no libraries): eng/xen/xenbuild.py compiles it
 * statically for x86_64 and armhf.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "frame-format.h"

struct peer {
    int fd;
    const char *interface;
    unsigned stream;
    uint8_t guest_mac[6];
    uint8_t peer_mac[6];
    uint8_t *seen; /* one flag per sequence number */
    unsigned long ok, bad, duplicate, sent, distinct_sent;
};

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int parse_mac(const char *text, uint8_t mac[6])
{
    unsigned v[6];
    char tail;
    if (sscanf(text, "%2x:%2x:%2x:%2x:%2x:%2x%c", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &tail) != 6) return -1;
    for (int i = 0; i < 6; i++) mac[i] = (uint8_t)v[i];
    return 0;
}

static void send_frame(struct peer *peer, const uint8_t *frame, unsigned length)
{
    /* The socket buffer towards netback can be momentarily full: retry rather than lose the frame. */
    for (int attempt = 0; attempt < 1000; attempt++) {
        if (send(peer->fd, frame, length, 0) == (ssize_t)length) return;
        if (errno != ENOBUFS && errno != EAGAIN && errno != EINTR) break;
        usleep(1000);
    }
    fprintf(stderr, "frame-peer %s: send: %s\n", peer->interface, strerror(errno));
}

static void send_peer_data(struct peer *peer, uint32_t seq)
{
    uint8_t frame[MAX_FRAME];
    unsigned length = peer_length(seq);
    put_header(frame, peer->guest_mac, peer->peer_mac, KIND_PEER_DATA, peer->stream, seq, length);
    for (unsigned at = HEADER_END; at < length; at++) frame[at] = peer_byte(seq, peer->stream, at);
    send_frame(peer, frame, length);
}

static void send_report(struct peer *peer)
{
    uint8_t frame[MIN_FRAME];
    memset(frame, 0, sizeof frame);
    put_header(frame, peer->guest_mac, peer->peer_mac, KIND_REPORT, peer->stream, 0, MIN_FRAME);
    put_u32(frame + 22, (uint32_t)peer->ok);
    put_u32(frame + 26, (uint32_t)peer->bad);
    put_u32(frame + 30, (uint32_t)peer->duplicate);
    put_u32(frame + 34, (uint32_t)peer->sent);
    send_frame(peer, frame, MIN_FRAME);
}

/* A guest data frame: every byte must be what the guest's pattern says for its sequence number. */
static int guest_data_valid(const struct peer *peer, const uint8_t *frame, unsigned length, uint32_t *seq_out)
{
    if (length < HEADER_END) return 0;
    uint32_t seq = get_u32(frame + 16);
    unsigned declared = (unsigned)frame[20] << 8 | frame[21];
    if (seq == 0 || seq >= MAX_SEQUENCE || frame[15] != peer->stream) return 0;
    if (length != guest_length(seq) || declared != length) return 0;
    if (memcmp(frame, peer->peer_mac, 6) != 0 || memcmp(frame + 6, peer->guest_mac, 6) != 0) return 0;
    for (unsigned at = HEADER_END; at < length; at++)
        if (frame[at] != guest_byte(seq, peer->stream, at)) return 0;
    *seq_out = seq;
    return 1;
}

/* Waits for the vif: the script starts us with `xl create`, before libxl has made it. */
static int wait_for_interface(const char *name, double deadline)
{
    for (;;) {
        unsigned index = if_nametoindex(name);
        if (index != 0) return (int)index;
        if (now_seconds() > deadline) return -1;
        usleep(50000);
    }
}

static void print_report(const struct peer *peer)
{
    printf("frame-peer %s stream %u: received ok %lu, bad %lu, duplicate %lu, sent %lu (distinct %lu)\n",
           peer->interface, peer->stream, peer->ok, peer->bad, peer->duplicate, peer->sent, peer->distinct_sent);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    struct peer peer;
    memset(&peer, 0, sizeof peer);
    if (argc < 4 || argc > 5) {
        fprintf(stderr, "usage: mirage-frame-peer INTERFACE STREAM GUEST-MAC [TIMEOUT-SECONDS]\n");
        return 2;
    }
    peer.interface = argv[1];
    char *end;
    unsigned long stream = strtoul(argv[2], &end, 10);
    if (*end != '\0' || stream > 255) { fprintf(stderr, "frame-peer: STREAM must be 0-255, not %s\n", argv[2]); return 2; }
    peer.stream = (unsigned)stream;
    if (parse_mac(argv[3], peer.guest_mac) != 0) { fprintf(stderr, "frame-peer: %s is not a MAC address\n", argv[3]); return 2; }
    double timeout = argc == 5 ? strtod(argv[4], NULL) : 600.0;
    peer_mac_of(peer.stream, peer.peer_mac);
    peer.seen = calloc(MAX_SEQUENCE, 1);
    if (peer.seen == NULL) return 2;

    double deadline = now_seconds() + timeout;
    int index = wait_for_interface(peer.interface, deadline);
    if (index < 0) { fprintf(stderr, "frame-peer: no interface %s after %.0f s\n", peer.interface, timeout); return 3; }

    /* ETH_P_ALL, not our EtherType: the vif is a bridge port, and the bridge takes every frame
       before the handlers of a single protocol see it; only "all protocols" taps come first. */
    peer.fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
    if (peer.fd < 0) { perror("frame-peer: socket(AF_PACKET)"); return 2; }
    int buffer = 4 << 20;
    setsockopt(peer.fd, SOL_SOCKET, SO_RCVBUF, &buffer, sizeof buffer);
    setsockopt(peer.fd, SOL_SOCKET, SO_SNDBUF, &buffer, sizeof buffer);
    struct sockaddr_ll address;
    memset(&address, 0, sizeof address);
    address.sll_family = AF_PACKET;
    address.sll_protocol = htons(ETH_P_ALL);
    address.sll_ifindex = index;
    if (bind(peer.fd, (struct sockaddr *)&address, sizeof address) != 0) { perror("frame-peer: bind"); return 2; }

    double ended_at = 0; /* when the first end frame came: answer repeats for one more second */
    uint8_t frame[MAX_FRAME + 64];
    for (;;) {
        double now = now_seconds();
        if (ended_at != 0 && now - ended_at > 1.0) break;
        if (now > deadline) {
            fprintf(stderr, "frame-peer %s: no end frame from the guest within %.0f s\n", peer.interface, timeout);
            print_report(&peer);
            return 3;
        }
        struct pollfd waiting = { .fd = peer.fd, .events = POLLIN };
        if (poll(&waiting, 1, 100) <= 0) {
            /* libxl removes the vif with the domain: then there is nothing left to wait for. */
            if (if_nametoindex(peer.interface) == 0) {
                if (ended_at != 0) break;
                fprintf(stderr, "frame-peer %s: the interface is gone (the guest ended) before an end frame came\n", peer.interface);
                print_report(&peer);
                return 3;
            }
            continue;
        }
        struct sockaddr_ll from;
        socklen_t from_length = sizeof from;
        ssize_t length = recvfrom(peer.fd, frame, sizeof frame, MSG_DONTWAIT, (struct sockaddr *)&from, &from_length);
        if (length < 0) continue;
        /* Our own frames towards the guest pass this socket too; only the guest's count. */
        if (from.sll_pkttype == PACKET_OUTGOING) continue;
        if (length < 14 || (frame[12] << 8 | frame[13]) != ETHERTYPE_EXCHANGE) continue; /* not ours */
        if (length < HEADER_END) { peer.bad++; continue; }
        switch (frame[14]) {
        case KIND_GUEST_DATA: {
            uint32_t seq;
            if (!guest_data_valid(&peer, frame, (unsigned)length, &seq)) {
                peer.bad++;
                if (peer.bad <= 5)
                    fprintf(stderr, "frame-peer %s: bad frame (%zd bytes, sequence %u)\n", peer.interface, length,
                            length >= HEADER_END ? get_u32(frame + 16) : 0);
                break;
            }
            if (peer.seen[seq]) peer.duplicate++; /* the guest resent it: our answer was lost or late */
            else { peer.seen[seq] = 1; peer.ok++; peer.distinct_sent++; }
            send_peer_data(&peer, seq);
            peer.sent++;
            break;
        }
        case KIND_END:
            if (frame[15] != peer.stream || memcmp(frame + 6, peer.guest_mac, 6) != 0) { peer.bad++; break; }
            if (ended_at == 0) ended_at = now_seconds();
            send_report(&peer);
            break;
        default: /* a report or peer frame looped back by someone else: not the guest's */
            break;
        }
    }
    print_report(&peer);
    return peer.bad == 0 ? 0 : 1;
}
