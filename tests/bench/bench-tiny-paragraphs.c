/* bench-tiny-paragraphs.c: `bitext-cli align` on a million one-character
 * paragraphs and a million two-character English sentences, step by step
 *
 * Per-item costs (an allocation, a lock, an array grown one slot at a
 * time) hide in ordinary texts and dominate this one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bt-aligner.h"
#include "bt-bench.h"
#include "bt-json-writer.h"
#include "bt-review-private.h"
#include "bt-text.h"
#include "bt-xliff-writer.h"

#define N_LINES 1000000
#define MAX_RUNS 9

enum
{
  STEP_LOAD,
  STEP_ALIGN,
  STEP_APPLY,
  STEP_JSON,
  STEP_XLIFF,
  N_STEPS
};

static const char *const step_names[N_STEPS] = {
  "load+segment", "align", "apply", "write json", "write xliff",
};

typedef struct
{
  double  wall[N_STEPS];
  double  cpu[N_STEPS];
  guint64 peak_kib[N_STEPS]; /* the process's peak so far, after the step */
} Run;

static GBytes *
repeat_line (const char *line)
{
  gsize length = strlen (line);
  char *data = g_malloc ((gsize) N_LINES * length);

  for (gsize i = 0; i < N_LINES; i++)
    memcpy (data + i * length, line, length);
  return g_bytes_new_take (data, (gsize) N_LINES * length);
}

static BtDocument *
load (GBytes     *bytes,
      BtLanguage  language)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BtText) text = bt_text_new_from_bytes (bytes, "bench.txt", NULL, &error);

  if (text == NULL)
    g_error ("%s", error->message);
  return bt_document_new_from_text (text, language, BT_PARAGRAPH_MODE_AUTO);
}

static void
step_start (gint64 *wall,
            double *cpu)
{
  *wall = g_get_monotonic_time ();
  *cpu = bt_bench_process_cpu ();
}

static void
step_end (Run    *run,
          guint   step,
          gint64  wall,
          double  cpu)
{
  run->wall[step] = (g_get_monotonic_time () - wall) / 1e6;
  run->cpu[step] = bt_bench_process_cpu () - cpu;
  run->peak_kib[step] = bt_bench_peak_kib ();
}

static guint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (guint64) st.st_size : 0;
}

/* The steps of `bitext-cli align` as it takes them, the review written as
 * JSON and as XLIFF to @dir. */
static void
run_once (GBytes       *zh,
          GBytes       *en,
          BtDictionary *dictionary,
          const char   *dir,
          Run          *run)
{
  g_autofree char *json = g_build_filename (dir, "review.json", NULL);
  g_autofree char *xliff = g_build_filename (dir, "review.xlf", NULL);
  g_autoptr (BtDocument) source = NULL;
  g_autoptr (BtDocument) target = NULL;
  g_autoptr (BtAligner) aligner = bt_aligner_new (dictionary);
  g_autoptr (BtAlignment) alignment = NULL;
  g_autoptr (BtReview) review = NULL;
  g_autoptr (GError) error = NULL;
  guint n_links = 0;
  gint64 wall;
  double cpu;

  step_start (&wall, &cpu);
  source = load (zh, BT_LANGUAGE_ZH);
  target = load (en, BT_LANGUAGE_EN);
  step_end (run, STEP_LOAD, wall, cpu);
  g_assert_cmpuint (bt_document_get_n_paragraphs (source), ==, N_LINES);
  g_assert_cmpuint (bt_document_get_n_sentences (target), ==, N_LINES);

  step_start (&wall, &cpu);
  alignment = bt_aligner_run (aligner, source, target, NULL, &error);
  step_end (run, STEP_ALIGN, wall, cpu);
  g_assert_no_error (error);

  step_start (&wall, &cpu);
  review = bt_review_new (source, target);
  _bt_review_set_drop_history (review, TRUE);
  bt_alignment_apply (alignment, review);
  _bt_review_set_drop_history (review, FALSE);
  step_end (run, STEP_APPLY, wall, cpu);
  bt_alignment_get_links (alignment, &n_links);
  g_assert_cmpuint (bt_review_get_n_links (review), ==, n_links);
  g_clear_pointer (&alignment, bt_alignment_free);

  step_start (&wall, &cpu);
  if (!bt_json_write_file (review, json, &error))
    g_error ("%s", error->message);
  step_end (run, STEP_JSON, wall, cpu);
  g_assert_cmpuint (file_size (json), >, (guint64) N_LINES * 16);
  g_unlink (json);

  step_start (&wall, &cpu);
  if (!bt_xliff_write_file (review, xliff, &error))
    g_error ("%s", error->message);
  step_end (run, STEP_XLIFF, wall, cpu);
  g_assert_cmpuint (file_size (xliff), >, (guint64) N_LINES * 16);
  g_unlink (xliff);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GBytes) zh = repeat_line ("字。\n");
  g_autoptr (GBytes) en = repeat_line ("A.\n");
  g_autofree char *path = bt_dictionary_find_default ();
  g_autoptr (BtDictionary) dictionary = path != NULL ? bt_dictionary_load (path, NULL) : NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-tiny-XXXXXX", &error);
  guint n_runs = argc > 1 ? CLAMP (atoi (argv[1]), 1, MAX_RUNS) : 5;
  Run runs[MAX_RUNS];
  double total_wall = 0, total_cpu = 0;
  double cpu_medians[N_STEPS];

  g_assert_no_error (error);
  printf ("# %d paragraphs \"字。\", %d sentences \"A.\"; dictionary: %s\n", N_LINES, N_LINES,
          dictionary != NULL ? path : "none");
  for (guint r = 0; r < n_runs; r++)
    {
      run_once (zh, en, dictionary, dir, &runs[r]);
      printf ("run %u:", r + 1);
      for (guint s = 0; s < N_STEPS; s++)
        printf (" %s %.3f s (CPU %.3f s)%s", step_names[s], runs[r].wall[s], runs[r].cpu[s],
                s + 1 < N_STEPS ? "," : "\n");
    }
  /* Later runs reuse memory the first one freed. */
  printf ("peak RSS after each step of run 1:");
  for (guint s = 0; s < N_STEPS; s++)
    printf (" %s %.1f MiB%s", step_names[s], runs[0].peak_kib[s] / 1024.0, s + 1 < N_STEPS ? "," : "\n");
  for (guint s = 0; s < N_STEPS; s++)
    {
      double walls[MAX_RUNS], cpus[MAX_RUNS];
      double w, c;

      for (guint r = 0; r < n_runs; r++)
        {
          walls[r] = runs[r].wall[s];
          cpus[r] = runs[r].cpu[s];
        }
      w = bt_bench_median (walls, n_runs);
      c = bt_bench_median (cpus, n_runs);
      cpu_medians[s] = c;
      if (s != STEP_XLIFF)
        {
          total_wall += w;
          total_cpu += c;
        }
      printf ("%-14s median of %u: %.3f s, CPU %.3f s\n", step_names[s], n_runs, w, c);
    }
  printf ("%-14s sum of medians, json written: %.3f s, CPU %.3f s\n", "align command", total_wall, total_cpu);
  /* The text holds a million Han characters, as many full stops and
   * line breaks: held to the budgets of a million characters. */
  printf ("# budget for 1,000,000 characters, load+segment < 0.3 s CPU: %s; align < 2 s CPU and < 500 MiB: %s\n",
          cpu_medians[STEP_LOAD] < 0.3 ? "met" : "MISSED",
          cpu_medians[STEP_ALIGN] < 2.0 && runs[0].peak_kib[STEP_ALIGN] < 500 * 1024 ? "met" : "MISSED");
  g_rmdir (dir);
  return 0;
}
