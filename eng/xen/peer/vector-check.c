/*
 * mirage-vector-check: are dom0's vector registers still its own while guests run?
 *
 *   mirage-vector-check SECONDS
 *
 * Loads every vector register it can name with a random pattern (x86_64: ymm0-ymm15 when the CPU
 * has AVX, else xmm0-xmm15; ARM: d0-d15, the VFPv3-D16 set every armhf CPU has), spins on integer
 * instructions only, stores the registers back and compares them with the pattern, again and
 * again for SECONDS. Context switches (to other dom0 processes, to Xen, to guests) happen during
 * the spin; a kernel or hypervisor that saves and restores the FPU state correctly leaves every
 * byte as it was. Prints
 *   vector-check: rounds R bad B registers N
 * (and, for the first bad rounds, which registers changed), exits 0 when B is 0, 1 otherwise.
 *
 * Why it exists: under QEMU TCG, Xen's lazy FPU switching for HVM/PVH guests (CR0.TS and #NM)
 * is not emulated faithfully in a nested SVM guest: a PVH guest's SSE instructions ran on dom0's
 * registers, and dom0 programs (curl, xl, busybox, wrk) crashed or computed garbage now and then.
 * eng/xen/harness.py boots Xen with spec-ctrl=eager-fpu; the netfront tests run this beside their
 * guests so a regression shows up as a named failure, not as random crashes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_REGISTERS 16
#define MAX_BYTES 32
#define SPIN_ITERATIONS 2000000L
#define REPORTED_BAD_ROUNDS 5

static uint8_t pattern[MAX_REGISTERS][MAX_BYTES] __attribute__((aligned(32)));
static uint8_t seen[MAX_REGISTERS][MAX_BYTES] __attribute__((aligned(32)));
static int registers, register_bytes;
static const char *register_name;

#if defined(__x86_64__)
/* One asm block from load to store, so the compiler cannot use the registers in between. */
__attribute__((target("avx"))) static void spin_avx(long n)
{
    __asm__ volatile(
        "vmovdqa 0(%[p]), %%ymm0\n\t vmovdqa 32(%[p]), %%ymm1\n\t vmovdqa 64(%[p]), %%ymm2\n\t vmovdqa 96(%[p]), %%ymm3\n\t"
        "vmovdqa 128(%[p]), %%ymm4\n\t vmovdqa 160(%[p]), %%ymm5\n\t vmovdqa 192(%[p]), %%ymm6\n\t vmovdqa 224(%[p]), %%ymm7\n\t"
        "vmovdqa 256(%[p]), %%ymm8\n\t vmovdqa 288(%[p]), %%ymm9\n\t vmovdqa 320(%[p]), %%ymm10\n\t vmovdqa 352(%[p]), %%ymm11\n\t"
        "vmovdqa 384(%[p]), %%ymm12\n\t vmovdqa 416(%[p]), %%ymm13\n\t vmovdqa 448(%[p]), %%ymm14\n\t vmovdqa 480(%[p]), %%ymm15\n\t"
        "1: dec %[n]\n\t jnz 1b\n\t"
        "vmovdqa %%ymm0, 0(%[s])\n\t vmovdqa %%ymm1, 32(%[s])\n\t vmovdqa %%ymm2, 64(%[s])\n\t vmovdqa %%ymm3, 96(%[s])\n\t"
        "vmovdqa %%ymm4, 128(%[s])\n\t vmovdqa %%ymm5, 160(%[s])\n\t vmovdqa %%ymm6, 192(%[s])\n\t vmovdqa %%ymm7, 224(%[s])\n\t"
        "vmovdqa %%ymm8, 256(%[s])\n\t vmovdqa %%ymm9, 288(%[s])\n\t vmovdqa %%ymm10, 320(%[s])\n\t vmovdqa %%ymm11, 352(%[s])\n\t"
        "vmovdqa %%ymm12, 384(%[s])\n\t vmovdqa %%ymm13, 416(%[s])\n\t vmovdqa %%ymm14, 448(%[s])\n\t vmovdqa %%ymm15, 480(%[s])\n\t"
        "vzeroupper\n\t"
        : [n] "+r"(n)
        : [p] "r"(pattern), [s] "r"(seen)
        : "memory", "cc", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
          "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
}

static void spin_sse(long n)
{
    __asm__ volatile(
        "movdqa 0(%[p]), %%xmm0\n\t movdqa 32(%[p]), %%xmm1\n\t movdqa 64(%[p]), %%xmm2\n\t movdqa 96(%[p]), %%xmm3\n\t"
        "movdqa 128(%[p]), %%xmm4\n\t movdqa 160(%[p]), %%xmm5\n\t movdqa 192(%[p]), %%xmm6\n\t movdqa 224(%[p]), %%xmm7\n\t"
        "movdqa 256(%[p]), %%xmm8\n\t movdqa 288(%[p]), %%xmm9\n\t movdqa 320(%[p]), %%xmm10\n\t movdqa 352(%[p]), %%xmm11\n\t"
        "movdqa 384(%[p]), %%xmm12\n\t movdqa 416(%[p]), %%xmm13\n\t movdqa 448(%[p]), %%xmm14\n\t movdqa 480(%[p]), %%xmm15\n\t"
        "1: dec %[n]\n\t jnz 1b\n\t"
        "movdqa %%xmm0, 0(%[s])\n\t movdqa %%xmm1, 32(%[s])\n\t movdqa %%xmm2, 64(%[s])\n\t movdqa %%xmm3, 96(%[s])\n\t"
        "movdqa %%xmm4, 128(%[s])\n\t movdqa %%xmm5, 160(%[s])\n\t movdqa %%xmm6, 192(%[s])\n\t movdqa %%xmm7, 224(%[s])\n\t"
        "movdqa %%xmm8, 256(%[s])\n\t movdqa %%xmm9, 288(%[s])\n\t movdqa %%xmm10, 320(%[s])\n\t movdqa %%xmm11, 352(%[s])\n\t"
        "movdqa %%xmm12, 384(%[s])\n\t movdqa %%xmm13, 416(%[s])\n\t movdqa %%xmm14, 448(%[s])\n\t movdqa %%xmm15, 480(%[s])\n\t"
        : [n] "+r"(n)
        : [p] "r"(pattern), [s] "r"(seen)
        : "memory", "cc", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
          "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
}

static void (*spin)(long);

static void choose_registers(void)
{
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx")) {
        spin = spin_avx, registers = 16, register_bytes = 32, register_name = "ymm";
    } else {
        spin = spin_sse, registers = 16, register_bytes = 16, register_name = "xmm";
    }
}
#elif defined(__arm__)
/* The rows of pattern/seen are 32 bytes apart; each d register takes the first 8 of its row. */
static void spin(long n)
{
    __asm__ volatile(
        ".fpu vfpv3-d16\n\t"
        "vldr d0, [%[p], #0]\n\t vldr d1, [%[p], #32]\n\t vldr d2, [%[p], #64]\n\t vldr d3, [%[p], #96]\n\t"
        "vldr d4, [%[p], #128]\n\t vldr d5, [%[p], #160]\n\t vldr d6, [%[p], #192]\n\t vldr d7, [%[p], #224]\n\t"
        "vldr d8, [%[p], #256]\n\t vldr d9, [%[p], #288]\n\t vldr d10, [%[p], #320]\n\t vldr d11, [%[p], #352]\n\t"
        "vldr d12, [%[p], #384]\n\t vldr d13, [%[p], #416]\n\t vldr d14, [%[p], #448]\n\t vldr d15, [%[p], #480]\n\t"
        "1: subs %[n], %[n], #1\n\t bne 1b\n\t"
        "vstr d0, [%[s], #0]\n\t vstr d1, [%[s], #32]\n\t vstr d2, [%[s], #64]\n\t vstr d3, [%[s], #96]\n\t"
        "vstr d4, [%[s], #128]\n\t vstr d5, [%[s], #160]\n\t vstr d6, [%[s], #192]\n\t vstr d7, [%[s], #224]\n\t"
        "vstr d8, [%[s], #256]\n\t vstr d9, [%[s], #288]\n\t vstr d10, [%[s], #320]\n\t vstr d11, [%[s], #352]\n\t"
        "vstr d12, [%[s], #384]\n\t vstr d13, [%[s], #416]\n\t vstr d14, [%[s], #448]\n\t vstr d15, [%[s], #480]\n\t"
        : [n] "+r"(n)
        : [p] "r"(pattern), [s] "r"(seen)
        : "memory", "cc", "d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7",
          "d8", "d9", "d10", "d11", "d12", "d13", "d14", "d15");
}

static void choose_registers(void)
{
    registers = 16, register_bytes = 8, register_name = "d";
}
#else
#error "mirage-vector-check knows x86_64 and 32-bit ARM"
#endif

int main(int argc, char **argv)
{
    if (argc != 2 || atoi(argv[1]) <= 0) {
        fprintf(stderr, "usage: mirage-vector-check SECONDS\n");
        return 2;
    }
    choose_registers();
    srand((unsigned)time(NULL) ^ (unsigned)getpid());
    for (int r = 0; r < MAX_REGISTERS; r++)
        for (int b = 0; b < MAX_BYTES; b++)
            pattern[r][b] = (uint8_t)(rand() | 1); /* never zero: a wiped register shows as changed */

    time_t end = time(NULL) + atoi(argv[1]);
    long rounds = 0, bad = 0;
    while (time(NULL) < end) {
        memset(seen, 0, sizeof seen);
        spin(SPIN_ITERATIONS);
        rounds++;
        char changed[512];
        int used = 0;
        for (int r = 0; r < registers; r++)
            if (memcmp(seen[r], pattern[r], (size_t)register_bytes) != 0)
                used += snprintf(changed + used, sizeof changed - (size_t)used, " %s%d", register_name, r);
        if (used == 0)
            continue;
        if (++bad <= REPORTED_BAD_ROUNDS)
            printf("vector-check: round %ld: changed:%s\n", rounds, changed);
    }
    printf("vector-check: rounds %ld bad %ld registers %d %s (%d bytes each)\n",
           rounds, bad, registers, register_name, register_bytes);
    return bad == 0 ? 0 : 1;
}
