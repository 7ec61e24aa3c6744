/* bt-aligner.c: links, omissions and additions suggested from the texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bt-aligner-private.h"
#include "bt-memory.h"
#include "bt-error.h"
#include "bt-segmenter.h"

/* Logistic maps from raw scores to the share of right suggestions, fitted
 * on the gold sets by tests/bench/eval-align.c. */
#define LINK_A 0.409
#define LINK_B 1.588
#define SECOND_LINK_B -0.6
#define OMISSION_A 1.311
#define OMISSION_B -0.255
#define CLAUSE_A 3.162
#define CLAUSE_B -3.499

#define ANCHOR_MIN_MATCHED 1.0
#define REANCHOR_MIN_LEXICAL 0.3
/* The first path only finds anchors: fewer candidates do. */
#define FIRST_CANDIDATES 6
#define MAX_CANDIDATES 16
#define CLAUSE_MIN_WEIGHT 0.8
#define CLAUSE_MAX_RENDERED 0.12
#define CLAUSE_MIN_CONFIDENCE 0.35
/* A clause of a sentence that a target sentence's path went through is
 * left out only when next to none of its keys is found; a sentence no
 * path went through is left out when few of them are. */
#define PLACED_MAX_RENDERED 0.07
#define UNPLACED_MAX_RENDERED 0.2
#define SECOND_MIN_LEXICAL 0.3
#define ADDITION_MIN_WORDS 2

struct _BtAligner
{
  GObject       parent_instance;

  BtDictionary *dictionary;
  BtAlignUnits  units;
  BtSignal      disabled;
};

struct _BtAlignment
{
  BtAlignmentFlags flags;
  GArray          *links;      /* BtAlignLink */
  GArray          *omissions;  /* BtAlignOmission */
  GArray          *additions;  /* BtAlignAddition */
  double           ratio;
  guint8          *placed;     /* per source sentence: a target sentence's
                                * path went through it */
};

G_DEFINE_FINAL_TYPE (BtAligner, bt_aligner, G_TYPE_OBJECT)

static const char *const signal_names[BT_N_SIGNALS] = {
  "dictionary", "names", "numbers", "latin", "length", "position",
};

static void
bt_aligner_finalize (GObject *object)
{
  BtAligner *self = BT_ALIGNER (object);

  g_clear_pointer (&self->dictionary, bt_dictionary_unref);
  G_OBJECT_CLASS (bt_aligner_parent_class)->finalize (object);
}

static void
bt_aligner_class_init (BtAlignerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bt_aligner_finalize;
}

static void
bt_aligner_init (BtAligner *self)
{
}

BtAligner *
bt_aligner_new (BtDictionary *dictionary)
{
  BtAligner *self = g_object_new (BT_TYPE_ALIGNER, NULL);

  if (dictionary != NULL)
    self->dictionary = bt_dictionary_ref (dictionary);
  return self;
}

void
bt_aligner_set_units (BtAligner    *self,
                      BtAlignUnits  units)
{
  g_return_if_fail (BT_IS_ALIGNER (self));
  self->units = units;
}

BtAlignUnits
bt_aligner_get_units (BtAligner *self)
{
  g_return_val_if_fail (BT_IS_ALIGNER (self), BT_ALIGN_UNITS_PARAGRAPHS);
  return self->units;
}

void
bt_aligner_set_disabled (BtAligner *self,
                         BtSignal   signals)
{
  g_return_if_fail (BT_IS_ALIGNER (self));
  self->disabled = signals & BT_SIGNAL_ALL;
}

BtSignal
bt_aligner_get_disabled (BtAligner *self)
{
  g_return_val_if_fail (BT_IS_ALIGNER (self), 0);
  return self->disabled;
}

const char *
bt_signal_to_string (BtSignal signal)
{
  gint bit = g_bit_nth_lsf (signal, -1);

  return bit >= 0 && bit < BT_N_SIGNALS ? signal_names[bit] : NULL;
}

gboolean
bt_signal_from_string (const char *string,
                       BtSignal   *signal)
{
  g_return_val_if_fail (string != NULL, FALSE);

  for (guint i = 0; i < BT_N_SIGNALS; i++)
    if (g_str_equal (string, signal_names[i]))
      {
        *signal = 1 << i;
        return TRUE;
      }
  return FALSE;
}

static double
logistic (double a,
          double b,
          double x)
{
  return 1.0 / (1.0 + exp (-(a * x + b)));
}

static BtAlignment *
alignment_new (void)
{
  BtAlignment *self = g_new0 (BtAlignment, 1);

  self->links = g_array_new (FALSE, FALSE, sizeof (BtAlignLink));
  self->omissions = g_array_new (FALSE, FALSE, sizeof (BtAlignOmission));
  self->additions = g_array_new (FALSE, FALSE, sizeof (BtAlignAddition));
  return self;
}

void
bt_alignment_free (BtAlignment *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->links);
  g_array_unref (self->omissions);
  g_array_unref (self->additions);
  g_free (self->placed);
  g_free (self);
}

/* Pairs whose rare keys point to one paragraph only: they fix the path
 * the position signal follows and the length ratio. */
static void
find_anchors (BtAlignContext *ctx,
              BtAlignAnchors *anchors)
{
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (BtAlignCandidate));
  g_autoptr (GArray) xs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) ys = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) ws = g_array_new (FALSE, FALSE, sizeof (double));
  guint max_df = CLAMP (ctx->src.n_units / 50, 3, 40);

  for (guint s = 0; s < ctx->tgt.n_units; s++)
    {
      double best = 0, second = 0;
      guint at = 0;

      g_array_set_size (found, 0);
      _bt_align_candidates (ctx, s, 0, ctx->src.n_units, max_df, found);
      for (guint i = 0; i < found->len; i++)
        {
          BtAlignCandidate *c = &g_array_index (found, BtAlignCandidate, i);

          if (c->matched > best)
            {
              second = best;
              best = c->matched;
              at = c->paragraph;
            }
          else
            second = MAX (second, c->matched);
        }
      if (best >= ANCHOR_MIN_MATCHED && best > 2 * second)
        {
          double w = _bt_align_lexical (ctx, s, best);

          g_array_append_val (xs, s);
          g_array_append_val (ys, at);
          g_array_append_val (ws, w);
        }
    }
  _bt_align_anchors_chain (anchors, (guint *) (gpointer) xs->data, (guint *) (gpointer) ys->data,
                           (double *) (gpointer) ws->data, xs->len);
}

static void
fit_ratio (BtAlignContext *ctx,
           BtAlignAnchors *anchors)
{
  g_autofree guint *p = g_new (guint, anchors->x->len + 1);
  g_autofree guint *s = g_new (guint, anchors->x->len + 1);

  for (guint i = 0; i < anchors->x->len; i++)
    {
      s[i] = (guint) g_array_index (anchors->x, double, i);
      p[i] = (guint) g_array_index (anchors->y, double, i);
    }
  /* With too few anchors, the lengths of the whole texts are still the
   * document's own measure, better than any constant. */
  if (anchors->x->len >= 5)
    _bt_align_fit_ratio (ctx, p, s, anchors->x->len);
  else
    {
      guint64 a = bt_document_get_n_chars (ctx->source), b = bt_document_get_n_chars (ctx->target);

      ctx->ratio = b > 0 && a > 0 ? (double) a / b : 0.3;
    }
}

static void
add_link (BtAlignment *self,
          guint        paragraph,
          guint        sentence,
          double       score,
          double       confidence,
          guint32      signals)
{
  BtAlignLink link = { paragraph, sentence, CLAMP (confidence, 0, 1), score, signals };

  g_array_append_val (self->links, link);
}

static void
add_omission (BtAlignment *self,
              guint        paragraph,
              guint        start,
              guint        end,
              double       confidence,
              double       score)
{
  BtAlignOmission o = { paragraph, start, end, CLAMP (confidence, 0, 1), score };

  if (end > start)
    g_array_append_val (self->omissions, o);
}

static guint32
link_signals (BtAlignContext *ctx,
              guint32         lexical)
{
  return lexical | (ctx->enabled & (BT_SIGNAL_POSITION | BT_SIGNAL_LENGTH));
}

/* A sentence can render a neighbour of its paragraph too, when it holds
 * evidence that paragraph has and its own lacks. */
static void
second_links (BtAlignContext      *ctx,
              BtAlignment         *self,
              const BtAlignChoice *choices)
{
  for (guint s = 0; s < ctx->tgt.n_units; s++)
    {
      guint p = choices[s].paragraph;

      if (p == BT_ALIGN_NONE)
        continue;
      for (guint q = p > 2 ? p - 2 : 0; q <= p + 2 && q < ctx->src.n_units; q++)
        {
          guint32 signals = 0;
          double extra, lex;

          if (q == p)
            continue;
          extra = _bt_align_match (ctx, q, s, p, &signals);
          lex = _bt_align_lexical (ctx, s, extra);
          if (lex >= SECOND_MIN_LEXICAL && extra >= 1.5)
            add_link (self, q, s, lex, logistic (LINK_A, SECOND_LINK_B, 4 * lex), link_signals (ctx, signals));
        }
    }
}

static double
paragraph_evidence (BtAlignContext *ctx,
                    guint           paragraph)
{
  g_autofree float *total = g_new0 (float, ctx->src.n_chars[paragraph] + 1);
  double sum = 0;

  _bt_align_coverage (ctx, paragraph, NULL, 0, total, total);
  for (guint i = 0; i < ctx->src.n_chars[paragraph]; i++)
    sum += total[i];
  return sum;
}

/* The sentence of @para holding code point @at, counted from its first,
 * searching on from sentence @k: clauses come in order. */
static guint
sentence_of (BtAlignContext    *ctx,
             const BtParagraph *para,
             guint              k,
             guint              at)
{
  while (k + 1 < para->n_sentences && bt_document_get_sentence (ctx->source, para->first_sentence + k + 1)->start <= at)
    k++;
  return k;
}

/* Per sentence of @para: the share of its keys' weight found in the
 * linked target sentences, or -1 when it holds too few keys to tell. */
static double *
sentence_shares (BtAlignContext    *ctx,
                 const BtParagraph *para,
                 const float       *total,
                 const float       *rendered)
{
  double *shares = g_new (double, para->n_sentences + 1);

  for (guint k = 0; k < para->n_sentences; k++)
    {
      const BtSentence *s = bt_document_get_sentence (ctx->source, para->first_sentence + k);
      double t = 0, r = 0;

      for (guint i = s->start; i < s->end && i < para->n_chars; i++)
        {
          t += total[i];
          r += rendered[i];
        }
      shares[k] = t >= CLAUSE_MIN_WEIGHT ? r / t : -1;
    }
  return shares;
}

/* Clauses of a linked paragraph whose keys none of its sentences has,
 * and the clauses of its sentences that no target sentence's path went
 * through and whose keys few of them have. */
static void
clause_omissions (BtAlignContext *ctx,
                  BtAlignment    *self,
                  guint           paragraph,
                  const guint    *sentences,
                  guint           n_sentences)
{
  const BtParagraph *para = bt_document_get_paragraph (ctx->source, paragraph);
  g_autoptr (GArray) clauses = bt_segment_clauses (para->text);
  g_autofree float *total = g_new0 (float, para->n_chars + 1);
  g_autofree float *rendered = g_new0 (float, para->n_chars + 1);
  g_autofree double *shares = NULL;
  guint run_start = 0, k = 0;
  double run_score = 0;
  gboolean in_run = FALSE;

  _bt_align_coverage (ctx, paragraph, sentences, n_sentences, total, rendered);
  if (self->placed != NULL)
    shares = sentence_shares (ctx, para, total, rendered);
  for (guint c = 0; c <= clauses->len; c++)
    {
      gboolean omitted = FALSE;
      double t = 0, r = 0;
      BtSpan span = { para->n_chars, para->n_chars };

      if (c < clauses->len)
        {
          gboolean placed = FALSE;

          span = g_array_index (clauses, BtSpan, c);
          for (guint i = span.start; i < span.end && i < para->n_chars; i++)
            {
              t += total[i];
              r += rendered[i];
            }
          if (shares != NULL && para->n_sentences > 0)
            {
              k = sentence_of (ctx, para, k, span.start);
              placed = self->placed[para->first_sentence + k];
            }
          omitted = (t >= CLAUSE_MIN_WEIGHT && r / t < CLAUSE_MAX_RENDERED && (r / t < PLACED_MAX_RENDERED || !placed)) ||
                    (shares != NULL && para->n_sentences > 0 && !placed && t > 0 && shares[k] >= 0 &&
                     shares[k] < UNPLACED_MAX_RENDERED);
        }
      if (omitted && !in_run)
        {
          run_start = span.start;
          run_score = 0;
          in_run = TRUE;
        }
      if (omitted)
        run_score = MAX (run_score, log1p (t) * (1 - r / t));
      else if (in_run)
        {
          if (!(run_start == 0 && span.start >= para->n_chars) &&
              logistic (CLAUSE_A, CLAUSE_B, run_score) >= CLAUSE_MIN_CONFIDENCE)
            add_omission (self, paragraph, run_start, span.start, logistic (CLAUSE_A, CLAUSE_B, run_score),
                          run_score);
          in_run = FALSE;
        }
    }
}

/* The sentences linked to each paragraph: paragraph p owns
 * sentences[start[p]] to sentences[start[p + 1] - 1]. */
static guint *
linked_sentences (BtAlignContext *ctx,
                  BtAlignment    *self,
                  guint          *start)
{
  const BtAlignLink *links = (const BtAlignLink *) (gconstpointer) self->links->data;
  guint *sentences = bt_memory_new (guint, self->links->len + 1);
  g_autofree guint *fill = NULL;

  memset (start, 0, (ctx->src.n_units + 1) * sizeof *start);
  for (guint i = 0; i < self->links->len; i++)
    start[links[i].paragraph + 1]++;
  for (guint p = 0; p < ctx->src.n_units; p++)
    start[p + 1] += start[p];
  fill = g_memdup2 (start, (ctx->src.n_units + 1) * sizeof *start);
  for (guint i = 0; i < self->links->len; i++)
    sentences[fill[links[i].paragraph]++] = links[i].sentence;
  return sentences;
}

static void
omissions (BtAlignContext *ctx,
           BtAlignment    *self)
{
  g_autofree guint *start = bt_memory_new (guint, ctx->src.n_units + 1);
  g_autofree guint *sentences = linked_sentences (ctx, self, start);

  for (guint p = 0; p < ctx->src.n_units; p++)
    {
      guint n = start[p + 1] - start[p];

      if (n == 0)
        {
          double evidence = log1p (paragraph_evidence (ctx, p));

          add_omission (self, p, 0, ctx->src.n_chars[p], logistic (OMISSION_A, OMISSION_B, evidence), evidence);
        }
      else if (ctx->units == BT_ALIGN_UNITS_PARAGRAPHS)
        clause_omissions (ctx, self, p, sentences + start[p], n);
    }
}

static void
reanchor (BtAlignContext      *ctx,
          BtAlignAnchors      *anchors,
          const BtAlignChoice *choices)
{
  g_autoptr (GArray) xs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) ys = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) ws = g_array_new (FALSE, FALSE, sizeof (double));

  double slack = CLAMP (0.03 * ctx->src.n_units, 6, 60);

  for (guint s = 0; s < ctx->tgt.n_units; s++)
    if (choices[s].paragraph != BT_ALIGN_NONE && choices[s].lexical >= REANCHOR_MIN_LEXICAL &&
        fabs (choices[s].paragraph - _bt_align_anchors_expect (anchors, s, ctx->tgt.n_units, ctx->src.n_units)) <= slack)
      {
        double w = choices[s].lexical;

        g_array_append_val (xs, s);
        g_array_append_val (ys, choices[s].paragraph);
        g_array_append_val (ws, w);
      }
  if (xs->len > anchors->x->len)
    _bt_align_anchors_chain (anchors, (guint *) (gpointer) xs->data, (guint *) (gpointer) ys->data,
                             (double *) (gpointer) ws->data, xs->len);
}

static void
learn (BtAlignContext      *ctx,
       const BtAlignChoice *choices,
       BtAlignLearned      *learned)
{
  g_autofree guint *paragraphs = bt_memory_new (guint, ctx->tgt.n_units + 1);
  g_autofree double *lexical = bt_memory_new (double, ctx->tgt.n_units + 1);

  for (guint s = 0; s < ctx->tgt.n_units; s++)
    {
      paragraphs[s] = choices[s].paragraph;
      lexical[s] = choices[s].lexical;
    }
  _bt_align_learn (learned, ctx, paragraphs, lexical);
}

static gboolean
run_paragraphs (BtAlignContext *ctx,
                BtAlignAnchors *anchors,
                BtAlignment    *self,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autofree BtAlignChoice *choices = bt_memory_new0 (BtAlignChoice, ctx->tgt.n_units + 1);

  g_auto (BtAlignLearned) learned = { 0 };
  g_auto (BtAlignSentences) sentences = { 0 };

  /* The first path's confident links are far more anchors than the rare
   * words gave, and they teach the words the dictionary lacks: follow
   * them once more. Without a single key in the target, it could find
   * neither. */
  if (ctx->tgt.keys->len > 0)
    {
      if (!_bt_align_path_paragraphs (ctx, anchors, NULL, NULL, FIRST_CANDIDATES, choices, cancellable, error))
        return FALSE;
      reanchor (ctx, anchors, choices);
      learn (ctx, choices, &learned);
    }
  _bt_align_sentences_init (&sentences, ctx);
  if (!_bt_align_path_paragraphs (ctx, anchors, &sentences, &learned, MAX_CANDIDATES, choices, cancellable, error))
    return FALSE;
  _bt_align_drop_stones (ctx, &sentences, choices);
  self->placed = bt_memory_new0 (guint8, sentences.n + 1);
  for (guint s = 0; s < ctx->tgt.n_units; s++)
    {
      BtAlignChoice *c = &choices[s];

      if (c->paragraph != BT_ALIGN_NONE && c->sentence != BT_ALIGN_NONE && sentences.paragraph[c->sentence] == c->paragraph)
        self->placed[c->sentence] = 1;

      /* With a dictionary, a sentence none of whose words is found in
       * any paragraph near its place more likely renders nothing at all. */
      if (c->paragraph != BT_ALIGN_NONE && c->best_lexical == 0 && ctx->tgt_known[s] >= ADDITION_MIN_WORDS &&
          (ctx->enabled & BT_SIGNAL_DICTIONARY) && ctx->dictionary != NULL)
        c->paragraph = BT_ALIGN_NONE;
      if (c->paragraph != BT_ALIGN_NONE)
        add_link (self, c->paragraph, s, c->score, logistic (LINK_A, LINK_B, c->score),
                  link_signals (ctx, c->signals));
      else
        {
          BtAlignAddition a = { s, logistic (LINK_A, LINK_B, ctx->tgt_total[s] > 0 ? 0.5 : 0) };

          g_array_append_val (self->additions, a);
        }
    }
  second_links (ctx, self, choices);
  return TRUE;
}

static gboolean
run_lines (BtAlignContext *ctx,
           BtAlignAnchors *anchors,
           BtAlignment    *self,
           GCancellable   *cancellable,
           GError        **error)
{
  guint n = ctx->tgt.n_units + 1;
  g_autofree guint *first = bt_memory_new (guint, n);
  g_autofree guint *last = bt_memory_new (guint, n);
  g_autofree double *score = bt_memory_new0 (double, n);

  if (!_bt_align_path_lines (ctx, anchors, first, last, score, cancellable, error))
    return FALSE;
  for (guint t = 0; t < ctx->tgt.n_units; t++)
    {
      if (first[t] == BT_ALIGN_NONE)
        {
          BtAlignAddition a = { t, 0.5 };

          g_array_append_val (self->additions, a);
          continue;
        }
      for (guint u = first[t]; u <= last[t]; u++)
        add_link (self, u, t, score[t], logistic (LINK_A, LINK_B, score[t]),
                  link_signals (ctx, 0));
    }
  return TRUE;
}

BtAlignment *
bt_aligner_run (BtAligner     *self,
                BtDocument    *source,
                BtDocument    *target,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr (BtAlignment) result = NULL;
  BtAlignContext ctx;
  BtAlignAnchors anchors;
  gboolean ok;

  g_return_val_if_fail (BT_IS_ALIGNER (self), NULL);
  g_return_val_if_fail (BT_IS_DOCUMENT (source), NULL);
  g_return_val_if_fail (BT_IS_DOCUMENT (target), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  result = alignment_new ();
  /* About one link a sentence: growing the array one by one would copy
   * it over and over. */
  bt_memory_array_reserve (result->links, bt_document_get_n_sentences (target));
  if (self->dictionary == NULL || (self->disabled & BT_SIGNAL_DICTIONARY))
    result->flags |= BT_ALIGNMENT_NO_DICTIONARY;
  _bt_align_context_init (&ctx, source, target, self->dictionary, self->units,
                          BT_SIGNAL_ALL & ~self->disabled);
  _bt_align_anchors_init (&anchors);
  ok = _bt_align_extract (&ctx, cancellable, error);
  if (ok)
    {
      find_anchors (&ctx, &anchors);
      fit_ratio (&ctx, &anchors);
      if (self->units == BT_ALIGN_UNITS_LINES)
        ok = run_lines (&ctx, &anchors, result, cancellable, error);
      else
        ok = run_paragraphs (&ctx, &anchors, result, cancellable, error);
    }
  if (ok)
    omissions (&ctx, result);
  result->ratio = ctx.ratio;
  _bt_align_anchors_clear (&anchors);
  _bt_align_context_clear (&ctx);
  return ok ? g_steal_pointer (&result) : NULL;
}

BtAlignmentFlags
bt_alignment_get_flags (BtAlignment *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->flags;
}

const BtAlignLink *
bt_alignment_get_links (BtAlignment *self,
                        guint       *n_links)
{
  g_return_val_if_fail (self != NULL, NULL);
  *n_links = self->links->len;
  return (const BtAlignLink *) (gpointer) self->links->data;
}

const BtAlignOmission *
bt_alignment_get_omissions (BtAlignment *self,
                            guint       *n_omissions)
{
  g_return_val_if_fail (self != NULL, NULL);
  *n_omissions = self->omissions->len;
  return (const BtAlignOmission *) (gpointer) self->omissions->data;
}

const BtAlignAddition *
bt_alignment_get_additions (BtAlignment *self,
                            guint       *n_additions)
{
  g_return_val_if_fail (self != NULL, NULL);
  *n_additions = self->additions->len;
  return (const BtAlignAddition *) (gpointer) self->additions->data;
}

double
bt_alignment_get_length_ratio (BtAlignment *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->ratio;
}

void
bt_alignment_apply (BtAlignment *self,
                    BtReview    *review)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (BT_IS_REVIEW (review));

  bt_review_begin_group (review, _("Pre-align"));
  for (guint i = 0; i < self->links->len; i++)
    {
      BtAlignLink *l = &g_array_index (self->links, BtAlignLink, i);

      if (bt_review_find_link (review, l->paragraph, l->sentence) == NULL)
        bt_review_add_link (review, l->paragraph, l->sentence, BT_ORIGIN_AUTO, l->confidence,
                            BT_STATE_SUGGESTED);
    }
  for (guint i = 0; i < self->omissions->len; i++)
    {
      BtAlignOmission *o = &g_array_index (self->omissions, BtAlignOmission, i);

      bt_review_add_omission (review, o->paragraph, o->start, o->end, BT_CATEGORY_CONDENSATION,
                              BT_SEVERITY_MINOR, "", BT_ORIGIN_AUTO, o->confidence, BT_STATE_SUGGESTED);
    }
  for (guint i = 0; i < self->additions->len; i++)
    {
      BtAlignAddition *a = &g_array_index (self->additions, BtAlignAddition, i);

      if (bt_review_find_addition (review, a->sentence) == NULL)
        bt_review_add_addition (review, a->sentence, BT_ORIGIN_AUTO, a->confidence, BT_STATE_SUGGESTED);
    }
  bt_review_end_group (review);
}
