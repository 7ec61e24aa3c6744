/* bench-align.c: time and peak memory of the aligner at four sizes, up to
 * 1,000,000 Chinese characters with their English
 *
 * The text is the Bible pair of ../shared (three Chinese lines a paragraph,
 * one English line a sentence) repeated to size, or the built-in sample
 * when ../shared is absent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bt-aligner.h"
#include "bt-bench.h"

#define RUNS 3

static char **
read_lines (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *data = NULL;

  if (!g_file_get_contents (path, &data, NULL, NULL))
    return NULL;
  g_strchomp (data);
  return g_strsplit (data, "\n", -1);
}

static void
add_segmented (BtDocument *doc,
               const char *text,
               guint       line)
{
  BtSpan span = { 0, g_utf8_strlen (text, -1) };

  if (span.end > 0)
    bt_document_append_segmented (doc, text, line, &span, 1, NULL);
}

/* Appends copies of the pair until the source holds @chars characters. */
static void
build (char      **zh,
       char      **en,
       guint64     chars,
       BtDocument *source,
       BtDocument *target)
{
  while (bt_document_get_n_chars (source) < chars)
    {
      for (guint i = 0; zh[i] != NULL && bt_document_get_n_chars (source) < chars; i += 3)
        {
          g_autofree char *para = g_strjoin ("", zh[i], zh[i + 1] != NULL ? zh[i + 1] : "",
                                             zh[i + 1] != NULL && zh[i + 2] != NULL ? zh[i + 2] : "", NULL);

          add_segmented (source, para, i + 1);
        }
      for (guint i = 0; en[i] != NULL; i++)
        add_segmented (target, en[i], i + 1);
    }
}

static gboolean
load_pair (char ***zh,
           char ***en)
{
  const char *shared = g_getenv ("BITEXT_SHARED_DIR");
  const char *samples = g_getenv ("BITEXT_SAMPLES_DIR");
  g_autofree char *bible = shared != NULL ? g_build_filename (shared, "corpus", "bible", NULL) : NULL;

  if (bible != NULL && (*zh = read_lines (bible, "zh.txt")) != NULL && (*en = read_lines (bible, "en.txt")) != NULL)
    {
      printf ("# text: the Bible pair of ../shared, repeated\n");
      return TRUE;
    }
  if (samples != NULL && (*zh = read_lines (samples, "sample-zh.txt")) != NULL &&
      (*en = read_lines (samples, "sample-en.txt")) != NULL)
    {
      printf ("# text: the built-in sample, repeated (no ../shared)\n");
      return TRUE;
    }
  return FALSE;
}

static double
median_run (BtAligner  *aligner,
            BtDocument *source,
            BtDocument *target,
            guint      *n_links,
            double     *wall)
{
  double t[RUNS], w[RUNS];

  for (guint r = 0; r < RUNS; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double c0 = bt_bench_thread_cpu ();
      g_autoptr (BtAlignment) alignment = bt_aligner_run (aligner, source, target, NULL, NULL);

      t[r] = bt_bench_thread_cpu () - c0;
      w[r] = (g_get_monotonic_time () - t0) / 1e6;
      bt_alignment_get_links (alignment, n_links);
    }
  *wall = bt_bench_median (w, RUNS);
  return bt_bench_median (t, RUNS);
}

int
main (int    argc,
      char **argv)
{
  static const guint64 sizes[] = { 125000, 250000, 500000, 1000000 };
  g_auto (GStrv) zh = NULL;
  g_auto (GStrv) en = NULL;
  g_autofree char *path = bt_dictionary_find_default ();
  g_autoptr (BtDictionary) dictionary = path != NULL ? bt_dictionary_load (path, NULL) : NULL;
  g_autoptr (BtAligner) aligner = bt_aligner_new (dictionary);
  double per_char[G_N_ELEMENTS (sizes)];
  int status = 0;

  if (!load_pair (&zh, &en))
    {
      printf ("# no text to align: set BITEXT_SHARED_DIR or BITEXT_SAMPLES_DIR\n");
      return 77;
    }
  printf ("# dictionary: %s\n", dictionary != NULL ? path : "none");
  printf ("%12s %12s %10s %10s %12s %12s %14s\n", "zh chars", "en chars", "sentences", "links", "median CPU s",
          "median wall", "peak RSS MiB");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr (BtDocument) source = bt_document_new (BT_LANGUAGE_ZH);
      g_autoptr (BtDocument) target = bt_document_new (BT_LANGUAGE_EN);
      guint n_links = 0;
      double t, wall = 0;

      build (zh, en, sizes[i], source, target);
      t = median_run (aligner, source, target, &n_links, &wall);
      per_char[i] = t / bt_document_get_n_chars (source);
      printf ("%12" G_GUINT64_FORMAT " %12" G_GUINT64_FORMAT " %10u %10u %12.3f %12.3f %14.1f\n",
              bt_document_get_n_chars (source), bt_document_get_n_chars (target),
              bt_document_get_n_sentences (target), n_links, t, wall, bt_bench_peak_kib () / 1024.0);
      if (sizes[i] == 1000000 && (t >= 2.0 || bt_bench_peak_kib () >= 500 * 1024))
        status = 1;
    }
  printf ("# growth: time per character at the largest size is %.2f times that at the smallest\n",
          per_char[G_N_ELEMENTS (sizes) - 1] / per_char[0]);
  printf ("# budget for 1,000,000 characters: < 2 s and < 500 MiB: %s\n", status == 0 ? "met" : "MISSED");
  return status;
}
