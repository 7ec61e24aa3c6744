/* bt-align-stones.c: paragraphs the path only stepped on
 *
 * The path pays for every paragraph it skips, so where the English
 * leaves out a paragraph it would rather send one sentence through it
 * than skip it, when that sentence's words are found there too. Such a
 * stepping stone is a paragraph that a single sentence reaches by a
 * sliver of its words, next to a paragraph left without English; when
 * the sentence renders a sentence of its neighbour's paragraph that no
 * other sentence took about as well, it goes there, and the stone is
 * left out with its neighbour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bt-aligner-private.h"
#include "bt-memory.h"

/* The share of its paragraph's words a stone's sentence stands for. */
#define STONE_MAX_SHARE 0.08
/* How well the sentence must match the neighbour's paragraph, against
 * the best it matches in the stone, sentence by sentence. */
#define STONE_MIN_RATIO 0.7
/* An empty neighbour says little where many paragraphs are empty. */
#define STONE_MAX_EMPTY 0.3

typedef struct
{
  BtAlignContext         *ctx;
  const BtAlignSentences *sentences;
  BtAlignChoice          *choices;
  guint                  *users;   /* per paragraph: sentences choosing it */
  guint8                 *taken;   /* per source sentence: one chose it */
  GArray                 *found;
} Stones;

/* The source sentence of @paragraph that target unit @target matches
 * best, and how well, leaving out those taken when @taken is given. */
static double
best_sentence (Stones       *self,
               guint         target,
               guint         paragraph,
               const guint8 *taken,
               guint        *at)
{
  const BtAlignSentences *sentences = self->sentences;
  double best = 0;

  g_array_set_size (self->found, 0);
  _bt_align_sentences_find (sentences, self->ctx, target, sentences->first[paragraph],
                            sentences->first[paragraph + 1], G_MAXUINT, G_MAXUINT, self->found);
  for (guint i = 0; i < self->found->len; i++)
    {
      const BtAlignCandidate *c = &g_array_index (self->found, BtAlignCandidate, i);

      if ((taken == NULL || !taken[c->paragraph]) && c->matched > best)
        {
          best = c->matched;
          *at = c->paragraph;
        }
    }
  return best;
}

static gboolean
is_stone (Stones *self,
          guint   s)
{
  BtAlignContext *ctx = self->ctx;
  guint q = self->choices[s].paragraph;
  double matched;

  if (q == BT_ALIGN_NONE || self->users[q] != 1)
    return FALSE;
  if (!(q > 0 && self->users[q - 1] == 0) && !(q + 1 < ctx->src.n_units && self->users[q + 1] == 0))
    return FALSE;
  matched = _bt_align_match (ctx, q, s, BT_ALIGN_NONE, NULL);
  return _bt_align_rendered_share (ctx, q, matched) < STONE_MAX_SHARE;
}

/* Moves @s off the stone it reached to the paragraph of a sentence
 * next to it, when it renders a sentence there well enough. */
static void
leave_stone (Stones *self,
             guint   s)
{
  BtAlignContext *ctx = self->ctx;
  BtAlignChoice *c = &self->choices[s];
  guint q = c->paragraph, to = BT_ALIGN_NONE, to_sentence = BT_ALIGN_NONE, unused = 0;
  double in_stone = best_sentence (self, s, q, NULL, &unused), best = 0;
  guint32 signals = 0;

  for (gint d = -1; d <= 1; d += 2)
    {
      guint t = s + d, p, at = BT_ALIGN_NONE;
      double there;

      if ((d < 0 && s == 0) || t >= ctx->tgt.n_units)
        continue;
      p = self->choices[t].paragraph;
      if (p == BT_ALIGN_NONE || p == q || (p > q ? p - q : q - p) > 2)
        continue;
      there = best_sentence (self, s, p, self->taken, &at);
      if (there >= STONE_MIN_RATIO * in_stone && (to == BT_ALIGN_NONE || there > best))
        {
          best = there;
          to = p;
          to_sentence = at;
        }
    }
  if (to == BT_ALIGN_NONE)
    return;
  self->users[q]--;
  self->users[to]++;
  if (to_sentence != BT_ALIGN_NONE)
    self->taken[to_sentence] = 1;
  c->paragraph = to;
  c->sentence = to_sentence;
  c->lexical = _bt_align_lexical (ctx, s, _bt_align_match (ctx, to, s, BT_ALIGN_NONE, &signals));
  c->signals = signals;
}

void
_bt_align_drop_stones (BtAlignContext         *ctx,
                       const BtAlignSentences *sentences,
                       BtAlignChoice          *choices)
{
  g_autofree guint *users = bt_memory_new0 (guint, ctx->src.n_units + 1);
  g_autofree guint8 *taken = bt_memory_new0 (guint8, sentences->n + 1);
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (BtAlignCandidate));
  Stones self = { ctx, sentences, choices, users, taken, found };
  guint n_empty = 0;

  for (guint s = 0; s < ctx->tgt.n_units; s++)
    if (choices[s].paragraph != BT_ALIGN_NONE)
      {
        users[choices[s].paragraph]++;
        if (choices[s].sentence != BT_ALIGN_NONE)
          taken[choices[s].sentence] = 1;
      }
  for (guint p = 0; p < ctx->src.n_units; p++)
    n_empty += users[p] == 0;
  if (n_empty > STONE_MAX_EMPTY * ctx->src.n_units)
    return;
  for (guint s = 0; s < ctx->tgt.n_units; s++)
    if (is_stone (&self, s))
      leave_stone (&self, s);
}
