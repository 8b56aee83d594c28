/* Measuring tool for bench/media (not part of the product): receives every RTP stream sent to
 * one UDP port and reports how far each stream's inter-packet interval is from 20 ms, using
 * the kernel's arrival timestamps (SO_TIMESTAMPNS), so the receiver's own scheduling does not
 * count as the sender's jitter. Batches with recvmmsg to stay light beside the sender.
 * Usage: rtp_receiver <port> <warmup seconds> <measured seconds>   prints two lines. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#define BATCH 64
#define MAX_STREAMS 65536
#define MAX_SAMPLES 4000000

typedef struct { unsigned ssrc; long long last; int used; } stream_t;
static stream_t streams[MAX_STREAMS];
static float errors[MAX_SAMPLES];

static int compare(const void *a, const void *b) { float x = *(const float *)a, y = *(const float *)b; return (x > y) - (x < y); }
static long long now_ns(void) { struct timespec t; clock_gettime(CLOCK_REALTIME, &t); return t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: rtp_receiver port warmup seconds\n"); return 2; }
    int port = atoi(argv[1]); double warmup = atof(argv[2]), seconds = atof(argv[3]);
    int fd = socket(AF_INET, SOCK_DGRAM, 0), on = 1, size = 32 * 1024 * 1024;
    setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on);
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0) { perror("bind"); return 1; }
    struct timeval timeout = { 0, 200000 };
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);

    static char buffers[BATCH][1500], controls[BATCH][256];
    struct mmsghdr messages[BATCH]; struct iovec vectors[BATCH];
    long long start = now_ns(), measure_from = start + (long long)(warmup * 1e9), end = measure_from + (long long)(seconds * 1e9);
    long count = 0, packets = 0; int stream_count = 0;
    while (now_ns() < end) {
        for (int i = 0; i < BATCH; i++) {
            vectors[i] = (struct iovec){ buffers[i], sizeof buffers[i] };
            messages[i].msg_hdr = (struct msghdr){ .msg_iov = &vectors[i], .msg_iovlen = 1, .msg_control = controls[i], .msg_controllen = sizeof controls[i] };
        }
        int n = recvmmsg(fd, messages, BATCH, MSG_WAITFORONE, NULL);
        for (int i = 0; i < n; i++) {
            if (messages[i].msg_len < 12) continue;
            long long at = 0;
            for (struct cmsghdr *c = CMSG_FIRSTHDR(&messages[i].msg_hdr); c; c = CMSG_NXTHDR(&messages[i].msg_hdr, c))
                if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS) { struct timespec t; memcpy(&t, CMSG_DATA(c), sizeof t); at = t.tv_sec * 1000000000LL + t.tv_nsec; }
            unsigned char *p = (unsigned char *)buffers[i];
            unsigned ssrc = (unsigned)p[8] << 24 | (unsigned)p[9] << 16 | (unsigned)p[10] << 8 | p[11];
            stream_t *s = &streams[ssrc % MAX_STREAMS];
            while (s->used && s->ssrc != ssrc) s = &streams[(s - streams + 1) % MAX_STREAMS];
            if (!s->used) { s->used = 1; s->ssrc = ssrc; stream_count++; }
            else if (at >= measure_from && count < MAX_SAMPLES) { float e = (at - s->last) / 1e6f - 20.0f; errors[count++] = e < 0 ? -e : e; packets++; }
            s->last = at;
        }
    }
    qsort(errors, count, sizeof errors[0], compare);
    printf("streams received: %d, packets measured: %ld (%.0f/s)\n", stream_count, packets, packets / seconds);
    if (count) printf("pacing error |interval - 20 ms| (kernel arrival time): p50 %.3f ms, p99 %.3f ms, max %.3f ms\n", errors[count / 2], errors[(long)(count * 0.99)], errors[count - 1]);
    return 0;
}
