/*
 * Measures the sustained double-precision FMA throughput of this machine: 12 independent chains
 * of 512-bit FMAs per thread (enough to cover 4-cycle latency on 2 FMA ports), on 1 and 2 threads.
 * Build and run: gcc -O2 -mavx512f -mfma -pthread fma_peak.c -o fma_peak && ./fma_peak
 * GFLOP/s per core / (2 ports x 8 doubles x 2 flops) = the sustained AVX-512 clock in GHz.
 */
#include <immintrin.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void *run(void *arg) {
    __m512d a[12];
    __m512d b = _mm512_set1_pd(0.9999999), c = _mm512_set1_pd(1e-9);
    for (int i = 0; i < 12; i++) a[i] = _mm512_set1_pd(i);
    long n = (long) arg;
    for (long it = 0; it < n; it++) {
#pragma GCC unroll 12
        for (int i = 0; i < 12; i++) a[i] = _mm512_fmadd_pd(a[i], b, c);
    }
    double s = 0;
    for (int i = 0; i < 12; i++) {
        double t[8];
        _mm512_storeu_pd(t, a[i]);
        s += t[0];
    }
    return (void *) (long) (s > 1e300);
}

int main(void) {
    long n = 200000000;
    for (int th = 1; th <= 2; th++) {
        pthread_t t[2];
        double t0 = now();
        for (int i = 0; i < th; i++) pthread_create(&t[i], 0, run, (void *) n);
        for (int i = 0; i < th; i++) pthread_join(t[i], 0);
        double dt = now() - t0;
        printf("%d thread(s): %.1f GFLOP/s\n", th, th * n * 12.0 * 16 / dt / 1e9);
    }
    return 0;
}
