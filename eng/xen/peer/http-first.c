/*
 * mirage-http-first: how long a web server guest takes to give its first complete answer, for
 * eng/bench/website-xen.sh (the "xl create -> first HTTP response" measurement).
 *
 *   mirage-http-first IP PORT PATH EXPECTED-FILE LIMIT-SECONDS
 *
 * Started in dom0 right before `xl create`. Every 20 ms it opens a new TCP connection attempt to
 * IP:PORT (each attempt lives at most 200 ms, so a SYN lost while the guest is still booting
 * costs 20 ms, not the kernel's 1 s retransmission), and on the first connection that succeeds
 * it sends `GET PATH` and reads the whole answer. It prints
 *   http-first: first_response_s S attempts N
 * where S is the time from its start to the end of an answer "200" whose body is EXPECTED-FILE
 * byte for byte, and exits 0. Exit 1: an answer came but was not that file (printed); 3: no
 * answer within LIMIT-SECONDS; 2: usage or local errors.
 *
 * Written for the test harness's dom0 (busybox, no libraries; a shell loop of wget processes
 * would take CPU from the guest booting on the same emulated CPU): eng/xen/xenbuild.py compiles
 * it statically.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_ATTEMPTS 16
#define ATTEMPT_EVERY_MS 20
#define ATTEMPT_LIFETIME_MS 200
#define ANSWER_LIMIT (1 << 20)

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static char *read_file(const char *path, size_t *length)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *data = malloc(ANSWER_LIMIT);
    if (!data) { fclose(f); return NULL; }
    *length = fread(data, 1, ANSWER_LIMIT, f);
    fclose(f);
    return data;
}

struct attempt {
    int fd;
    double started;
};

/* Reads the whole answer of a connected socket (the request asks the server to close). */
static ssize_t read_answer(int fd, char *buffer, double deadline)
{
    size_t got = 0;
    for (;;) {
        int left_ms = (int)((deadline - now_seconds()) * 1000);
        if (left_ms <= 0) return -1;
        struct pollfd p = { .fd = fd, .events = POLLIN };
        if (poll(&p, 1, left_ms) <= 0) return -1;
        ssize_t n = read(fd, buffer + got, ANSWER_LIMIT - got);
        if (n == 0) return (ssize_t)got;
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        got += (size_t)n;
        if (got == ANSWER_LIMIT) return -1;
    }
}

int main(int argc, char **argv)
{
    if (argc != 6) {
        fprintf(stderr, "usage: mirage-http-first IP PORT PATH EXPECTED-FILE LIMIT-SECONDS\n");
        return 2;
    }
    double start = now_seconds();
    struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons((unsigned short)atoi(argv[2])) };
    if (inet_pton(AF_INET, argv[1], &to.sin_addr) != 1) {
        fprintf(stderr, "http-first: not an IPv4 address: %s\n", argv[1]);
        return 2;
    }
    size_t expected_length;
    char *expected = read_file(argv[4], &expected_length);
    char *answer = malloc(ANSWER_LIMIT);
    if (!expected || !answer) {
        fprintf(stderr, "http-first: cannot read %s\n", argv[4]);
        return 2;
    }
    double limit = atof(argv[5]);
    char request[512];
    int request_length = snprintf(request, sizeof request, "GET %s HTTP/1.1\r\nHost: %s:%s\r\nConnection: close\r\n\r\n",
                                  argv[3], argv[1], argv[2]);

    struct attempt attempts[MAX_ATTEMPTS];
    int count = 0, total = 0;
    double next = start;
    while (now_seconds() - start < limit) {
        double t = now_seconds();
        /* Forget finished attempts (fd -1) and those past their lifetime, then start one if it is time. */
        for (int i = 0; i < count;) {
            if (attempts[i].fd < 0 || t - attempts[i].started > ATTEMPT_LIFETIME_MS / 1000.0) {
                if (attempts[i].fd >= 0) close(attempts[i].fd);
                attempts[i] = attempts[--count];
            } else i++;
        }
        if (t >= next && count < MAX_ATTEMPTS) {
            int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
            if (fd < 0) { perror("http-first: socket"); return 2; }
            if (connect(fd, (struct sockaddr *)&to, sizeof to) == 0 || errno == EINPROGRESS) {
                attempts[count].fd = fd;
                attempts[count].started = t;
                count++;
                total++;
            } else close(fd);
            next = t + ATTEMPT_EVERY_MS / 1000.0;
        }
        struct pollfd fds[MAX_ATTEMPTS];
        for (int i = 0; i < count; i++) fds[i] = (struct pollfd){ .fd = attempts[i].fd, .events = POLLOUT };
        int wait_ms = (int)((next - now_seconds()) * 1000);
        if (poll(fds, (nfds_t)count, wait_ms < 1 ? 1 : wait_ms) <= 0) continue;
        for (int i = 0; i < count; i++) {
            if (!(fds[i].revents & (POLLOUT | POLLERR | POLLHUP))) continue;
            int error = 0;
            socklen_t size = sizeof error;
            getsockopt(fds[i].fd, SOL_SOCKET, SO_ERROR, &error, &size);
            if (error != 0) {          /* refused (the guest is up, not listening yet) or unreachable */
                close(fds[i].fd);
                attempts[i].fd = -1;
                continue;
            }
            int fd = fds[i].fd;
            fcntl(fd, F_SETFL, 0);
            if (write(fd, request, (size_t)request_length) != request_length) {
                close(fd);
                attempts[i].fd = -1;
                continue;
            }
            ssize_t got = read_answer(fd, answer, now_seconds() + 5);
            double done = now_seconds();
            close(fd);
            attempts[i].fd = -1;
            if (got <= 0) continue;    /* reset or silent while starting: try again */
            answer[got < ANSWER_LIMIT ? got : ANSWER_LIMIT - 1] = 0;
            char *body = strstr(answer, "\r\n\r\n");
            int ok = strncmp(answer, "HTTP/1.", 7) == 0 && strncmp(answer + 8, " 200 ", 5) == 0 && body
                     && (size_t)(answer + got - (body + 4)) == expected_length
                     && memcmp(body + 4, expected, expected_length) == 0;
            if (!ok) {
                char *line_end = strstr(answer, "\r\n");
                if (line_end) *line_end = 0;
                printf("http-first: the first answer (%zd bytes, \"%s\") is not %s\n", got, answer, argv[4]);
                return 1;
            }
            printf("http-first: first_response_s %.3f attempts %d\n", done - start, total);
            return 0;
        }
    }
    printf("http-first: no answer within %.0f s (%d attempts)\n", limit, total);
    return 3;
}
