/*
 * c_mmc.c -- minimal hand-written M/M/c event loop: the "practical floor" for
 * the onestop peer benchmark (scripts/bench-peers.sh).
 *
 * Model (the reference model of scripts/bench-peers.sh): c servers, Poisson arrivals at rate
 * lambda, exponential service at rate mu per server, FIFO, unlimited queue,
 * starts empty. Stopping rule (shared with the Python peer models): run until the
 * horizon T = customers / lambda; a customer is counted when their service
 * completes before T, and mean_wait / p_wait are over those customers.
 *
 * Pending events live in a binary min-heap keyed on time; waiting customers in
 * a growable FIFO ring of arrival times. RNG: GSL mt19937 + gsl_ran_exponential.
 *
 * Build: gcc -O2 -o c_mmc c_mmc.c $(pkg-config --cflags --libs gsl)
 * Usage: c_mmc [--servers 8] [--arrival-rate 7.2] [--service-rate 1]
 *              [--customers 1000000] [--seed 1]
 * Prints one JSON line:
 *   {"tool":"c-gsl","version":...,"customers":served,"mean_wait":min,"p_wait":frac}
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_version.h>

enum { ARRIVAL = 0, DEPARTURE = 1 };

typedef struct {
    double t;
    double wait; /* departures: the departing customer's wait */
    int type;
} event;

typedef struct {
    event *a;
    size_t n, cap;
} heap;

static void *xrealloc(void *p, size_t sz) {
    p = realloc(p, sz);
    if (!p) { fprintf(stderr, "c_mmc: out of memory\n"); exit(2); }
    return p;
}

static void heap_push(heap *h, event e) {
    if (h->n == h->cap) {
        h->cap = h->cap ? 2 * h->cap : 64;
        h->a = xrealloc(h->a, h->cap * sizeof(event));
    }
    size_t i = h->n++;
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (h->a[parent].t <= e.t) break;
        h->a[i] = h->a[parent];
        i = parent;
    }
    h->a[i] = e;
}

static event heap_pop(heap *h) {
    event top = h->a[0];
    event last = h->a[--h->n];
    size_t i = 0, n = h->n;
    for (;;) {
        size_t child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && h->a[child + 1].t < h->a[child].t) child++;
        if (last.t <= h->a[child].t) break;
        h->a[i] = h->a[child];
        i = child;
    }
    if (n > 0) h->a[i] = last;
    return top;
}

/* FIFO ring buffer of arrival times of waiting customers. */
typedef struct {
    double *a;
    size_t head, n, cap;
} fifo;

static void fifo_push(fifo *q, double x) {
    if (q->n == q->cap) {
        size_t ncap = q->cap ? 2 * q->cap : 64;
        double *b = xrealloc(NULL, ncap * sizeof(double));
        for (size_t k = 0; k < q->n; k++) b[k] = q->a[(q->head + k) % q->cap];
        free(q->a);
        q->a = b; q->head = 0; q->cap = ncap;
    }
    q->a[(q->head + q->n) % q->cap] = x;
    q->n++;
}

static double fifo_pop(fifo *q) {
    double x = q->a[q->head];
    q->head = (q->head + 1) % q->cap;
    q->n--;
    return x;
}

static void usage(const char *prog) {
    fprintf(stderr,
            "usage: %s [--servers C] [--arrival-rate L] [--service-rate M]\n"
            "          [--customers N] [--seed S]\n"
            "horizon = N / L; prints one JSON line\n", prog);
}

int main(int argc, char **argv) {
    int servers = 8;
    double lam = 7.2, mu = 1.0;
    double customers = 1e6;
    unsigned long seed = 1;

    for (int i = 1; i < argc; i++) {
        const char *k = argv[i];
        if (!strcmp(k, "-h") || !strcmp(k, "--help")) { usage(argv[0]); return 0; }
        if (i + 1 >= argc) { usage(argv[0]); return 1; }
        const char *v = argv[++i];
        if (!strcmp(k, "--servers")) servers = atoi(v);
        else if (!strcmp(k, "--arrival-rate")) lam = atof(v);
        else if (!strcmp(k, "--service-rate")) mu = atof(v);
        else if (!strcmp(k, "--customers")) customers = atof(v);
        else if (!strcmp(k, "--seed")) seed = strtoul(v, NULL, 10);
        else { usage(argv[0]); return 1; }
    }
    if (servers < 1 || lam <= 0 || mu <= 0 || customers <= 0) { usage(argv[0]); return 1; }

    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, seed);
    const double mean_ia = 1.0 / lam, mean_svc = 1.0 / mu;
    const double horizon = customers / lam;

    heap h = {0};
    fifo q = {0};
    int busy = 0;
    long served = 0, waited = 0, events = 0;
    double total_wait = 0.0;

    heap_push(&h, (event){gsl_ran_exponential(rng, mean_ia), 0.0, ARRIVAL});
    while (h.n > 0) {
        event e = heap_pop(&h);
        if (e.t > horizon) break;
        events++;
        if (e.type == ARRIVAL) {
            heap_push(&h, (event){e.t + gsl_ran_exponential(rng, mean_ia), 0.0, ARRIVAL});
            if (busy < servers) {
                busy++;
                heap_push(&h, (event){e.t + gsl_ran_exponential(rng, mean_svc), 0.0, DEPARTURE});
            } else {
                fifo_push(&q, e.t);
            }
        } else {
            served++;
            total_wait += e.wait;
            if (e.wait > 0.0) waited++;
            if (q.n > 0) {
                double w = e.t - fifo_pop(&q);
                heap_push(&h, (event){e.t + gsl_ran_exponential(rng, mean_svc), w, DEPARTURE});
            } else {
                busy--;
            }
        }
    }

    printf("{\"tool\": \"c-gsl\", \"version\": \"GSL %s\", \"customers\": %ld, "
           "\"mean_wait\": %.17g, \"p_wait\": %.17g, \"events\": %ld, \"horizon\": %.17g}\n",
           GSL_VERSION, served, served ? total_wait / served : 0.0,
           served ? (double)waited / served : 0.0, events, horizon);

    free(h.a);
    free(q.a);
    gsl_rng_free(rng);
    return 0;
}
