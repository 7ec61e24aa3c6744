/* bench-files.c: save and open a 10,000-paragraph review as XLIFF 2.1,
 * and export it as JSON; medians of five runs against the budget of
 * 0.2 s each
 *
 * Two shapes: random text with 30,000 links and 5,000 omissions, and
 * the window benchmark's review of long, two-sentence paragraphs with
 * overlapping suggested links. It prints the size of each file; given a
 * folder, it keeps the files there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "bt-bench.h"
#include "bt-json-writer.h"
#include "bt-test-review.h"
#include "bt-xliff-reader.h"
#include "bt-xliff-writer.h"

#define N_PARAGRAPHS 10000
#define N_RUNS 5
#define BUDGET 0.2

typedef struct
{
  double wall[N_RUNS];
  double cpu[N_RUNS];
} Times;

static double
clock_seconds (clockid_t id)
{
  struct timespec ts;

  clock_gettime (id, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The budget applies to wall time; CPU time of this thread shows how
 * much of it a loaded machine took away. */
static gboolean
report (const char *what,
        Times      *times)
{
  double wall = bt_bench_median (times->wall, N_RUNS);
  double cpu = bt_bench_median (times->cpu, N_RUNS);

  printf ("%-34s median %.3f s wall, %.3f s CPU of %d runs (budget %.1f s)%s\n", what, wall,
          cpu, N_RUNS, BUDGET, wall < BUDGET ? "" : "  OVER BUDGET");
  return wall < BUDGET;
}

static void
start (double *wall,
       double *cpu)
{
  *wall = clock_seconds (CLOCK_MONOTONIC);
  *cpu = bt_bench_thread_cpu ();
}

static void
stop (Times  *times,
      int     run,
      double  wall,
      double  cpu)
{
  times->wall[run] = clock_seconds (CLOCK_MONOTONIC) - wall;
  times->cpu[run] = bt_bench_thread_cpu () - cpu;
}

static void
report_size (const char *name,
             const char *path,
             const char *keep_dir)
{
  GStatBuf st;

  if (g_stat (path, &st) == 0)
    printf ("XLIFF 2.1 file (%s)%*s %.1f MB\n", name, (int) (17 - strlen (name)), "",
            st.st_size / 1e6);
  if (keep_dir != NULL)
    {
      g_autofree char *base = g_strdup_printf ("%s.xlf", name);
      g_autofree char *copy = g_build_filename (keep_dir, base, NULL);
      g_autofree char *data = NULL;
      gsize size = 0;

      if (g_file_get_contents (path, &data, &size, NULL))
        g_file_set_contents (copy, data, (gssize) size, NULL);
    }
}

/* With @keep_dir, the written file is kept there for inspection. */
static gboolean
bench_review (const char *name,
              BtReview   *review,
              const char *path,
              const char *keep_dir)
{
  Times save, open, json;
  g_autofree char *save_name = g_strdup_printf ("save XLIFF 2.1 (%s)", name);
  g_autofree char *open_name = g_strdup_printf ("open XLIFF 2.1 (%s)", name);
  g_autofree char *json_name = g_strdup_printf ("export JSON (%s)", name);
  gboolean ok = TRUE;

  printf ("%s review: %u paragraphs, %u links, %u omissions\n", name,
          bt_document_get_n_paragraphs (bt_review_get_source (review)),
          bt_review_get_n_links (review), bt_review_get_n_omissions (review));
  for (int i = 0; i < N_RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BtReview) back = NULL;
      g_autoptr(GBytes) bytes = NULL;
      double wall, cpu;

      start (&wall, &cpu);
      if (!bt_xliff_write_file (review, path, &error))
        g_error ("%s", error->message);
      stop (&save, i, wall, cpu);

      start (&wall, &cpu);
      back = bt_xliff_read_file (path, NULL, &error);
      if (back == NULL)
        g_error ("%s", error->message);
      stop (&open, i, wall, cpu);

      g_assert_cmpuint (bt_review_get_n_links (back), ==, bt_review_get_n_links (review));
      g_assert_cmpuint (bt_review_get_n_omissions (back), ==, bt_review_get_n_omissions (review));

      start (&wall, &cpu);
      bytes = bt_json_write_bytes (back);
      stop (&json, i, wall, cpu);
    }
  report_size (name, path, keep_dir);
  ok &= report (save_name, &save);
  ok &= report (open_name, &open);
  ok &= report (json_name, &json);
  return ok;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(BtReview) random = bt_test_review_new_large (N_PARAGRAPHS);
  g_autoptr(BtReview) window = bt_test_review_new_window (N_PARAGRAPHS);
  g_autofree char *dir = g_dir_make_tmp ("bitext-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.xlf", NULL);
  const char *keep_dir = argc > 1 ? argv[1] : NULL;
  gboolean ok = TRUE;

  ok &= bench_review ("random", random, path, keep_dir);
  ok &= bench_review ("window", window, path, keep_dir);
  g_unlink (path);
  g_rmdir (dir);
  return ok ? 0 : 1;
}
