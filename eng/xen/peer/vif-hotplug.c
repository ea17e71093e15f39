/*
 * mirage-vif-hotplug: the harness dom0's "vif-bridge" hotplug script (/etc/xen/scripts/vif-bridge
 * is a link to it). libxl runs it for every vif of a guest, after netback has created the vif and
 * before the domain is unpaused:
 *
 *   vif-bridge online|add      put $vif into the bridge named in $XENBUS_PATH/bridge (default
 *                              xenbr0), bring it up, write $XENBUS_PATH/hotplug-status "connected"
 *   vif-bridge offline|remove  take $vif out of that bridge (it may be gone already)
 *
 * It was a shell script (xenstore-read, brctl, ip, xenstore-write: five programs, about 55 ms of
 * every `xl create` in dom0 under TCG); as one static program it is a few milliseconds. It speaks
 * the xenstore wire protocol (xen/io/xs_wire.h: a 16-byte header, then the payload) on
 * xenstored's socket, and sets up the bridge with the kernel's bridge ioctls.
 * On failure it writes hotplug-error and hotplug-status "error" (libxl prints the former) and
 * exits 1.
 */
#include <errno.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <fcntl.h>
#include <unistd.h>

enum { XS_READ = 2, XS_WRITE = 11, XS_ERROR = 16 };

struct xs_header {
    uint32_t type, req_id, tx_id, len;
};

static int store = -1;

static int store_open(void)
{
    struct sockaddr_un to = { .sun_family = AF_UNIX };
    strcpy(to.sun_path, "/run/xenstored/socket");
    store = socket(AF_UNIX, SOCK_STREAM, 0);
    if (store >= 0 && connect(store, (struct sockaddr *)&to, sizeof to) == 0) return 0;
    if (store >= 0) close(store);
    store = open("/dev/xen/xenbus", O_RDWR); /* the kernel's connection, when there is no socket */
    return store >= 0 ? 0 : -1;
}

static int write_all(const void *data, size_t length)
{
    const char *p = data;
    while (length > 0) {
        ssize_t n = write(store, p, length);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        p += n;
        length -= (size_t)n;
    }
    return 0;
}

static int read_all(void *data, size_t length)
{
    char *p = data;
    while (length > 0) {
        ssize_t n = read(store, p, length);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        p += n;
        length -= (size_t)n;
    }
    return 0;
}

/* One request; the answer's payload (NUL-terminated) goes to reply. -1 when xenstored refused it. */
static int store_request(uint32_t type, const char *payload, size_t length, char *reply, size_t reply_size)
{
    static uint32_t next_id = 1;
    struct xs_header h = { .type = type, .req_id = next_id++, .tx_id = 0, .len = (uint32_t)length };
    if (store < 0 || write_all(&h, sizeof h) < 0 || write_all(payload, length) < 0) return -1;
    struct xs_header answer;
    if (read_all(&answer, sizeof answer) < 0 || answer.len >= reply_size) return -1;
    if (read_all(reply, answer.len) < 0) return -1;
    reply[answer.len] = 0;
    return answer.type == XS_ERROR ? -1 : 0;
}

static int store_read(const char *path, char *value, size_t size)
{
    return store_request(XS_READ, path, strlen(path) + 1, value, size);
}

static int store_write(const char *path, const char *value)
{
    char payload[1024], reply[64];
    size_t p = strlen(path) + 1, v = strlen(value);
    if (p + v > sizeof payload) return -1;
    memcpy(payload, path, p);
    memcpy(payload + p, value, v);
    return store_request(XS_WRITE, payload, p + v, reply, sizeof reply);
}

static const char *xenbus_path;

static int fail(const char *what, const char *vif, const char *bridge)
{
    char message[256], key[512];
    snprintf(message, sizeof message, "vif-bridge: %s %s (bridge %s): %s", what, vif, bridge, strerror(errno));
    fprintf(stderr, "%s\n", message);
    snprintf(key, sizeof key, "%s/hotplug-error", xenbus_path);
    store_write(key, message);
    snprintf(key, sizeof key, "%s/hotplug-status", xenbus_path);
    store_write(key, "error");
    return 1;
}

int main(int argc, char **argv)
{
    const char *vif = getenv("vif");
    xenbus_path = getenv("XENBUS_PATH");
    if (argc < 2 || !vif || !xenbus_path || strlen(vif) >= IFNAMSIZ) {
        fprintf(stderr, "usage: vif-bridge online|offline|add|remove, with vif and XENBUS_PATH set (run by libxl)\n");
        return 2;
    }
    int online = !strcmp(argv[1], "online") || !strcmp(argv[1], "add");
    int offline = !strcmp(argv[1], "offline") || !strcmp(argv[1], "remove");
    if (!online && !offline) return 0; /* other actions need nothing here */

    char key[512], bridge[IFNAMSIZ + 64] = "";
    if (store_open() < 0) {
        fprintf(stderr, "vif-bridge: cannot connect to xenstored: %s\n", strerror(errno));
        return 1;
    }
    snprintf(key, sizeof key, "%s/bridge", xenbus_path);
    if (store_read(key, bridge, sizeof bridge) < 0 || !bridge[0]) strcpy(bridge, "xenbr0");
    if (strlen(bridge) >= IFNAMSIZ) { errno = ENAMETOOLONG; return fail("cannot add", vif, bridge); }

    int s = socket(AF_LOCAL, SOCK_STREAM, 0);
    struct ifreq r;
    memset(&r, 0, sizeof r);
    strcpy(r.ifr_name, bridge);
    r.ifr_ifindex = (int)if_nametoindex(vif);
    if (offline) {
        if (s >= 0 && r.ifr_ifindex) ioctl(s, SIOCBRDELIF, &r);
        return 0;
    }
    if (s < 0 || !r.ifr_ifindex || ioctl(s, SIOCBRADDIF, &r) < 0) return fail("cannot add", vif, bridge);
    memset(&r, 0, sizeof r);
    strcpy(r.ifr_name, vif);
    if (ioctl(s, SIOCGIFFLAGS, &r) < 0) return fail("cannot read the flags of", vif, bridge);
    r.ifr_flags |= IFF_UP;
    if (ioctl(s, SIOCSIFFLAGS, &r) < 0) return fail("cannot bring up", vif, bridge);
    snprintf(key, sizeof key, "%s/hotplug-status", xenbus_path);
    if (store_write(key, "connected") < 0) {
        fprintf(stderr, "vif-bridge: cannot write %s\n", key);
        return 1;
    }
    return 0;
}
