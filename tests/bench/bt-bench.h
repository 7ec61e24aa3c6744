/* bt-bench.h: what the benchmarks share to measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* CPU time of this process, or of this thread: a busy machine disturbs
 * it less than the wall clock. */
double   bt_bench_process_cpu (void);
double   bt_bench_thread_cpu  (void);
/* The process's peak resident memory so far, in KiB; 0 if unknown. */
guint64  bt_bench_peak_kib    (void);
/* Sorts the @n @values and returns the middle one. */
double   bt_bench_median      (double *values,
                               guint   n);

G_END_DECLS
