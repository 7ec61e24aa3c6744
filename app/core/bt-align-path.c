/* bt-align-path.c: the most likely paragraph behind each target sentence
 *
 * A hidden Markov path over the target sentences in order: each sentence
 * either renders one of its candidate paragraphs or nothing. Emissions are
 * the lexical, length and position evidence; transitions prefer the next
 * paragraph or the same one, and make skips and moves back cost more the
 * further they go, so that order helps without forbidding crossing links.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bt-aligner-private.h"

#define LEXICAL_WEIGHT 5.0
#define POSITION_WEIGHT 1.0
#define SHARE_WEIGHT 2.0
#define LENGTH_WEIGHT 0.15
#define GROUP_WEIGHT 0.4
#define SKIP_COST 0.35
#define STAY_COST 0.15
#define BACK_COST 1.2
#define NONE_SCORE -0.9
#define MOVE_MIN_LEXICAL 0.5
#define MOVE_MARGIN 0.35
#define LOCAL_SCALE_A 0.5
#define LOCAL_SCALE_B 2.0
/* Jumps up to this far take their logarithm from a table. */
#define N_LOGS 4096
/* The traceback keeps at most this many states over all sentences; past
 * it, sentences get fewer candidates, so that memory stays bounded. */
#define MAX_KEPT_STATES (8u * 1024 * 1024)

typedef struct
{
  guint   paragraph;
  double  emission;
  double  lexical;
  guint32 signals;
  double  total;  /* best path score ending here */
  guint   from;   /* index of the previous state in the previous column */
  guint   last;   /* last real paragraph on that path (for the none state) */
  double  filled; /* target characters that path gives the paragraph last */
} State;

/* What the traceback needs of a state, kept for every sentence: two
 * arrays, as one struct would be padded to a third more. */
typedef struct
{
  guint32 paragraph;
  float   emission;
  float   lexical;
} Kept;

typedef struct
{
  GArray  *states; /* Kept */
  GArray  *links;  /* guint16: the previous state's index, then signals */
  guint   *offsets; /* per sentence: its first state */
} Trail;

#define LINK_FROM(l) ((l) & 0x1f)
#define LINK_SIGNALS(l) ((guint32) (l) >> 5)

/* The states of one sentence being scored. */
typedef struct
{
  State *states;
  guint  len;
} Column;

typedef struct
{
  BtAlignContext *ctx;
  BtAlignAnchors *anchors;
  double          scale;
  GArray         *found;
  guint           max_candidates;
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

static double
transition (BtAlignContext *ctx,
            guint           from,
            guint           to)
{
  double d;

  if (from == BT_ALIGN_NONE || to == BT_ALIGN_NONE || !(ctx->enabled & BT_SIGNAL_POSITION))
    return 0;
  d = (double) to - (double) from;
  if (d == 1)
    return 0;
  if (d == 0)
    return -STAY_COST;
  if (d > 1)
    return -SKIP_COST * log_of (d);
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
             SHARE_WEIGHT * _bt_align_rendered_share (ctx, paragraph, matched);
  double src = ctx->src.n_chars[paragraph], tgt = ctx->tgt.n_chars[sentence];

  if (ctx->enabled & BT_SIGNAL_POSITION)
    e += POSITION_WEIGHT * _bt_align_position_score (paragraph - expected, scale);
  /* Condensing is expected; only a sentence too long for the paragraph
   * speaks against it. */
  if (tgt * ctx->ratio > src)
    e -= LENGTH_WEIGHT * _bt_align_length_cost (ctx, src, tgt);
  return e;
}

static void
add_state (Column  *column,
           guint    paragraph,
           double   emission_score,
           double   lexical,
           guint32  signals)
{
  for (guint i = 0; i < column->len; i++)
    if (column->states[i].paragraph == paragraph)
      return;
  column->states[column->len++] = (State) { paragraph, emission_score, lexical, signals, -G_MAXDOUBLE, 0, BT_ALIGN_NONE, 0 };
}

/* Moves the @k best-matched candidates to the front, best first, ties in
 * their order of finding: all a column takes, without sorting the rest. */
static guint
select_best (GArray *found,
             guint   k)
{
  BtAlignCandidate *c = (BtAlignCandidate *) (gpointer) found->data;
  guint n = 0;

  for (guint i = 0; i < found->len; i++)
    {
      BtAlignCandidate x = c[i];
      guint at = n;

      if (n == k && !(x.matched > c[n - 1].matched))
        continue;
      while (at > 0 && x.matched > c[at - 1].matched)
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

/* The states of one sentence: its best lexical candidates near and far,
 * the paragraphs around the expected one, and none. */
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
  double gap = _bt_align_anchors_gap (path->anchors, sentence);
  double scale = CLAMP (LOCAL_SCALE_A * gap + LOCAL_SCALE_B, 1.0, path->scale);

  g_array_set_size (path->found, 0);
  _bt_align_candidates (ctx, sentence, lo, hi, G_MAXUINT, path->found);
  _bt_align_candidates (ctx, sentence, 0, lo, 3, path->found);
  _bt_align_candidates (ctx, sentence, hi, n_p, 3, path->found);
  n_best = select_best (path->found, path->max_candidates);
  for (guint i = 0; i < n_best && column->len < path->max_candidates; i++)
    {
      BtAlignCandidate *c = &g_array_index (path->found, BtAlignCandidate, i);

      add_state (column, c->paragraph, emission (path, sentence, c->paragraph, c->matched, expected, scale),
                 _bt_align_lexical (ctx, sentence, c->matched), c->signals);
    }
  for (gint d = -2; d <= 2; d++)
    {
      gint p = (gint) round (expected) + d;

      if (p >= 0 && p < (gint) n_p)
        add_state (column, p, emission (path, sentence, p, 0, expected, scale), 0, 0);
    }
  add_state (column, BT_ALIGN_NONE, NONE_SCORE, 0, 0);
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
step (BtAlignContext *ctx,
      const Column   *prev,
      Column         *column,
      double          tgt)
{
  guint8 order[64];

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
          double before = last == s->paragraph ? p->filled : 0;
          double t;

          /* No transition gains: the worse states that follow cannot
           * beat the best found. */
          if (p->total + s->emission < s->total)
            break;
          t = p->total + transition (ctx, last, s->paragraph) + s->emission - group_cost (ctx, s->paragraph, before, tgt);
          if (t > s->total || (t == s->total && j < s->from))
            {
              s->total = t;
              s->from = j;
              s->last = last;
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

  return (BtAlignChoice) { k->paragraph, k->emission, k->lexical,
                           LINK_SIGNALS (g_array_index (trail->links, guint16, i)) };
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
          if (k->paragraph != BT_ALIGN_NONE && k->lexical >= MOVE_MIN_LEXICAL &&
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

      k[i] = (Kept) { st->paragraph, st->emission, st->lexical };
      l[i] = (guint16) (st->from | st->signals << 5);
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
_bt_align_path_paragraphs (BtAlignContext *ctx,
                           BtAlignAnchors *anchors,
                           guint           max_candidates,
                           BtAlignChoice  *choices,
                           GCancellable   *cancellable,
                           GError        **error)
{
  guint n_t = ctx->tgt.n_units;
  guint affordable = MAX (MAX_KEPT_STATES / MAX (n_t, 1), 8) - 6;
  /* The index of a state's predecessor must fit in five bits. */
  guint width = MIN (MIN (max_candidates, affordable), 26) + 6;
  g_autofree State *work = g_new (State, 2 * width);
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (BtAlignCandidate));
  g_auto (Trail) trail = { g_array_new (FALSE, FALSE, sizeof (Kept)), g_array_new (FALSE, FALSE, sizeof (guint16)),
                           g_new0 (guint, n_t + 1) };
  Path path = { ctx, anchors, CLAMP (0.01 * ctx->src.n_units, 2.0, 20.0), found, width - 6 };
  Column columns[2] = { { work, 0 }, { work + width, 0 } };

  init_log_table ();

  if (n_t == 0 || ctx->src.n_units == 0)
    {
      for (guint s = 0; s < n_t; s++)
        choices[s] = (BtAlignChoice) { BT_ALIGN_NONE, NONE_SCORE, 0, 0 };
      return TRUE;
    }
  for (guint s = 0; s < n_t; s++)
    {
      Column *column = &columns[s & 1];

      if ((s & 255) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      column->len = 0;
      fill_column (&path, s, column);
      step (ctx, s > 0 ? &columns[(s - 1) & 1] : NULL, column, ctx->tgt.n_chars[s]);
      trail.offsets[s] = trail.states->len;
      keep_column (&trail, column);
    }
  trail.offsets[n_t] = trail.states->len;
  trace_back (&trail, n_t, best_state (&columns[(n_t - 1) & 1]), choices);
  follow_moves (&trail, n_t, choices);
  return TRUE;
}
