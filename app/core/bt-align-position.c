/* bt-align-position.c: a soft preference for the order of the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "bt-aligner-private.h"

typedef struct
{
  guint  x;
  guint  y;
  double w;
} Pair;

void
_bt_align_anchors_init (BtAlignAnchors *anchors)
{
  anchors->x = g_array_new (FALSE, FALSE, sizeof (double));
  anchors->y = g_array_new (FALSE, FALSE, sizeof (double));
}

void
_bt_align_anchors_clear (BtAlignAnchors *anchors)
{
  g_clear_pointer (&anchors->x, g_array_unref);
  g_clear_pointer (&anchors->y, g_array_unref);
}

static int
pair_cmp (gconstpointer a,
          gconstpointer b)
{
  const Pair *p = a, *q = b;

  if (p->x != q->x)
    return p->x < q->x ? -1 : 1;
  return (p->y > q->y) - (p->y < q->y);
}

/* Fenwick tree over source units holding the best chain ending at or
 * before each unit, so the chain costs O(n log n). */
static void
tree_best (const double *tree,
           const guint  *arg,
           guint         y,
           double       *best,
           guint        *at)
{
  *best = 0;
  *at = G_MAXUINT;
  for (guint i = y + 1; i > 0; i -= i & -i)
    if (tree[i] > *best)
      {
        *best = tree[i];
        *at = arg[i];
      }
}

static void
tree_update (double *tree,
             guint  *arg,
             guint   size,
             guint   y,
             double  value,
             guint   index)
{
  for (guint i = y + 1; i <= size; i += i & -i)
    if (value > tree[i])
      {
        tree[i] = value;
        arg[i] = index;
      }
}

static void
reverse (GArray *a)
{
  double *v = (double *) (gpointer) a->data;

  for (guint i = 0, j = a->len; i + 1 < j; i++, j--)
    {
      double t = v[i];

      v[i] = v[j - 1];
      v[j - 1] = t;
    }
}

/* An anchor far off the line through its neighbours is more likely a
 * repeated passage than a jump of the text. */
static void
drop_outliers (BtAlignAnchors *anchors)
{
  double *x = (double *) (gpointer) anchors->x->data, *y = (double *) (gpointer) anchors->y->data;
  guint n = anchors->x->len, out = 0;
  double span = n > 0 ? y[n - 1] - y[0] : 0;
  double limit = MAX (8, 0.03 * span);

  for (guint i = 0; i < n; i++)
    {
      gboolean keep = TRUE;

      if (i > 0 && i + 1 < n)
        {
          double t = (x[i] - x[i - 1]) / MAX (x[i + 1] - x[i - 1], 1);
          double line = y[i - 1] + t * (y[i + 1] - y[i - 1]);

          keep = fabs (y[i] - line) <= limit;
        }
      if (keep)
        {
          x[out] = x[i];
          y[out] = y[i];
          out++;
        }
    }
  g_array_set_size (anchors->x, out);
  g_array_set_size (anchors->y, out);
}

void
_bt_align_anchors_chain (BtAlignAnchors *anchors,
                         const guint    *sentences,
                         const guint    *paragraphs,
                         const double   *weights,
                         guint           n)
{
  g_autofree Pair *pairs = g_new (Pair, n + 1);
  g_autofree guint *prev = g_new (guint, n + 1);
  g_autofree double *tree = NULL;
  g_autofree guint *arg = NULL;
  guint size = 1, end = G_MAXUINT;
  double top = 0;

  for (guint i = 0; i < n; i++)
    {
      pairs[i] = (Pair) { sentences[i], paragraphs[i], weights[i] };
      size = MAX (size, paragraphs[i] + 1);
    }
  qsort (pairs, n, sizeof (Pair), pair_cmp);
  tree = g_new0 (double, size + 1);
  arg = g_new (guint, size + 1);
  for (guint i = 0; i < n; i++)
    {
      double best;

      /* Strictly increasing: many anchors on one paragraph are more
       * often a shared rare word than a real correspondence. */
      if (pairs[i].y > 0)
        tree_best (tree, arg, pairs[i].y - 1, &best, &prev[i]);
      else
        {
          best = 0;
          prev[i] = G_MAXUINT;
        }
      tree_update (tree, arg, size, pairs[i].y, best + pairs[i].w, i);
      if (best + pairs[i].w > top)
        {
          top = best + pairs[i].w;
          end = i;
        }
    }
  g_array_set_size (anchors->x, 0);
  g_array_set_size (anchors->y, 0);
  for (guint i = end; i != G_MAXUINT; i = prev[i])
    {
      double x = pairs[i].x, y = pairs[i].y;

      g_array_append_val (anchors->x, x);
      g_array_append_val (anchors->y, y);
    }
  reverse (anchors->x);
  reverse (anchors->y);
  drop_outliers (anchors);
}

double
_bt_align_anchors_expect (BtAlignAnchors *anchors,
                          double          sentence,
                          double          n_sentences,
                          double          n_paragraphs)
{
  const double *x = (const double *) (gpointer) anchors->x->data;
  const double *y = (const double *) (gpointer) anchors->y->data;
  double slope = n_paragraphs / MAX (n_sentences, 1);
  guint n = anchors->x->len, lo = 0, hi = n;

  if (n == 0)
    return sentence * slope;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (x[mid] <= sentence)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0)
    return MAX (0, y[0] - (x[0] - sentence) * slope);
  if (lo == n)
    return MIN (n_paragraphs - 1, y[n - 1] + (sentence - x[n - 1]) * slope);
  return y[lo - 1] + (sentence - x[lo - 1]) * (y[lo] - y[lo - 1]) / (x[lo] - x[lo - 1]);
}

double
_bt_align_anchors_gap (BtAlignAnchors *anchors,
                       double          sentence)
{
  const double *x = (const double *) (gpointer) anchors->x->data;
  const double *y = (const double *) (gpointer) anchors->y->data;
  guint n = anchors->x->len, lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (x[mid] <= sentence)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0 || lo == n)
    return G_MAXDOUBLE;
  return y[lo] - y[lo - 1];
}

/* Near the expected place a Gaussian; further away it keeps falling, so a
 * repeated passage far off loses to the one where the text should be. */
double
_bt_align_position_score (double distance,
                          double scale)
{
  return -(1 - exp (-distance * distance / (2 * scale * scale))) - 0.5 * log1p (fabs (distance) / (4 * scale));
}
