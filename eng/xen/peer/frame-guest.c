/*
 * mirage-frame-guest: the guest's side of the frame exchange (frame-format.h) for a Linux guest,
 * the baseline of eng/bench/xen-devices.sh: the same transfer tests/xen-devices/NetExchange does,
 * through Linux's netfront instead of ours, against the same dom0 peer (frame-peer.c).
 *
 *   mirage-frame-guest INTERFACE STREAM FRAMES
 *
 * Sends 100 warm-up data frames, then FRAMES timed ones, 32 in flight, each answered by the
 * peer's own frame of the same number, which must check out byte for byte; resends what is still
 * unanswered after 2 s of silence. Ends with an end frame and prints, as NetExchange does,
 *   exchanged N frames each way, contents verified, in S s: R frames/s each way
 *   sent F frames (B bytes), received G (C bytes), bad X, retransmits Y; peer received ok Z, bad W
 * Exit 0 when every frame was verified and nothing was bad.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "frame-format.h"

#define WARM_UP 100
#define WINDOW 32

struct guest {
    int fd;
    unsigned stream;
    uint8_t mac[6], peer_mac[6];
    uint8_t *verified;
    uint32_t next, target, verified_count;
    unsigned long sent, sent_bytes, received, received_bytes, bad, retransmits;
    int reported;
    uint32_t peer_ok, peer_bad;
};

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void send_or_retry(struct guest *g, const uint8_t *frame, unsigned length)
{
    for (int attempt = 0; attempt < 1000; attempt++) {
        if (send(g->fd, frame, length, 0) == (ssize_t)length) {
            g->sent_bytes += length;
            return;
        }
        if (errno != ENOBUFS && errno != EAGAIN && errno != EINTR) break;
        usleep(1000);
    }
    perror("frame-guest: send");
}

static void send_data(struct guest *g, uint32_t seq, int resend)
{
    uint8_t frame[MAX_FRAME];
    unsigned length = guest_length(seq);
    put_header(frame, g->peer_mac, g->mac, KIND_GUEST_DATA, g->stream, seq, length);
    for (unsigned at = HEADER_END; at < length; at++) frame[at] = guest_byte(seq, g->stream, at);
    send_or_retry(g, frame, length);
    if (resend) g->retransmits++; else g->sent++;
}

/* One received frame: a peer data frame that checks out sends the next data frame. */
static void on_frame(struct guest *g, const uint8_t *frame, unsigned length)
{
    if (length < 14 || (frame[12] << 8 | frame[13]) != ETHERTYPE_EXCHANGE) return;
    g->received++;
    g->received_bytes += length;
    if (length < HEADER_END || memcmp(frame, g->mac, 6) != 0 || memcmp(frame + 6, g->peer_mac, 6) != 0 || frame[15] != g->stream) {
        g->bad++;
        return;
    }
    if (frame[14] == KIND_REPORT && length >= 38) {
        g->reported = 1;
        g->peer_ok = get_u32(frame + 22);
        g->peer_bad = get_u32(frame + 26);
        return;
    }
    uint32_t seq = get_u32(frame + 16);
    if (frame[14] != KIND_PEER_DATA || seq == 0 || seq >= g->next || length != peer_length(seq)
        || ((unsigned)frame[20] << 8 | frame[21]) != length) {
        g->bad++;
        return;
    }
    for (unsigned at = HEADER_END; at < length; at++)
        if (frame[at] != peer_byte(seq, g->stream, at)) { g->bad++; return; }
    if (g->verified[seq]) return; /* an answer to a resend */
    g->verified[seq] = 1;
    g->verified_count++;
    if (g->next < g->target) send_data(g, g->next++, 0);
}

static void receive_for(struct guest *g, int milliseconds)
{
    struct pollfd waiting = { .fd = g->fd, .events = POLLIN };
    if (poll(&waiting, 1, milliseconds) <= 0) return;
    uint8_t frame[MAX_FRAME + 64];
    ssize_t length;
    while ((length = recv(g->fd, frame, sizeof frame, MSG_DONTWAIT)) > 0) on_frame(g, frame, (unsigned)length);
}

/* Sends count more data frames and waits for every answer; 0 after 20 s without progress. */
static int run(struct guest *g, uint32_t count)
{
    uint32_t first = g->next;
    g->target = first + count;
    while (g->next < g->target && g->next - first < WINDOW) send_data(g, g->next++, 0);
    double last_progress = now_seconds(), last_resend = last_progress;
    uint32_t seen = g->verified_count;
    while (g->verified_count < g->target - 1) {
        receive_for(g, 100);
        double now = now_seconds();
        if (g->verified_count != seen) { seen = g->verified_count; last_progress = now; continue; }
        if (now - last_progress > 20) return 0;
        if (now - last_progress > 2 && now - last_resend > 2) {
            for (uint32_t seq = first; seq < g->next; seq++)
                if (!g->verified[seq]) send_data(g, seq, 1);
            last_resend = now;
        }
    }
    return 1;
}

int main(int argc, char **argv)
{
    struct guest g;
    memset(&g, 0, sizeof g);
    if (argc != 4) { fprintf(stderr, "usage: mirage-frame-guest INTERFACE STREAM FRAMES\n"); return 2; }
    g.stream = (unsigned)strtoul(argv[2], NULL, 10) & 0xFF;
    uint32_t frames = (uint32_t)strtoul(argv[3], NULL, 10);
    if (frames == 0 || frames + WARM_UP >= MAX_SEQUENCE) { fprintf(stderr, "frame-guest: FRAMES must be 1 to %d\n", MAX_SEQUENCE - WARM_UP - 1); return 2; }
    g.verified = calloc(MAX_SEQUENCE, 1);
    peer_mac_of(g.stream, g.peer_mac);
    g.next = 1;

    g.fd = socket(AF_PACKET, SOCK_RAW, htons(ETHERTYPE_EXCHANGE));
    if (g.fd < 0) { perror("frame-guest: socket(AF_PACKET)"); return 2; }
    struct ifreq request;
    memset(&request, 0, sizeof request);
    strncpy(request.ifr_name, argv[1], IFNAMSIZ - 1);
    if (ioctl(g.fd, SIOCGIFHWADDR, &request) != 0) { perror("frame-guest: SIOCGIFHWADDR"); return 2; }
    memcpy(g.mac, request.ifr_hwaddr.sa_data, 6);
    struct sockaddr_ll address;
    memset(&address, 0, sizeof address);
    address.sll_family = AF_PACKET;
    address.sll_protocol = htons(ETHERTYPE_EXCHANGE);
    address.sll_ifindex = (int)if_nametoindex(argv[1]);
    if (bind(g.fd, (struct sockaddr *)&address, sizeof address) != 0) { perror("frame-guest: bind"); return 2; }

    if (!run(&g, WARM_UP)) { printf("FAIL: the warm-up got no answers from dom0's peer\n"); return 1; }
    unsigned long bytes_before = g.sent_bytes;
    double start = now_seconds();
    if (!run(&g, frames)) { printf("FAIL: the exchange stalled (%u verified)\n", g.verified_count); return 1; }
    double seconds = now_seconds() - start;
    unsigned long timed_bytes = g.sent_bytes - bytes_before;
    printf("exchanged %u frames each way, contents verified, in %.2f s: %.0f frames/s each way\n", frames, seconds, frames / seconds);

    uint8_t end[MIN_FRAME];
    memset(end, 0, sizeof end);
    put_header(end, g.peer_mac, g.mac, KIND_END, g.stream, 0, MIN_FRAME);
    for (int attempt = 0; attempt < 20 && !g.reported; attempt++) {
        send_or_retry(&g, end, MIN_FRAME);
        receive_for(&g, 500);
    }
    printf("sent %lu frames (%lu bytes), received %lu (%lu bytes), timed bytes sent %lu, bad %lu, retransmits %lu; peer received ok %u, bad %u%s\n",
           g.sent, g.sent_bytes, g.received, g.received_bytes, timed_bytes, g.bad, g.retransmits, g.peer_ok, g.peer_bad,
           g.reported ? "" : " (no report)");
    int passed = g.bad == 0 && g.reported && g.peer_bad == 0 && g.peer_ok == frames + WARM_UP;
    printf("%s\n", passed ? "PASS" : "FAIL");
    fflush(stdout);
    return passed ? 0 : 1;
}
