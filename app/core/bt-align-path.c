/* bt-align-path.c: the most likely paragraph behind each target sentence
 *
 * A hidden Markov path over the target sentences in order: each sentence
 * either renders one of its candidate paragraphs or nothing. Emissions are
 * the lexical, length and position evidence; transitions prefer the next
 * paragraph or the same one, and make skips and moves back cost more the
 * further they go, so that order helps without forbidding crossing links.
 * In the second path a state also names the sentence of its paragraph
 * that the keys point to: sentences of one paragraph rendered out of
 * their order cost more, which tells apart neighbours sharing words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bt-aligner-private.h"
#include "bt-memory.h"

#define LEXICAL_WEIGHT 4.0
#define POSITION_WEIGHT 1.0
#define SHARE_WEIGHT 4.0
#define LENGTH_WEIGHT 0.15
#define GROUP_WEIGHT 0.4
#define SKIP_COST 0.6
#define STAY_COST 0.0
#define BACK_COST 1.2
#define NONE_SCORE -0.9
#define MOVE_MIN_LEXICAL 0.6
#define MOVE_MARGIN 0.35
#define LOCAL_SCALE_A 0.8
#define LOCAL_SCALE_B 4.0
/* The sentence of a paragraph a target sentence matches best: its own
 * evidence, and a cost for going back within the paragraph, more than
 * for taking the same sentence again. */
#define SENTENCE_WEIGHT 2.5
#define ORDER_COST 1.5
/* Two target sentences seldom render the very same source sentence. */
#define REPEAT_COST 1.0
/* A paragraph holding many times a sentence's words holds some of them
 * by chance: its evidence counts that much less. */
#define SIZE_WEIGHT 0.08
/* A paragraph's second-best sentence is a state too when it matches
 * at least this share of the best. */
#define SECOND_SENTENCE_SHARE 0.5
#define SENTENCES_PER_KEY 8
/* Going on to the very next sentence is what a translation does most.
 * A paragraph that is rendered at all is seldom rendered only in part,
 * so each of its sentences passed over costs: the more so, the more of
 * the source's sentences the target has, up to GAP_COST. */
#define NEXT_BONUS 0.3
#define GAP_COST 0.3
/* The sentences of the paragraphs this far from the expected one, at
 * most this many each, are states too, priced by length this much. */
#define NEAR_REACH 2
#define NEAR_MAX 4
#define NEAR_LENGTH_WEIGHT 0.5
/* The paragraphs this far from the expected one are states in any case. */
#define AROUND 2
G_STATIC_ASSERT (NEAR_REACH <= AROUND);
/* Pairs learnt from the document weigh like the dictionary's own. */
#define LEARNED_WEIGHT 3.0
/* Jumps up to this far take their logarithm from a table. */
#define N_LOGS 4096
/* The traceback keeps at most this many states over all sentences; past
 * it, sentences get fewer candidates, so that memory stays bounded. */
#define MAX_KEPT_STATES (8u * 1024 * 1024)

typedef struct
{
  guint   paragraph;
  guint   sentence; /* BT_ALIGN_NONE when no sentence of it matches */
  double  emission;
  double  lexical;
  guint32 signals;
  double  total;  /* best path score ending here */
  guint   from;   /* index of the previous state in the previous column */
  guint   last;   /* last real paragraph on that path (for the none state) */
  guint   last_sentence; /* and its sentence */
  double  filled; /* target characters that path gives the paragraph last */
} State;

/* What the traceback needs of a state, kept for every sentence: two
 * arrays, as one struct would be padded. A state names
 * its source sentence, whose paragraph is known, or else its paragraph
 * with KEPT_PARAGRAPH set, or else nothing (BT_ALIGN_NONE). */
typedef struct
{
  guint32 unit;
  float   emission;
  float   lexical;
} Kept;

#define KEPT_PARAGRAPH 0x80000000u

typedef struct
{
  GArray      *states;    /* Kept */
  GArray      *links;     /* guint16: the previous state's index, then signals */
  guint       *offsets;   /* per sentence: its first state */
  const guint *paragraph; /* of each source sentence */
} Trail;

static guint32
kept_unit (guint paragraph,
           guint sentence)
{
  if (sentence != BT_ALIGN_NONE)
    return sentence;
  return paragraph != BT_ALIGN_NONE ? paragraph | KEPT_PARAGRAPH : BT_ALIGN_NONE;
}

static guint
kept_paragraph (const Trail *trail,
                const Kept  *k)
{
  if (k->unit == BT_ALIGN_NONE)
    return BT_ALIGN_NONE;
  return k->unit & KEPT_PARAGRAPH ? k->unit & ~KEPT_PARAGRAPH : trail->paragraph[k->unit];
}

static guint
kept_sentence (const Kept *k)
{
  return k->unit & KEPT_PARAGRAPH ? BT_ALIGN_NONE : k->unit;
}

#define LINK_FROM(l) ((l) & 0xff)
#define LINK_SIGNALS(l) ((guint32) (l) >> 8)
/* A column holds at most this many states, so that the index of a
 * predecessor fits in a link's low byte. */
#define MAX_WIDTH 64

/* The states of one sentence being scored. */
typedef struct
{
  State *states;
  guint  len;
} Column;

/* The best and second-best sentence of a paragraph for one target
 * sentence. */
typedef struct
{
  guint  sentence[2];
  float  matched[2];
} Best;

typedef struct
{
  BtAlignContext   *ctx;
  BtAlignAnchors   *anchors;
  const BtAlignSentences *sentences;
  const BtAlignLearned *learned;
  double            scale;
  GArray           *found;
  GArray           *found_sentences;
  Best             *best;     /* per paragraph, scratch */
  guint             max_candidates;
  guint             width;
  float            *matched;  /* per source sentence, scratch */
  double            gap_cost; /* per sentence passed over */
} Path;

static double log_table[N_LOGS];

static void
init_log_table (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      for (guint i = 1; i < N_LOGS; i++)
        log_table[i] = log (i);
      g_once_init_leave (&done, 1);
    }
}

static double
log_of (double d)
{
  return d < N_LOGS ? log_table[(guint) d] : log (d);
}

/* The source sentences a step forward from @from_sentence of paragraph
 * @from to @to_sentence of @to passes over in those two paragraphs;
 * paragraphs between, wholly left out, are not counted. @first gives
 * each paragraph's first sentence. */
static guint
passed_over (const guint *first,
             guint        from,
             guint        from_sentence,
             guint        to,
             guint        to_sentence)
{
  if (to == from)
    return to_sentence - from_sentence - 1;
  return (first[from + 1] - 1 - from_sentence) + (to_sentence - first[to]);
}

static double
transition (const Path     *path,
            guint           from,
            guint           from_sentence,
            guint           to,
            guint           to_sentence)
{
  double d, gap = 0;

  if (from == BT_ALIGN_NONE || to == BT_ALIGN_NONE || !(path->ctx->enabled & BT_SIGNAL_POSITION))
    return 0;
  d = (double) to - (double) from;
  if (from_sentence != BT_ALIGN_NONE && to_sentence == from_sentence + 1)
    return NEXT_BONUS - (d == 0 ? STAY_COST : 0);
  if (path->sentences != NULL && from_sentence != BT_ALIGN_NONE && to_sentence != BT_ALIGN_NONE && to >= from &&
      to_sentence > from_sentence)
    gap = path->gap_cost * passed_over (path->sentences->first, from, from_sentence, to, to_sentence);
  if (d == 1)
    return -gap;
  if (from_sentence != BT_ALIGN_NONE && to_sentence == from_sentence)
    return -STAY_COST - REPEAT_COST;
  if (d == 0)
    return from_sentence != BT_ALIGN_NONE && to_sentence != BT_ALIGN_NONE && to_sentence < from_sentence
             ? -STAY_COST - ORDER_COST
             : -STAY_COST - gap;
  if (d > 1)
    return -SKIP_COST * log_of (d) - gap;
  return -BACK_COST - SKIP_COST * log_of (1 - d);
}

static double
emission (Path    *path,
          guint    sentence,
          guint    paragraph,
          double   matched,
          double   expected,
          double   scale)
{
  BtAlignContext *ctx = path->ctx;
  double e = LEXICAL_WEIGHT * _bt_align_lexical (ctx, sentence, matched) +
             SHARE_WEIGHT * _bt_align_rendered_share (ctx, paragraph, matched) -
             SIZE_WEIGHT * log1p (ctx->src_total[paragraph] / (ctx->tgt_total[sentence] + 1.0));
  double src = ctx->src.n_chars[paragraph], tgt = ctx->tgt.n_chars[sentence];

  if (path->learned != NULL)
    e += LEARNED_WEIGHT * _bt_align_learned_match (path->learned, paragraph, sentence) / (ctx->tgt_total[sentence] + 1.0);
  if (ctx->enabled & BT_SIGNAL_POSITION)
    e += POSITION_WEIGHT * _bt_align_position_score (paragraph - expected, scale);
  /* Condensing is expected; only a sentence too long for the paragraph
   * speaks against it. */
  if (tgt * ctx->ratio > src)
    e -= LENGTH_WEIGHT * _bt_align_length_cost (ctx, src, tgt);
  return e;
}

/* Adds a state unless the column has one for @paragraph and @sentence,
 * or for @paragraph at all when @sentence is BT_ALIGN_NONE. */
static void
add_state (Column  *column,
           guint    paragraph,
           guint    sentence,
           double   emission_score,
           double   lexical,
           guint32  signals)
{
  for (guint i = 0; i < column->len; i++)
    if (column->states[i].paragraph == paragraph &&
        (sentence == BT_ALIGN_NONE || column->states[i].sentence == sentence))
      return;
  column->states[column->len++] = (State) { paragraph, sentence, emission_score, lexical, signals, -G_MAXDOUBLE, 0,
                                            BT_ALIGN_NONE, BT_ALIGN_NONE, 0 };
}

/* The best two sentences of each paragraph the target sentence's keys
 * are found in, near its expected place and, by rare keys, far. */
static void
find_sentences (Path  *path,
                guint  target,
                guint  lo,
                guint  hi)
{
  const BtAlignSentences *sentences = path->sentences;
  GArray *found = path->found_sentences;

  /* A key in more sentences around than the paragraphs have on average
   * cannot tell them apart; skipping it keeps a paragraph of thousands of
   * sentences linear. */
  guint max_sentences = SENTENCES_PER_KEY * MAX (hi - lo, 1);

  g_array_set_size (found, 0);
  _bt_align_sentences_find (sentences, path->ctx, target, sentences->first[lo], sentences->first[hi], G_MAXUINT,
                            max_sentences, found);
  _bt_align_sentences_find (sentences, path->ctx, target, 0, sentences->first[lo], 3, max_sentences, found);
  _bt_align_sentences_find (sentences, path->ctx, target, sentences->first[hi], sentences->n, 3, max_sentences,
                            found);
  for (guint i = 0; i < found->len; i++)
    {
      const BtAlignCandidate *c = &g_array_index (found, BtAlignCandidate, i);
      Best *b = &path->best[sentences->paragraph[c->paragraph]];

      path->matched[c->paragraph] = c->matched;
      if (b->sentence[0] == BT_ALIGN_NONE || c->matched > b->matched[0] ||
          (c->matched == b->matched[0] && c->paragraph < b->sentence[0]))
        {
          b->sentence[1] = b->sentence[0];
          b->matched[1] = b->matched[0];
          b->sentence[0] = c->paragraph;
          b->matched[0] = c->matched;
        }
      else if (b->sentence[1] == BT_ALIGN_NONE || c->matched > b->matched[1] ||
               (c->matched == b->matched[1] && c->paragraph < b->sentence[1]))
        {
          b->sentence[1] = c->paragraph;
          b->matched[1] = c->matched;
        }
    }
}

static void
forget_sentences (Path *path)
{
  GArray *found = path->found_sentences;

  for (guint i = 0; i < found->len; i++)
    {
      guint s = g_array_index (found, BtAlignCandidate, i).paragraph;
      Best *b = &path->best[path->sentences->paragraph[s]];

      path->matched[s] = 0;
      b->sentence[0] = b->sentence[1] = BT_ALIGN_NONE;
      b->matched[0] = b->matched[1] = 0;
    }
}

/* Whether candidate @a goes before @b: better matched, or as well
 * matched and nearer the expected paragraph. A formula a text repeats
 * ("And the LORD spake unto Moses") matches hundreds of paragraphs
 * alike; the ones near are those that count. */
static gboolean
goes_before (const BtAlignCandidate *a,
             const BtAlignCandidate *b,
             double                  expected)
{
  return a->matched > b->matched ||
         (a->matched == b->matched && fabs (a->paragraph - expected) < fabs (b->paragraph - expected));
}

/* Moves the @k best candidates to the front, best first, ties in their
 * order of finding: all a column takes, without sorting the rest. */
static guint
select_best (GArray *found,
             guint   k,
             double  expected)
{
  BtAlignCandidate *c = (BtAlignCandidate *) (gpointer) found->data;
  guint n = 0;

  for (guint i = 0; i < found->len; i++)
    {
      BtAlignCandidate x = c[i];
      guint at = n;

      if (n == k && !goes_before (&x, &c[n - 1], expected))
        continue;
      while (at > 0 && goes_before (&x, &c[at - 1], expected))
        at--;
      if (n < k)
        n++;
      /* c[i] is saved in x, and i >= n - 1, so shifting cannot lose an
       * unread candidate. */
      memmove (&c[at + 1], &c[at], (n - 1 - at) * sizeof *c);
      c[at] = x;
    }
  return n;
}

/* Every sentence of the paragraphs next to the expected one, so that a
 * target sentence whose words say little can still follow the sentence
 * before it; each by its own words and its length. */
static void
add_near (Path                   *path,
          guint                   sentence,
          const BtAlignCandidate *around,
          double                  expected,
          double                  scale,
          Column                 *column)
{
  BtAlignContext *ctx = path->ctx;

  for (gint d = -NEAR_REACH; d <= NEAR_REACH; d++)
    {
      gint p = (gint) round (expected) + d;
      const BtAlignCandidate *c = &around[d + AROUND];
      const BtParagraph *para;
      double e;

      if (p < 0 || p >= (gint) ctx->src.n_units)
        continue;
      e = emission (path, sentence, p, c->matched, expected, scale);
      para = bt_document_get_paragraph (ctx->source, p);
      /* The paragraphs around the expected one and none come after. */
      for (guint k = 0; k < para->n_sentences && k < NEAR_MAX && column->len + 6 < path->width; k++)
        {
          guint j = para->first_sentence + k;
          const BtSentence *s = bt_document_get_sentence (ctx->source, j);

          add_state (column, p, j,
                     e + SENTENCE_WEIGHT * _bt_align_lexical (ctx, sentence, path->matched[j]) -
                       NEAR_LENGTH_WEIGHT * _bt_align_length_cost (ctx, s->end - s->start, ctx->tgt.n_chars[sentence]),
                     _bt_align_lexical (ctx, sentence, c->matched), c->signals);
        }
    }
}

/* The candidates of the paragraphs up to AROUND from the expected one,
 * before the best are picked: a paragraph near, holding only words
 * common around, is no worse for them. */
static void
keep_around (const GArray     *found,
             double            expected,
             BtAlignCandidate *around)
{
  gint mid = (gint) round (expected);

  for (guint i = 0; i < 2 * AROUND + 1; i++)
    around[i] = (BtAlignCandidate) { 0, 0, 0 };
  for (guint i = 0; i < found->len; i++)
    {
      const BtAlignCandidate *c = &g_array_index (found, BtAlignCandidate, i);
      gint d = (gint) c->paragraph - mid;

      if (d >= -AROUND && d <= AROUND)
        around[d + AROUND] = *c;
    }
}

/* The states of one sentence: its best lexical candidates near and far,
 * the sentences of the paragraphs next to the expected one, the
 * paragraphs around it, and none. */
static void
fill_column (Path   *path,
             guint   sentence,
             Column *column)
{
  BtAlignContext *ctx = path->ctx;
  guint n_p = ctx->src.n_units;
  double expected = _bt_align_anchors_expect (path->anchors, sentence, ctx->tgt.n_units, n_p);
  guint window = (guint) (path->scale * 4) + 2;
  guint lo = expected > window ? (guint) expected - window : 0;
  guint hi = MIN (n_p, (guint) expected + window + 1);
  guint n_best;
  BtAlignCandidate around[2 * AROUND + 1];
  double gap = _bt_align_anchors_gap (path->anchors, sentence);
  double scale = CLAMP (LOCAL_SCALE_A * gap + LOCAL_SCALE_B, 1.0, path->scale);

  g_array_set_size (path->found, 0);
  _bt_align_candidates (ctx, sentence, lo, hi, G_MAXUINT, path->found);
  _bt_align_candidates (ctx, sentence, 0, lo, 3, path->found);
  _bt_align_candidates (ctx, sentence, hi, n_p, 3, path->found);
  keep_around (path->found, expected, around);
  n_best = select_best (path->found, path->max_candidates, expected);
  if (path->sentences != NULL)
    find_sentences (path, sentence, lo, hi);
  for (guint i = 0; i < n_best; i++)
    {
      BtAlignCandidate *c = &g_array_index (path->found, BtAlignCandidate, i);
      const Best *b = &path->best[c->paragraph];
      double e = emission (path, sentence, c->paragraph, c->matched, expected, scale);
      double lexical = _bt_align_lexical (ctx, sentence, c->matched);

      for (guint k = 0; k < 2; k++)
        if (b->sentence[k] != BT_ALIGN_NONE && (k == 0 || b->matched[1] >= SECOND_SENTENCE_SHARE * b->matched[0]))
          add_state (column, c->paragraph, b->sentence[k],
                     e + SENTENCE_WEIGHT * _bt_align_lexical (ctx, sentence, b->matched[k]), lexical, c->signals);
      if (b->sentence[0] == BT_ALIGN_NONE)
        add_state (column, c->paragraph, BT_ALIGN_NONE, e, lexical, c->signals);
    }
  if (path->sentences != NULL)
    {
      add_near (path, sentence, around, expected, scale, column);
      forget_sentences (path);
    }
  for (gint d = -AROUND; d <= AROUND; d++)
    {
      gint p = (gint) round (expected) + d;

      if (p >= 0 && p < (gint) n_p)
        add_state (column, p, BT_ALIGN_NONE, emission (path, sentence, p, 0, expected, scale), 0, 0);
    }
  add_state (column, BT_ALIGN_NONE, BT_ALIGN_NONE, NONE_SCORE, 0, 0);
}

/* The indices of @column's states, best total first; ties keep their
 * order. */
static void
order_by_total (const Column *column,
                guint8       *order)
{
  for (guint i = 0; i < column->len; i++)
    {
      guint at = i;

      for (; at > 0 && column->states[order[at - 1]].total < column->states[i].total; at--)
        order[at] = order[at - 1];
      order[at] = (guint8) i;
    }
}

static double
overfill (BtAlignContext *ctx,
          guint           paragraph,
          double          tgt)
{
  double src = ctx->src.n_chars[paragraph];

  return tgt * ctx->ratio > src ? _bt_align_length_cost (ctx, src, tgt) : 0;
}

/* Sentences that together outgrow their paragraph cost more than each
 * alone; the emission already holds each alone. */
static double
group_cost (BtAlignContext *ctx,
            guint           paragraph,
            double          before,
            double          tgt)
{
  if (before == 0 || paragraph == BT_ALIGN_NONE)
    return 0;
  return GROUP_WEIGHT * (overfill (ctx, paragraph, before + tgt) - overfill (ctx, paragraph, before) -
                         overfill (ctx, paragraph, tgt));
}

static void
step (const Path     *path,
      const Column   *prev,
      Column         *column,
      double          tgt)
{
  guint8 order[MAX_WIDTH];

  if (prev == NULL)
    {
      for (guint i = 0; i < column->len; i++)
        {
          column->states[i].total = column->states[i].emission;
          column->states[i].filled = column->states[i].paragraph != BT_ALIGN_NONE ? tgt : 0;
        }
      return;
    }
  order_by_total (prev, order);
  for (guint i = 0; i < column->len; i++)
    {
      State *s = &column->states[i];

      for (guint o = 0; o < prev->len; o++)
        {
          guint j = order[o];
          const State *p = &prev->states[j];
          guint last = p->paragraph != BT_ALIGN_NONE ? p->paragraph : p->last;
          guint last_sentence = p->paragraph != BT_ALIGN_NONE ? p->sentence : p->last_sentence;
          double before = last == s->paragraph ? p->filled : 0;
          double t;

          /* No transition gains: the worse states that follow cannot
           * beat the best found. */
          if (p->total + s->emission < s->total)
            break;
          t = p->total + transition (path, last, last_sentence, s->paragraph, s->sentence) + s->emission -
              group_cost (path->ctx, s->paragraph, before, tgt);
          if (t > s->total || (t == s->total && j < s->from))
            {
              s->total = t;
              s->from = j;
              s->last = last;
              s->last_sentence = last_sentence;
              s->filled = s->paragraph == BT_ALIGN_NONE ? p->filled : before + tgt;
            }
        }
    }
}

static BtAlignChoice
kept_choice (const Trail *trail,
             guint        i)
{
  const Kept *k = &g_array_index (trail->states, Kept, i);

  return (BtAlignChoice) { kept_paragraph (trail, k), k->emission, k->lexical,
                           LINK_SIGNALS (g_array_index (trail->links, guint16, i)), 0, kept_sentence (k) };
}

static void
trace_back (const Trail   *trail,
            guint          n_columns,
            guint          at,
            BtAlignChoice *choices)
{
  for (guint s = n_columns; s-- > 0;)
    {
      guint i = trail->offsets[s] + at;

      choices[s] = kept_choice (trail, i);
      at = LINK_FROM (g_array_index (trail->links, guint16, i));
    }
}

/* A sentence moved far from its paragraph costs the path two long jumps;
 * when its words point clearly elsewhere, follow them instead. */
static void
follow_moves (const Trail   *trail,
              guint          n_columns,
              BtAlignChoice *choices)
{
  const Kept *kept = (const Kept *) (gconstpointer) trail->states->data;

  for (guint s = 0; s < n_columns; s++)
    {
      guint best = G_MAXUINT;
      double top = 0;

      for (guint i = trail->offsets[s]; i < trail->offsets[s + 1]; i++)
        {
          const Kept *k = &kept[i];

          top = MAX (top, k->lexical);
          if (k->unit != BT_ALIGN_NONE && k->lexical >= MOVE_MIN_LEXICAL &&
              k->lexical >= choices[s].lexical + MOVE_MARGIN && (best == G_MAXUINT || k->lexical > kept[best].lexical))
            best = i;
        }
      if (best != G_MAXUINT)
        choices[s] = kept_choice (trail, best);
      choices[s].best_lexical = top;
    }
}

static void
keep_column (Trail        *trail,
             const Column *column)
{
  guint at = trail->states->len;
  Kept *k;
  guint16 *l;

  g_array_set_size (trail->states, at + column->len);
  g_array_set_size (trail->links, at + column->len);
  k = &g_array_index (trail->states, Kept, at);
  l = &g_array_index (trail->links, guint16, at);
  for (guint i = 0; i < column->len; i++)
    {
      const State *st = &column->states[i];

      k[i] = (Kept) { kept_unit (st->paragraph, st->sentence), st->emission, st->lexical };
      l[i] = (guint16) (st->from | st->signals << 8);
    }
}

static void
trail_clear (Trail *trail)
{
  g_clear_pointer (&trail->states, g_array_unref);
  g_clear_pointer (&trail->links, g_array_unref);
  g_clear_pointer (&trail->offsets, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Trail, trail_clear)

static guint
best_state (const Column *column)
{
  guint at = 0;

  for (guint i = 1; i < column->len; i++)
    if (column->states[i].total > column->states[at].total)
      at = i;
  return at;
}

gboolean
_bt_align_path_paragraphs (BtAlignContext       *ctx,
                           BtAlignAnchors       *anchors,
                           BtAlignSentences     *sentences,
                           const BtAlignLearned *learned,
                           guint                 max_candidates,
                           BtAlignChoice  *choices,
                           GCancellable   *cancellable,
                           GError        **error)
{
  guint n_t = ctx->tgt.n_units;
  guint affordable = MAX (MAX_KEPT_STATES / MAX (n_t, 1), 14) - 6;
  guint near = sentences != NULL ? MIN ((2 * NEAR_REACH + 1) * NEAR_MAX, affordable / 3) : 0;
  /* Each candidate paragraph may bring two sentences. */
  guint n_candidates = MIN (MIN (max_candidates, (affordable - near) / 2), (MAX_WIDTH - 6 - near) / 2);
  guint width = 2 * n_candidates + near + 6;
  g_autofree State *work = g_new (State, 2 * width);
  g_autofree float *matched = bt_memory_new0 (float, sentences != NULL ? sentences->n + 1 : 1);
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (BtAlignCandidate));
  g_autoptr (GArray) found_sentences = g_array_new (FALSE, FALSE, sizeof (BtAlignCandidate));
  g_autofree Best *best = bt_memory_new (Best, ctx->src.n_units + 1);
  /* Set aside for a typical column at once: regrowing the trail copies
   * it over and over, and pages never touched cost nothing. */
  guint reserve = (guint) MIN ((guint64) n_t * 8, MAX_KEPT_STATES);
  g_auto (Trail) trail = { bt_memory_array_sized (sizeof (Kept), reserve),
                           bt_memory_array_sized (sizeof (guint16), reserve),
                           bt_memory_new0 (guint, n_t + 1), sentences != NULL ? sentences->paragraph : NULL };
  Path path = { ctx, anchors, sentences, learned, CLAMP (0.01 * ctx->src.n_units, 2.0, 20.0), found, found_sentences, best,
                n_candidates, width, matched,
                sentences != NULL ? GAP_COST * MIN (1.0, (double) n_t / MAX (sentences->n, 1)) : 0 };
  Column columns[2] = { { work, 0 }, { work + width, 0 } };
  gboolean ok = TRUE;

  /* Files are far too small to come near: see kept_unit(). */
  g_assert (ctx->src.n_units < KEPT_PARAGRAPH && (sentences == NULL || sentences->n < KEPT_PARAGRAPH));
  init_log_table ();
  for (guint p = 0; p <= ctx->src.n_units; p++)
    best[p] = (Best) { { BT_ALIGN_NONE, BT_ALIGN_NONE }, { 0, 0 } };

  if (n_t == 0 || ctx->src.n_units == 0)
    {
      for (guint s = 0; s < n_t; s++)
        choices[s] = (BtAlignChoice) { BT_ALIGN_NONE, NONE_SCORE, 0, 0, 0, BT_ALIGN_NONE };
      return TRUE;
    }
  for (guint s = 0; s < n_t; s++)
    {
      Column *column = &columns[s & 1];

      if ((s & 255) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      column->len = 0;
      fill_column (&path, s, column);
      step (&path, s > 0 ? &columns[(s - 1) & 1] : NULL, column, ctx->tgt.n_chars[s]);
      trail.offsets[s] = trail.states->len;
      keep_column (&trail, column);
    }
  if (!ok)
    return FALSE;
  trail.offsets[n_t] = trail.states->len;
  trace_back (&trail, n_t, best_state (&columns[(n_t - 1) & 1]), choices);
  follow_moves (&trail, n_t, choices);
  return TRUE;
}
