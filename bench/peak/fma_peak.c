/*
 * Measures the sustained double-precision FMA throughput of this machine: 12 independent chains
 * of vector FMAs per thread (enough to cover 4-cycle latency on 2 FMA ports), on 1 and 2 threads.
 * Build for the widest vectors the CPU has (the binary prints which it used):
 *   AVX-512: gcc -O2 -mavx512f -mfma -pthread fma_peak.c -o fma_peak && ./fma_peak
 *   AVX2:    gcc -O2 -mavx2 -mfma -pthread fma_peak.c -o fma_peak && ./fma_peak
 * or `gcc -O2 -march=native -pthread ...`. GFLOP/s per core / (2 ports x doubles per vector x 2
 * flops) = the sustained vector clock in GHz.
 */
#include <immintrin.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

#if defined(__AVX512F__)
typedef __m512d vec;
#define LANES 8
#define WIDTH "AVX-512"
#define SET1 _mm512_set1_pd
#define FMA _mm512_fmadd_pd
#define STORE _mm512_storeu_pd
#elif defined(__AVX2__) && defined(__FMA__)
typedef __m256d vec;
#define LANES 4
#define WIDTH "AVX2"
#define SET1 _mm256_set1_pd
#define FMA _mm256_fmadd_pd
#define STORE _mm256_storeu_pd
#else
#error "build with -mavx512f -mfma, -mavx2 -mfma or -march=native"
#endif

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void *run(void *arg) {
    vec a[12];
    vec b = SET1(0.9999999), c = SET1(1e-9);
    for (int i = 0; i < 12; i++) a[i] = SET1(i);
    long n = (long) arg;
    for (long it = 0; it < n; it++) {
#pragma GCC unroll 12
        for (int i = 0; i < 12; i++) a[i] = FMA(a[i], b, c);
    }
    double s = 0;
    for (int i = 0; i < 12; i++) {
        double t[LANES];
        STORE(t, a[i]);
        s += t[0];
    }
    return (void *) (long) (s > 1e300);
}

int main(void) {
    long n = 200000000;
    printf("%s, %d doubles per vector\n", WIDTH, LANES);
    for (int th = 1; th <= 2; th++) {
        pthread_t t[2];
        double t0 = now();
        for (int i = 0; i < th; i++) pthread_create(&t[i], 0, run, (void *) n);
        for (int i = 0; i < th; i++) pthread_join(t[i], 0);
        double dt = now() - t0;
        printf("%d thread(s): %.1f GFLOP/s\n", th, th * n * 12.0 * LANES * 2 / dt / 1e9);
    }
    return 0;
}
