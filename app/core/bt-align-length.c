/* bt-align-length.c: the length signal, with a ratio fitted on the document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "bt-aligner-private.h"

static int
double_cmp (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* A quantile and the median absolute deviation of the log ratios: robust
 * to the anchors that are wrong. Condensed pairs have a paragraph longer
 * than its sentence, so there a low quantile is the full rendering. */
void
_bt_align_fit_ratio (BtAlignContext *ctx,
                     const guint    *paragraphs,
                     const guint    *sentences,
                     guint           n_pairs)
{
  g_autofree double *logs = g_new (double, n_pairs + 1);
  guint n = 0;
  double median;

  for (guint i = 0; i < n_pairs; i++)
    {
      double s = ctx->src.n_chars[paragraphs[i]], t = ctx->tgt.n_chars[sentences[i]];

      if (s > 0 && t > 0)
        logs[n++] = log (s / t);
    }
  if (n < 5)
    return;
  qsort (logs, n, sizeof (double), double_cmp);
  median = logs[ctx->units == BT_ALIGN_UNITS_LINES ? n / 2 : n / 5];
  for (guint i = 0; i < n; i++)
    logs[i] = fabs (logs[i] - median);
  qsort (logs, n, sizeof (double), double_cmp);
  ctx->ratio = exp (median);
  ctx->ratio_spread = CLAMP (1.4826 * logs[n / 2], 0.1, 1.0);
}

double
_bt_align_length_cost (BtAlignContext *ctx,
                       double          src_chars,
                       double          tgt_chars)
{
  double z;

  if (!(ctx->enabled & BT_SIGNAL_LENGTH))
    return 0;
  z = (log ((src_chars + 1) / ((tgt_chars + 1) * ctx->ratio))) / ctx->ratio_spread;
  return MIN (z * z / 2, 12.0);
}
