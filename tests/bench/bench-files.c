/* bench-files.c: save and open a 10,000-paragraph review (30,000 links,
 * 5,000 omissions) as XLIFF 2.1, and export it as JSON; medians of five
 * runs against the budget of 0.2 s each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <time.h>

#include "bt-json-writer.h"
#include "bt-test-review.h"
#include "bt-xliff-reader.h"
#include "bt-xliff-writer.h"

#define N_PARAGRAPHS 10000
#define N_RUNS 5
#define BUDGET 0.2

/* CPU time of this thread: on a loaded machine the wall clock measures
 * the other processes too. */
static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *times)
{
  qsort (times, N_RUNS, sizeof (double), (int (*) (const void *, const void *)) compare_double);
  return times[N_RUNS / 2];
}

static gboolean
report (const char *what,
        double     *times)
{
  double m = median (times);

  printf ("%-22s median %.3f s CPU of %d runs (budget %.1f s)%s\n", what, m, N_RUNS, BUDGET,
          m < BUDGET ? "" : "  OVER BUDGET");
  return m < BUDGET;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(BtReview) review = bt_test_review_new_large (N_PARAGRAPHS);
  g_autofree char *dir = g_dir_make_tmp ("bitext-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.xlf", NULL);
  double save[N_RUNS], open[N_RUNS], json[N_RUNS];
  gboolean ok = TRUE;

  printf ("review: %u paragraphs, %u links, %u omissions\n",
          bt_document_get_n_paragraphs (bt_review_get_source (review)),
          bt_review_get_n_links (review), bt_review_get_n_omissions (review));
  for (int i = 0; i < N_RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BtReview) back = NULL;
      g_autoptr(GBytes) bytes = NULL;
      double t0 = now ();

      if (!bt_xliff_write_file (review, path, &error))
        g_error ("%s", error->message);
      save[i] = now () - t0;

      t0 = now ();
      back = bt_xliff_read_file (path, NULL, &error);
      if (back == NULL)
        g_error ("%s", error->message);
      open[i] = now () - t0;

      t0 = now ();
      bytes = bt_json_write_bytes (back);
      json[i] = now () - t0;
    }
  ok &= report ("save XLIFF 2.1", save);
  ok &= report ("open XLIFF 2.1", open);
  ok &= report ("export JSON", json);
  g_unlink (path);
  g_rmdir (dir);
  return ok ? 0 : 1;
}
