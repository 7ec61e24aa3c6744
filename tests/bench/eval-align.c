/* eval-align.c: the aligner against every gold set, with an ablation, a
 * reliability table, and two baselines on pre-segmented lines: Gale and
 * Church's, and one by dictionary and length after hunalign's method
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bt-aligner.h"
#include "bt-dictionary.h"
#include "bt-gold-reader.h"
#include "bt-json-writer.h"
#include "bt-scorer.h"

#define N_BINS 10

typedef struct
{
  char     *name;
  BtReview *gold;
} GoldSet;

typedef struct
{
  double n[N_BINS];
  double right[N_BINS];
  double confidence[N_BINS];
} Reliability;

/* Raw scores and outcomes of the links, for fitting the calibration. */
typedef struct
{
  GArray *score;   /* double */
  GArray *right;   /* double, 0 or 1 */
} Samples;

static BtDictionary *dictionary;
static char *script_path;
static char *out_dir;
static gboolean quick;
static gboolean lines_only;
static char *dump_dir;
static gint seed;

static const GOptionEntry entries[] = {
  { "script", 0, 0, G_OPTION_ARG_FILENAME, &script_path, "build-aux/make-condensed-bible", "PATH" },
  { "out", 0, 0, G_OPTION_ARG_FILENAME, &out_dir, "Where the condensed Bible sets go", "DIR" },
  { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Per-set figures only", NULL },
  { "lines", 0, 0, G_OPTION_ARG_NONE, &lines_only, "The full Bible pair by lines only", NULL },
  { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Build the Bible sets with this seed: sets never tuned on", "N" },
  { "dump", 0, 0, G_OPTION_ARG_FILENAME, &dump_dir, "Write each set's suggestions there as JSON", "DIR" },
  { NULL }
};

static void
gold_set_free (GoldSet *set)
{
  g_free (set->name);
  g_clear_object (&set->gold);
  g_free (set);
}

static void
add_set (GPtrArray  *sets,
         const char *name,
         const char *path)
{
  g_autoptr (GError) error = NULL;
  BtReview *gold = bt_gold_read_file (path, &error);
  GoldSet *set;

  if (gold == NULL)
    {
      g_printerr ("eval-align: %s\n", error->message);
      return;
    }
  set = g_new0 (GoldSet, 1);
  set->name = g_strdup (name);
  set->gold = gold;
  g_ptr_array_add (sets, set);
}

/* The condensed Bible sets, built into the build dir on first use. */
static char *
bible_sets (void)
{
  const char *shared = g_getenv ("BITEXT_SHARED_DIR");
  g_autofree char *bible = shared != NULL ? g_build_filename (shared, "corpus", "bible", NULL) : NULL;
  g_autofree char *out = out_dir != NULL ? g_strdup (out_dir)
                        : seed != 0   ? g_strdup_printf ("gold-bible-seed-%d", seed)
                                      : g_strdup ("gold-bible");
  g_autofree char *probe = g_build_filename (out, "bible-lines.json", NULL);
  g_autofree char *seed_text = g_strdup_printf ("%d", seed);
  const char *argv[] = { "python3", script_path, bible, out, seed != 0 ? "--seed" : NULL, seed_text, NULL };
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (bible == NULL || script_path == NULL || !g_file_test (bible, G_FILE_TEST_IS_DIR))
    {
      printf ("# no ../shared/corpus/bible: the condensed Bible sets are skipped\n");
      return NULL;
    }
  if (!g_file_test (probe, G_FILE_TEST_EXISTS) &&
      (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error) ||
       !g_spawn_check_wait_status (status, &error)))
    {
      printf ("# make-condensed-bible failed: %s\n", error->message);
      return NULL;
    }
  return g_steal_pointer (&out);
}

static BtReview *
run (BtReview     *gold,
     BtAlignUnits  units,
     BtSignal      disabled,
     BtAlignment **out)
{
  g_autoptr (BtAligner) aligner = bt_aligner_new (dictionary);
  g_autoptr (GError) error = NULL;
  BtAlignment *alignment;
  BtReview *review;

  bt_aligner_set_units (aligner, units);
  bt_aligner_set_disabled (aligner, disabled);
  alignment = bt_aligner_run (aligner, bt_review_get_source (gold), bt_review_get_target (gold), NULL, &error);
  g_assert_no_error (error);
  review = bt_review_new (bt_review_get_source (gold), bt_review_get_target (gold));
  bt_alignment_apply (alignment, review);
  if (out != NULL)
    *out = alignment;
  else
    bt_alignment_free (alignment);
  return review;
}

static Samples whole[1], clause[1];

static void
samples_init (Samples *samples)
{
  samples->score = g_array_new (FALSE, FALSE, sizeof (double));
  samples->right = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
collect (BtReview    *gold,
         BtAlignment *alignment,
         Reliability *links,
         Reliability *omissions,
         Samples     *samples)
{
  guint n = 0;
  const BtAlignLink *l = bt_alignment_get_links (alignment, &n);
  const BtAlignOmission *o;
  g_autoptr (BtReview) tmp = NULL;

  for (guint i = 0; i < n; i++)
    {
      const BtLink *g = bt_review_find_link (gold, l[i].paragraph, l[i].sentence);
      double right = g != NULL && g->state != BT_STATE_REJECTED;
      guint bin = MIN (N_BINS - 1, (guint) (l[i].confidence * N_BINS));

      links->n[bin]++;
      links->right[bin] += right;
      links->confidence[bin] += l[i].confidence;
      g_array_append_val (samples->score, l[i].score);
      g_array_append_val (samples->right, right);
    }
  o = bt_alignment_get_omissions (alignment, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GByteArray) coverage = bt_review_get_coverage (gold, o[i].paragraph);
      guint omitted = 0;
      guint bin = MIN (N_BINS - 1, (guint) (o[i].confidence * N_BINS));

      for (guint c = o[i].start; c < o[i].end && c < coverage->len; c++)
        omitted += coverage->data[c] == BT_COVERAGE_OMITTED;
      omissions->n[bin]++;
      double right = 2 * omitted >= o[i].end - o[i].start;
      Samples *to = o[i].start == 0 && o[i].end == bt_document_get_paragraph (bt_review_get_source (gold), o[i].paragraph)->n_chars
                      ? whole : clause;

      omissions->right[bin] += right;
      omissions->confidence[bin] += o[i].confidence;
      g_array_append_val (to->score, o[i].score);
      g_array_append_val (to->right, right);
    }
}

static void
print_scores (const char           *name,
              const BtReviewScores *s)
{
  printf ("%-18s %5.3f %5.3f %5.3f   %5.3f %5.3f %5.3f   %5.3f %5.3f %5.3f  %s\n", name, s->links.precision,
          s->links.recall, s->links.f1, s->whole_omissions.precision, s->whole_omissions.recall,
          s->whole_omissions.f1, s->omitted_f1, s->rendered_f1, s->char_macro_f1,
          s->links.f1 >= 0.9 && s->whole_omissions.f1 >= 0.9 && s->char_macro_f1 >= 0.75 ? "meets targets"
                                                                                         : "BELOW TARGET");
}

/* How far off the wrong links are: a guess one paragraph away from the
 * right one is a boundary error, one far away a lost sentence. */
static void
print_errors (BtReview    *gold,
              BtAlignment *alignment)
{
  guint n = 0, n_tgt = bt_document_get_n_sentences (bt_review_get_target (gold));
  guint n_src = bt_document_get_n_paragraphs (bt_review_get_source (gold));
  const BtAlignLink *l = bt_alignment_get_links (alignment, &n);
  guint near[5] = { 0 }, far = 0, unlinked = 0;

  for (guint i = 0; i < n; i++)
    {
      gint best = G_MAXINT;
      gboolean any = FALSE;

      if (bt_review_find_link (gold, l[i].paragraph, l[i].sentence) != NULL)
        continue;
      for (guint p = 0; p < n_src; p++)
        if (bt_review_find_link (gold, p, l[i].sentence) != NULL)
          {
            gint d = (gint) l[i].paragraph - (gint) p;

            any = TRUE;
            if (ABS (d) < ABS (best))
              best = d;
          }
      if (!any)
        unlinked++;
      else if (ABS (best) <= 2)
        near[best + 2]++;
      else
        far++;
    }
  printf ("%-18s   wrong links off by -2 %u, -1 %u, +1 %u, +2 %u, further %u, to a sentence gold leaves unlinked %u "
          "(%u of %u sentences)\n", "", near[0], near[1], near[3], near[4], far, unlinked, n, n_tgt);
}

/* The suggestions of one set, for looking at its errors. */
static void
dump (BtReview   *review,
      const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.json", name);
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  g_strdelimit (file, "%", '_');
  path = g_build_filename (dump_dir, file, NULL);
  if (!bt_json_write_file (review, path, &error))
    g_printerr ("eval-align: %s\n", error->message);
}

static void
evaluate (GPtrArray   *sets,
          Reliability *links,
          Reliability *omissions,
          Samples     *samples)
{
  printf ("\n## Per set (links P R F1 | whole-paragraph omissions P R F1 | characters omitted rendered macro F1)\n");
  for (guint i = 0; i < sets->len; i++)
    {
      GoldSet *set = g_ptr_array_index (sets, i);
      BtAlignment *alignment = NULL;
      g_autoptr (BtReview) got = NULL;
      gint64 t0 = g_get_monotonic_time ();
      BtReviewScores s;

      got = run (set->gold, BT_ALIGN_UNITS_PARAGRAPHS, 0, &alignment);
      if (dump_dir != NULL)
        dump (got, set->name);
      bt_scorer_compare_reviews (set->gold, got, &s);
      print_scores (set->name, &s);
      printf ("%-18s   %.3f s, length ratio %.3f\n", "", (g_get_monotonic_time () - t0) / 1e6,
              bt_alignment_get_length_ratio (alignment));
      print_errors (set->gold, alignment);
      collect (set->gold, alignment, links, omissions, samples);
      bt_alignment_free (alignment);
    }
}

static void
ablation (GPtrArray *sets)
{
  printf ("\n## Ablation: link F1 / whole-paragraph omission F1 / character macro F1 with one signal removed\n");
  printf ("%-12s", "removed");
  for (guint i = 0; i < sets->len; i++)
    printf (" %20s", ((GoldSet *) g_ptr_array_index (sets, i))->name);
  printf ("\n");
  for (gint b = -1; b < BT_N_SIGNALS; b++)
    {
      printf ("%-12s", b < 0 ? "(none)" : bt_signal_to_string (1u << b));
      for (guint i = 0; i < sets->len; i++)
        {
          GoldSet *set = g_ptr_array_index (sets, i);
          g_autoptr (BtReview) got = run (set->gold, BT_ALIGN_UNITS_PARAGRAPHS, b < 0 ? 0 : 1u << b, NULL);
          BtReviewScores s;

          bt_scorer_compare_reviews (set->gold, got, &s);
          printf ("   %5.3f/%5.3f/%5.3f", s.links.f1, s.whole_omissions.f1, s.char_macro_f1);
        }
      printf ("\n");
    }
}

static void
print_reliability (const char  *what,
                   Reliability *r)
{
  printf ("\n## Reliability of %s confidences (all sets)\n", what);
  printf ("bin        n     mean confidence   share right\n");
  for (guint b = 0; b < N_BINS; b++)
    if (r->n[b] > 0)
      printf ("[%.1f,%.1f) %6.0f   %5.3f             %5.3f\n", b / 10.0, (b + 1) / 10.0, r->n[b],
              r->confidence[b] / r->n[b], r->right[b] / r->n[b]);
}

/* Logistic regression of rightness on the raw score, by Newton steps. */
static void
fit_calibration (const char *what,
                 Samples    *samples)
{
  double a = 1, b = 0;

  for (int it = 0; it < 50; it++)
    {
      double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0, det;

      for (guint i = 0; i < samples->score->len; i++)
        {
          double x = g_array_index (samples->score, double, i);
          double y = g_array_index (samples->right, double, i);
          double p = 1 / (1 + exp (-(a * x + b))), w = p * (1 - p) + 1e-9;

          ga += (y - p) * x;
          gb += y - p;
          haa += w * x * x;
          hab += w * x;
          hbb += w;
        }
      det = haa * hbb - hab * hab;
      if (fabs (det) < 1e-12)
        break;
      a += (hbb * ga - hab * gb) / det;
      b += (haa * gb - hab * ga) / det;
    }
  printf ("\n## %s calibration fitted on %u: confidence = 1 / (1 + exp (-(%.3f * score + %.3f)))\n", what,
          samples->score->len, a, b);
}

/* The baselines' beads, with Gale and Church's frequencies; hunalign
 * makes no bead of two lines a side, the last. */
typedef struct
{
  guint  di, dj;
  double p;
} Bead;

static const Bead beads[] = {
  { 1, 1, 0.89 }, { 1, 0, 0.0099 / 2 }, { 0, 1, 0.0099 / 2 }, { 2, 1, 0.089 / 2 }, { 1, 2, 0.089 / 2 },
  { 2, 2, 0.011 },
};

/* -log of the bead's prior and of Gale and Church's length measure for
 * @l1 source and @l2 target characters, @c target characters expected
 * per source character. */
static double
bead_length_cost (const Bead *bead,
                  double      l1,
                  double      l2,
                  double      c)
{
  double delta = (l2 - l1 * c) / sqrt (MAX (l1, 1) * 6.8);
  double pd = MAX (1e-12, 2 * (1 - 0.5 * erfc (-fabs (delta) / sqrt (2))));

  return -log (bead->p) - log (pd);
}

/* Adds the group of @bead ending at source line @i and target line @j. */
static void
add_bead_group (GPtrArray  *groups,
                const Bead *bead,
                guint       i,
                guint       j)
{
  guint s[2], t[2];

  for (guint a = 0; a < bead->di; a++)
    s[a] = i - bead->di + a;
  for (guint a = 0; a < bead->dj; a++)
    t[a] = j - bead->dj + a;
  g_ptr_array_add (groups, bt_align_group_new (s, bead->di, t, bead->dj));
}

/* Gale & Church (1993): beads priced by the length difference alone. */
static GPtrArray *
gale_church (BtReview *gold)
{
  BtDocument *src = bt_review_get_source (gold), *tgt = bt_review_get_target (gold);
  guint n = bt_document_get_n_paragraphs (src), m = bt_document_get_n_sentences (tgt);
  g_autofree double *ls = g_new0 (double, n + 1);
  g_autofree double *lt = g_new0 (double, m + 1);
  g_autofree float *cost = g_new (float, (gsize) (n + 1) * (m + 1));
  g_autofree guint8 *back = g_new0 (guint8, (gsize) (n + 1) * (m + 1));
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) bt_align_group_free);
  double c;

  for (guint i = 0; i < n; i++)
    ls[i + 1] = ls[i] + bt_document_get_paragraph (src, i)->n_chars;
  for (guint j = 0; j < m; j++)
    {
      g_autofree char *t = bt_document_dup_sentence_text (tgt, j);

      lt[j + 1] = lt[j] + g_utf8_strlen (t, -1);
    }
  c = lt[m] / MAX (ls[n], 1);
  for (guint i = 0; i <= n; i++)
    for (guint j = 0; j <= m; j++)
      {
        float best = (i == 0 && j == 0) ? 0 : G_MAXFLOAT;

        for (guint k = 0; k < G_N_ELEMENTS (beads) && !(i == 0 && j == 0); k++)
          {
            double v;

            if (beads[k].di > i || beads[k].dj > j ||
                cost[(gsize) (i - beads[k].di) * (m + 1) + j - beads[k].dj] == G_MAXFLOAT)
              continue;
            v = cost[(gsize) (i - beads[k].di) * (m + 1) + j - beads[k].dj] +
                bead_length_cost (&beads[k], ls[i] - ls[i - beads[k].di], lt[j] - lt[j - beads[k].dj], c);
            if (v < best)
              {
                best = v;
                back[(gsize) i * (m + 1) + j] = k;
              }
          }
        cost[(gsize) i * (m + 1) + j] = best;
      }
  for (guint i = n, j = m; i > 0 || j > 0;)
    {
      guint k = back[(gsize) i * (m + 1) + j];

      add_bead_group (groups, &beads[k], i, j);
      i -= beads[k].di;
      j -= beads[k].dj;
    }
  return groups;
}

/* A baseline after hunalign's method (Varga et al., 2005), written for
 * this comparison since hunalign itself is in neither Debian's archive
 * nor npm: each Chinese line is turned into the English words of its
 * dictionary entries (longest match), and a bead scores by the share of
 * its English words found there as well as by Gale & Church's length
 * measure; beads of one and two lines, in order, within a band around the
 * diagonal. */
#define HUN_BAND 300
#define HUN_LEXICAL_WEIGHT 6.0

static gint
compare_ids (gconstpointer a,
             gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

/* The distinct English ids of @text's dictionary words (Chinese) or of
 * its own words (English), sorted. */
static GArray *
line_ids (const char *text,
          gboolean    chinese)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint kept = 0;

  if (chinese)
    {
      glong len = 0;
      g_autofree gunichar *t = g_utf8_to_ucs4_fast (text, -1, &len);

      for (glong i = 0; i < len;)
        {
          const guint32 *found = NULL;
          guint n_found = 0;
          guint n = bt_dictionary_match (dictionary, t, len, i, &found, &n_found);

          if (n == 0)
            {
              i++;
              continue;
            }
          g_array_append_vals (ids, found, n_found);
          i += n;
        }
    }
  else
    bt_dictionary_english_ids (dictionary, text, ids);
  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    if (kept == 0 || g_array_index (ids, guint32, i) != g_array_index (ids, guint32, kept - 1))
      g_array_index (ids, guint32, kept++) = g_array_index (ids, guint32, i);
  g_array_set_size (ids, kept);
  return ids;
}

/* How many of @english's ids @chinese holds. */
static guint
shared_ids (const GArray *chinese,
            const GArray *english)
{
  guint a = 0, b = 0, n = 0;

  while (a < chinese->len && b < english->len)
    {
      guint32 x = g_array_index (chinese, guint32, a), y = g_array_index (english, guint32, b);

      n += x == y;
      a += x <= y;
      b += y <= x;
    }
  return n;
}

static GPtrArray *
dictionary_baseline (BtReview *gold)
{
  guint n_beads = G_N_ELEMENTS (beads) - 1;
  BtDocument *src = bt_review_get_source (gold), *tgt = bt_review_get_target (gold);
  guint n = bt_document_get_n_paragraphs (src), m = bt_document_get_n_sentences (tgt);
  guint width = 2 * HUN_BAND + 1;
  g_autoptr (GPtrArray) zh = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr (GPtrArray) en = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autofree double *ls = g_new0 (double, n + 1);
  g_autofree double *lt = g_new0 (double, m + 1);
  g_autofree float *cost = g_new (float, (gsize) (n + 1) * width);
  g_autofree guint8 *back = g_new0 (guint8, (gsize) (n + 1) * width);
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) bt_align_group_free);
  double c;

#define CENTRE(i) ((gint64) ((double) (i) * m / MAX (n, 1)))
#define CELL(i, j) ((gsize) (i) * width + (gsize) ((gint64) (j) - CENTRE (i) + HUN_BAND))
#define IN_BAND(i, j) (llabs ((gint64) (j) - CENTRE (i)) <= HUN_BAND)

  for (guint i = 0; i < n; i++)
    {
      const char *text = bt_document_get_paragraph (src, i)->text;

      ls[i + 1] = ls[i] + g_utf8_strlen (text, -1);
      g_ptr_array_add (zh, line_ids (text, TRUE));
    }
  for (guint j = 0; j < m; j++)
    {
      g_autofree char *t = bt_document_dup_sentence_text (tgt, j);

      lt[j + 1] = lt[j] + g_utf8_strlen (t, -1);
      g_ptr_array_add (en, line_ids (t, FALSE));
    }
  c = lt[m] / MAX (ls[n], 1);
  for (guint i = 0; i <= n; i++)
    for (gint64 jj = MAX (0, CENTRE (i) - HUN_BAND); jj <= MIN ((gint64) m, CENTRE (i) + HUN_BAND); jj++)
      {
        guint j = (guint) jj;
        float best = (i == 0 && j == 0) ? 0 : G_MAXFLOAT;

        for (guint k = 0; k < n_beads && !(i == 0 && j == 0); k++)
          {
            guint pi = i - beads[k].di, pj = j - beads[k].dj;
            double v, found = 0, words = 0;

            if (beads[k].di > i || beads[k].dj > j || !IN_BAND (pi, pj) || cost[CELL (pi, pj)] == G_MAXFLOAT)
              continue;
            /* The English words of the bead found among its Chinese
             * lines' dictionary words. */
            for (guint b = pj; b < j; b++)
              {
                const GArray *e = g_ptr_array_index (en, b);

                words += e->len;
                for (guint a = pi; a < i; a++)
                  found += shared_ids (g_ptr_array_index (zh, a), e);
              }
            v = cost[CELL (pi, pj)] + bead_length_cost (&beads[k], ls[i] - ls[pi], lt[j] - lt[pj], c) -
                HUN_LEXICAL_WEIGHT * (words > 0 ? MIN (found, words) / words : 0);
            if (v < best)
              {
                best = v;
                back[CELL (i, j)] = k;
              }
          }
        cost[CELL (i, j)] = best;
      }
  for (guint i = n, j = m; i > 0 || j > 0;)
    {
      guint k = back[CELL (i, j)];

      add_bead_group (groups, &beads[k], i, j);
      i -= beads[k].di;
      j -= beads[k].dj;
    }
#undef CENTRE
#undef CELL
#undef IN_BAND
  return groups;
}

static void
print_groups (const char *name,
              GPtrArray  *gold,
              GPtrArray  *predicted)
{
  BtScore strict, lax;

  bt_scorer_compare_groups (gold, predicted, &strict, &lax);
  printf ("%-26s strict %5.3f %5.3f %5.3f   lax %5.3f %5.3f %5.3f\n", name, strict.precision, strict.recall,
          strict.f1, lax.precision, lax.recall, lax.f1);
}

static void
evaluate_lines (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "bible-lines.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (BtReview) gold = bt_gold_read_file (path, &error);
  g_autoptr (GPtrArray) gold_groups = NULL;

  if (gold == NULL)
    {
      printf ("# %s\n", error->message);
      return;
    }
  gold_groups = bt_scorer_groups_from_review (gold);
  printf ("\n## Full Bible pair, --units lines (precision recall F1)\n");
  for (gint b = -1; b < BT_N_SIGNALS; b++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr (BtReview) got = run (gold, BT_ALIGN_UNITS_LINES, b < 0 ? 0 : 1u << b, NULL);
      g_autoptr (GPtrArray) groups = bt_scorer_groups_from_review (got);
      g_autofree char *name = NULL;

      name = g_strdup_printf ("bitext%s%s (%.2f s)", b < 0 ? "" : " without ", b < 0 ? "" : bt_signal_to_string (1u << b),
                              (g_get_monotonic_time () - t0) / 1e6);
      print_groups (name, gold_groups, groups);
    }
  {
    g_autoptr (GPtrArray) gc = gale_church (gold);

    print_groups ("Gale-Church", gold_groups, gc);
  }
  if (dictionary != NULL)
    {
      g_autoptr (GPtrArray) hun = dictionary_baseline (gold);

      print_groups ("dictionary + length beads", gold_groups, hun);
    }
}

static void
load_dictionary (void)
{
  g_autofree char *path = bt_dictionary_find_default ();
  g_autoptr (GError) error = NULL;

  if (path != NULL)
    dictionary = bt_dictionary_load (path, &error);
  if (dictionary != NULL)
    printf ("# dictionary: %s (%u headwords)\n", path, bt_dictionary_get_n_headwords (dictionary));
  else
    printf ("# no dictionary (%s): every figure below is without one\n",
            error != NULL ? error->message : "run build-aux/fetch-dictionary");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) gold_set_free);
  const char *fixtures = g_getenv ("BITEXT_FIXTURES_DIR");
  g_autofree char *bible = NULL;
  Reliability links = { { 0 } }, omissions = { { 0 } };
  Samples samples = { g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (double)) };
  g_autoptr (GOptionContext) context = g_option_context_new ("— the aligner against the gold sets");
  g_autoptr (GError) error = NULL;

  samples_init (whole);
  samples_init (clause);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("eval-align: %s\n", error->message);
      return 2;
    }
  if (fixtures == NULL)
    {
      g_printerr ("eval-align: BITEXT_FIXTURES_DIR is not set\n");
      return 1;
    }
  load_dictionary ();
  {
    g_autofree char *sample = g_build_filename (fixtures, "sample-gold.json", NULL);
    g_autofree char *trad = g_build_filename (fixtures, "trad", "gold.json", NULL);

    add_set (sets, "sample", sample);
    add_set (sets, "trad", trad);
  }
  bible = bible_sets ();
  for (guint r = 0; bible != NULL && r < 4; r++)
    {
      static const char *const rates[] = { "20", "35", "50", "70" };
      g_autofree char *name = g_strdup_printf ("bible-%s%%", rates[r]);
      g_autofree char *file = g_strdup_printf ("bible-%s.json", rates[r]);
      g_autofree char *path = g_build_filename (bible, file, NULL);

      add_set (sets, name, path);
    }
  if (lines_only)
    {
      if (bible != NULL)
        evaluate_lines (bible);
      return 0;
    }
  evaluate (sets, &links, &omissions, &samples);
  print_reliability ("link", &links);
  print_reliability ("omission", &omissions);
  fit_calibration ("Link", &samples);
  fit_calibration ("Whole-paragraph omission", whole);
  fit_calibration ("Clause omission", clause);
  if (!quick)
    ablation (sets);
  if (bible != NULL && !quick)
    evaluate_lines (bible);
  g_array_unref (samples.score);
  g_array_unref (samples.right);
  g_clear_pointer (&dictionary, bt_dictionary_unref);
  return 0;
}
