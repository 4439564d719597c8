/*
 * How long this machine takes to hand out fresh memory: maps SIZE MiB of anonymous memory,
 * writes one byte per 4 KiB page (the first touch, where the kernel and hypervisor supply the
 * pages), then writes the whole block again (memory already backed). With HUGE = 1 the block is
 * madvise(MADV_HUGEPAGE)d first, as the JVM does for its heap under -XX:+UseTransparentHugePages.
 * A paper-size PINN step needs about 2.5 GB of buffers, touched for the first time in its first
 * iteration (docs/performance.md, run 11).
 * Build and run: gcc -O2 first_touch.c -o first_touch && ./first_touch 2560 0 && ./first_touch 2560 1
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: first_touch SIZE_MIB HUGE(0|1)\n");
        return 2;
    }
    size_t n = (size_t) atol(argv[1]) << 20;
    int huge = atoi(argv[2]);
    char *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    if (huge && madvise(p, n, MADV_HUGEPAGE) != 0) {
        perror("madvise");
    }
    double t0 = now();
    for (size_t i = 0; i < n; i += 4096) {
        p[i] = 1;
    }
    double t1 = now();
    memset(p, 0, n);
    double t2 = now();
    printf("%zu MiB, huge pages %s: first touch %.3f s (%.2f GB/s), second pass %.3f s (%.1f GB/s)\n", n >> 20,
           huge ? "asked" : "not asked", t1 - t0, n / 1e9 / (t1 - t0), t2 - t1, n / 1e9 / (t2 - t1));
    return 0;
}
