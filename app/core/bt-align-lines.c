/* bt-align-lines.c: monotone alignment of pre-segmented lines
 *
 * Dynamic programming over beads of up to three lines a side, in a band
 * around the path the anchors predict; a bead costs its length mismatch
 * minus its lexical evidence, plus a prior on its shape.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bt-aligner-private.h"

#define LEXICAL_WEIGHT 6.0
#define NO_LENGTH_COST 1.0
#define VARIANCE 6.8

typedef struct
{
  guint  di;
  guint  dj;
  double prior;
} Bead;

/* Priors after Gale and Church: -log of how often each shape occurs.
 * Two lines a side, and three against one, cost more than their share
 * of the Bible's gold (3% each): such a bead gathers the words its
 * lines share with their neighbours' and would win on those alone. */
static const Bead beads[] = {
  { 1, 1, 0.12 }, { 2, 1, 3.1 }, { 1, 2, 3.1 }, { 1, 0, 5.3 }, { 0, 1, 5.3 },
  { 2, 2, 6.0 }, { 3, 1, 6.0 }, { 1, 3, 6.0 },
};

typedef struct
{
  BtAlignContext *ctx;
  guint           n_s;
  guint           n_t;
  guint          *lo;      /* per target row j: first source cell */
  guint          *hi;      /* one past the last */
  double        **cost;
  guint8        **back;
  GArray        **found;   /* per target unit: BtAlignCandidate in the band */
} Grid;

static double
pair_matched (Grid  *g,
              guint  u,
              guint  t)
{
  GArray *found = g->found[t];
  const BtAlignCandidate *c = (const BtAlignCandidate *) (gconstpointer) found->data;
  guint lo = 0, hi = found->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (c[mid].paragraph < u)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < found->len && c[lo].paragraph == u ? c[lo].matched : 0;
}

static int
by_paragraph (gconstpointer a,
              gconstpointer b)
{
  const BtAlignCandidate *x = a, *y = b;

  return (x->paragraph > y->paragraph) - (x->paragraph < y->paragraph);
}

/* Gale and Church's measure: the target length expected from the source,
 * with a variance that grows with it. */
static double
length_cost (Grid   *g,
             double  src,
             double  tgt)
{
  double c = 1.0 / g->ctx->ratio, s2 = VARIANCE * c;
  double delta = (tgt - src * c) / sqrt (MAX (src, 1) * s2);
  double p = erfc (fabs (delta) / sqrt (2));

  return -log (MAX (p, 1e-12));
}

/* Lexical share of the target lines [j0, j1) found in source [i0, i1). */
static double
bead_lexical (Grid  *g,
              guint  i0,
              guint  i1,
              guint  j0,
              guint  j1)
{
  double matched = 0, total = 0;

  for (guint t = j0; t < j1; t++)
    {
      double m = 0;

      for (guint u = i0; u < i1; u++)
        m += pair_matched (g, u, t);
      matched += MIN (m, g->ctx->tgt_total[t]);
      total += g->ctx->tgt_total[t];
    }
  return matched / (total + 1.0);
}

static double
bead_cost (Grid       *g,
           const Bead *b,
           guint       i0,
           guint       j0,
           double     *lexical)
{
  double src = 0, tgt = 0, lex, length;

  *lexical = 0;
  if (b->di == 0 || b->dj == 0)
    return b->prior;
  for (guint u = i0; u < i0 + b->di; u++)
    src += g->ctx->src.n_chars[u];
  for (guint t = j0; t < j0 + b->dj; t++)
    tgt += g->ctx->tgt.n_chars[t];
  lex = bead_lexical (g, i0, i0 + b->di, j0, j0 + b->dj);
  length = (g->ctx->enabled & BT_SIGNAL_LENGTH) ? length_cost (g, src, tgt) : NO_LENGTH_COST;
  *lexical = lex;
  return b->prior + length - LEXICAL_WEIGHT * lex * (b->di + b->dj) / 2.0;
}

static double
cell (Grid  *g,
      guint  i,
      guint  j)
{
  if (i < g->lo[j] || i >= g->hi[j])
    return G_MAXDOUBLE;
  return g->cost[j][i - g->lo[j]];
}

static void
fill_row (Grid  *g,
          guint  j)
{
  for (guint i = g->lo[j]; i < g->hi[j]; i++)
    {
      double best = (i == 0 && j == 0) ? 0 : G_MAXDOUBLE, lex;
      guint8 arg = 0;

      for (guint b = 0; b < G_N_ELEMENTS (beads) && !(i == 0 && j == 0); b++)
        {
          double prev, c;

          if (beads[b].di > i || beads[b].dj > j)
            continue;
          prev = cell (g, i - beads[b].di, j - beads[b].dj);
          if (prev == G_MAXDOUBLE)
            continue;
          c = prev + bead_cost (g, &beads[b], i - beads[b].di, j - beads[b].dj, &lex);
          if (c < best)
            {
              best = c;
              arg = b;
            }
        }
      g->cost[j][i - g->lo[j]] = best;
      g->back[j][i - g->lo[j]] = arg;
    }
}

static void
make_band (Grid           *g,
           BtAlignAnchors *anchors)
{
  guint width = CLAMP (MAX (g->n_s, g->n_t) / 20, 40, 400);

  for (guint j = 0; j <= g->n_t; j++)
    {
      double c = _bt_align_anchors_expect (anchors, j, g->n_t, g->n_s);

      if (g->n_t > 0 && j == g->n_t)
        c = g->n_s;
      g->lo[j] = c > width ? (guint) c - width : 0;
      g->hi[j] = MIN (g->n_s + 1, (guint) c + width + 1);
      /* Rows must overlap their neighbours for a path to exist. */
      if (j > 0)
        {
          g->lo[j] = MIN (g->lo[j], g->hi[j - 1] > 0 ? g->hi[j - 1] - 1 : 0);
          g->lo[j] = MAX (g->lo[j], g->lo[j - 1]);
          g->hi[j] = MAX (g->hi[j], g->lo[j] + 1);
        }
      if (j == 0)
        g->lo[j] = 0;
      if (j == g->n_t)
        g->hi[j] = g->n_s + 1;
      g->cost[j] = g_new (double, g->hi[j] - g->lo[j]);
      g->back[j] = g_new (guint8, g->hi[j] - g->lo[j]);
    }
}

static void
collect (Grid *g)
{
  for (guint t = 0; t < g->n_t; t++)
    {
      guint lo = MIN (g->lo[t], g->lo[t + 1]), hi = MAX (g->hi[t], g->hi[t + 1]) + 3;

      g->found[t] = g_array_new (FALSE, FALSE, sizeof (BtAlignCandidate));
      _bt_align_candidates (g->ctx, t, lo, MIN (hi, g->n_s), G_MAXUINT, g->found[t]);
      g_array_sort (g->found[t], by_paragraph);
    }
}

static void
trace (Grid   *g,
       guint  *first,
       guint  *last,
       double *score)
{
  guint i = g->n_s, j = g->n_t;

  while (i > 0 || j > 0)
    {
      const Bead *b = &beads[g->back[j][i - g->lo[j]]];
      double lex, c;

      i -= b->di;
      j -= b->dj;
      c = bead_cost (g, b, i, j, &lex);
      for (guint t = j; t < j + b->dj; t++)
        {
          first[t] = b->di > 0 ? i : BT_ALIGN_NONE;
          last[t] = b->di > 0 ? i + b->di - 1 : BT_ALIGN_NONE;
          score[t] = b->di > 0 ? -c / (b->di + b->dj) : 0;
        }
    }
}

static void
grid_clear (Grid *g)
{
  for (guint j = 0; j <= g->n_t; j++)
    {
      g_free (g->cost[j]);
      g_free (g->back[j]);
      if (j < g->n_t && g->found[j] != NULL)
        g_array_unref (g->found[j]);
    }
  g_free (g->cost);
  g_free (g->back);
  g_free (g->found);
  g_free (g->lo);
  g_free (g->hi);
}

gboolean
_bt_align_path_lines (BtAlignContext *ctx,
                      BtAlignAnchors *anchors,
                      guint          *first,
                      guint          *last,
                      double         *score,
                      GCancellable   *cancellable,
                      GError        **error)
{
  Grid g = { ctx, ctx->src.n_units, ctx->tgt.n_units };
  gboolean ok = TRUE;

  g.lo = g_new0 (guint, g.n_t + 1);
  g.hi = g_new0 (guint, g.n_t + 1);
  g.cost = g_new0 (double *, g.n_t + 1);
  g.back = g_new0 (guint8 *, g.n_t + 1);
  g.found = g_new0 (GArray *, g.n_t + 1);
  make_band (&g, anchors);
  collect (&g);
  for (guint j = 0; j <= g.n_t && ok; j++)
    {
      if ((j & 63) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        fill_row (&g, j);
    }
  if (ok)
    trace (&g, first, last, score);
  grid_clear (&g);
  return ok;
}
