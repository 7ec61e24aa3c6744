/* bt-align-sentences.c: the source keys by sentence
 *
 * The paragraph units say which paragraph a target sentence renders; the
 * same keys grouped by the sentences of each paragraph say which part of
 * it, so that the path can prefer sentences of one paragraph rendered in
 * their order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bt-aligner-private.h"
#include "bt-memory.h"


/* The sentence of @paragraph holding code point @at: the last one that
 * starts at or before it. */
static guint
sentence_at (BtDocument        *source,
             const BtParagraph *paragraph,
             guint              at)
{
  guint lo = 0, hi = paragraph->n_sentences;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (bt_document_get_sentence (source, paragraph->first_sentence + mid)->start <= at)
        lo = mid;
      else
        hi = mid;
    }
  return paragraph->first_sentence + lo;
}

void
_bt_align_sentences_init (BtAlignSentences *self,
                          BtAlignContext   *ctx)
{
  const BtAlignKey *keys = (const BtAlignKey *) (gconstpointer) ctx->src.keys->data;
  guint n_keys = ctx->src.offsets[ctx->src.n_units];
  g_autofree guint *of_key = bt_memory_new (guint, n_keys + 1);
  guint n_kept = 0;

  memset (self, 0, sizeof *self);
  self->n = bt_document_get_n_sentences (ctx->source);
  self->paragraph = bt_memory_new (guint, self->n + 1);
  self->first = bt_memory_new (guint, ctx->src.n_units + 1);
  self->key_start = bt_memory_new0 (guint, self->n + 1);
  self->post_start = g_new0 (guint, ctx->n_ids + 1);
  self->acc = bt_memory_new0 (float, self->n + 1);
  self->touched = bt_memory_new (guint, self->n + 1);

  for (guint p = 0; p < ctx->src.n_units; p++)
    {
      const BtParagraph *para = bt_document_get_paragraph (ctx->source, p);

      self->first[p] = para->first_sentence;
      for (guint k = 0; k < para->n_sentences; k++)
        self->paragraph[para->first_sentence + k] = p;
      /* Keys come by id, then place: a sentence holding an id twice has
       * them next to each other. */
      for (guint k = ctx->src.offsets[p]; k < ctx->src.offsets[p + 1]; k++)
        {
          guint s = para->n_sentences > 0 ? sentence_at (ctx->source, para, keys[k].start) : G_MAXUINT;

          if (s != G_MAXUINT && k > ctx->src.offsets[p] && keys[k - 1].id == keys[k].id && of_key[k - 1] == s)
            s = G_MAXUINT;
          of_key[k] = s;
          if (s != G_MAXUINT)
            {
              self->key_start[s + 1]++;
              self->post_start[keys[k].id + 1]++;
              n_kept++;
            }
        }
    }
  self->first[ctx->src.n_units] = self->n;

  for (guint s = 0; s < self->n; s++)
    self->key_start[s + 1] += self->key_start[s];
  for (guint32 id = 0; id < ctx->n_ids; id++)
    self->post_start[id + 1] += self->post_start[id];
  self->ids = bt_memory_new (guint32, n_kept + 1);
  self->postings = bt_memory_new (guint, n_kept + 1);
  {
    g_autofree guint *fill = g_memdup2 (self->key_start, (self->n + 1) * sizeof (guint));

    for (guint k = 0; k < n_keys; k++)
      if (of_key[k] != G_MAXUINT)
        self->ids[fill[of_key[k]]++] = keys[k].id;
  }
  {
    g_autofree guint *fill = g_memdup2 (self->post_start, (ctx->n_ids + 1) * sizeof (guint));

    /* Sentences in order give each id its sentences ascending. */
    for (guint s = 0; s < self->n; s++)
      for (guint k = self->key_start[s]; k < self->key_start[s + 1]; k++)
        self->postings[fill[self->ids[k]]++] = s;
  }
}

void
_bt_align_sentences_clear (BtAlignSentences *self)
{
  g_clear_pointer (&self->paragraph, g_free);
  g_clear_pointer (&self->first, g_free);
  g_clear_pointer (&self->key_start, g_free);
  g_clear_pointer (&self->ids, g_free);
  g_clear_pointer (&self->post_start, g_free);
  g_clear_pointer (&self->postings, g_free);
  g_clear_pointer (&self->acc, g_free);
  g_clear_pointer (&self->touched, g_free);
}

void
_bt_align_sentences_find (const BtAlignSentences *self,
                          BtAlignContext   *ctx,
                          guint             target,
                          guint             lo,
                          guint             hi,
                          guint             max_df,
                          guint             max_sentences,
                          GArray           *out)
{
  const BtAlignKey *keys = (const BtAlignKey *) (gconstpointer) ctx->tgt.keys->data;
  guint n_touched = 0;

  for (guint k = ctx->tgt.offsets[target]; k < ctx->tgt.offsets[target + 1]; k++)
    {
      guint32 id = keys[k].id;
      const guint *post = self->postings + self->post_start[id];
      guint n = self->post_start[id + 1] - self->post_start[id];

      guint first, last;

      if (ctx->df[id] > max_df)
        continue;
      first = _bt_align_lower_bound (post, n, lo);
      last = _bt_align_lower_bound (post, n, hi);
      /* A key in many sentences around cannot tell them apart; skipping
       * it keeps a paragraph of thousands of sentences linear. */
      if (last - first > max_sentences)
        continue;
      for (guint i = first; i < last; i++)
        {
          if (self->acc[post[i]] == 0)
            self->touched[n_touched++] = post[i];
          self->acc[post[i]] += ctx->weights[id];
        }
    }
  _bt_align_collect (out, self->touched, n_touched, self->acc, NULL);
}
