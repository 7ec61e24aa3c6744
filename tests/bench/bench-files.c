/* bench-files.c: save and open a 10,000-paragraph review (30,000 links,
 * 5,000 omissions) as XLIFF 2.1, and export it as JSON; medians of five
 * runs against the budget of 0.2 s each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "bt-json-writer.h"
#include "bt-test-review.h"
#include "bt-xliff-reader.h"
#include "bt-xliff-writer.h"

#define N_PARAGRAPHS 10000
#define N_RUNS 5
#define BUDGET 0.2

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

  printf ("%-22s median %.3f s of %d runs (budget %.1f s)%s\n", what, m, N_RUNS, BUDGET,
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
      gint64 t0 = g_get_monotonic_time ();

      if (!bt_xliff_write_file (review, path, &error))
        g_error ("%s", error->message);
      save[i] = (g_get_monotonic_time () - t0) / 1e6;

      t0 = g_get_monotonic_time ();
      back = bt_xliff_read_file (path, NULL, &error);
      if (back == NULL)
        g_error ("%s", error->message);
      open[i] = (g_get_monotonic_time () - t0) / 1e6;

      t0 = g_get_monotonic_time ();
      bytes = bt_json_write_bytes (back);
      json[i] = (g_get_monotonic_time () - t0) / 1e6;
    }
  ok &= report ("save XLIFF 2.1", save);
  ok &= report ("open XLIFF 2.1", open);
  ok &= report ("export JSON", json);
  g_unlink (path);
  g_rmdir (dir);
  return ok ? 0 : 1;
}
