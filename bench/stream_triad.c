/*
 * Native reference for the kernel lab's triad: a[i] = b[i] + s * c[i] over doubles, OpenMP,
 * STREAM convention (24 bytes per element, write-allocate not counted), best of NTIMES after
 * one untimed pass. A developer tool, not shipped: see bench/native.sh and docs/kernel-lab.md.
 *
 * usage: stream_triad [working-set MiB, total of the three arrays (default 768)] [times (default 20)]
 */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    double mib = argc > 1 ? atof(argv[1]) : 768.0;
    int times = argc > 2 ? atoi(argv[2]) : 20;
    long n = (long) (mib * 1024 * 1024 / 24);
    double *a = aligned_alloc(64, n * sizeof(double) + 64);
    double *b = aligned_alloc(64, n * sizeof(double) + 64);
    double *c = aligned_alloc(64, n * sizeof(double) + 64);
    if (!a || !b || !c) {
        fprintf(stderr, "cannot allocate %.0f MiB\n", mib);
        return 1;
    }
    /* first touch by the threads that will stream the data */
#pragma omp parallel for schedule(static)
    for (long i = 0; i < n; i++) {
        a[i] = 1.0;
        b[i] = 2.0;
        c[i] = 0.5;
    }
    double best = 1e30, sum = 0;
    const double s = 0.5;
    for (int k = 0; k <= times; k++) {
        double t0 = omp_get_wtime();
#pragma omp parallel for schedule(static)
        for (long i = 0; i < n; i++) {
            a[i] = b[i] + s * c[i];
        }
        double t = omp_get_wtime() - t0;
        if (k > 0 && t < best) {
            best = t;
        }
        sum += a[n / 2];
    }
    printf("{\"threads\": %d, \"workingSetMiB\": %.1f, \"elementType\": \"double\", \"bytesPerElement\": 24, "
           "\"bestTriadGBps\": %.2f, \"checksum\": %.1f}\n",
           omp_get_max_threads(), mib, 24.0 * n / best / 1e9, sum);
    free(a);
    free(b);
    free(c);
    return 0;
}
