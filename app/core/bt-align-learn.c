/* bt-align-learn.c: word pairs learnt from the document itself
 *
 * English words recur with the same Chinese wherever a sentence renders a
 * paragraph: words the dictionary does not know (old forms, rare names,
 * jargon), and words it knows by other entries than the ones this text
 * uses ("remember" for 顾念). The first path's confident pairs count, for
 * each word, the pairs of adjacent Han characters of the paragraphs it
 * goes with; a character pair found with the word far more often than
 * without it becomes evidence for the second path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bt-aligner-private.h"
#include "bt-memory.h"
#include "bt-names.h"
#include "bt-stem.h"

/* Pairs the counting looks at, at most: spread over the document. */
#define MAX_PAIRS 20000
#define MIN_COUNT 3
/* A word in more pairs than this is a common one the dictionary holds
 * ("said", "king"): counting its paragraphs' characters would cost much
 * and teach little. */
#define MAX_WORD_PAIRS 300
#define MIN_DICE 0.3
#define MAX_BIGRAMS_PER_WORD 2
#define MIN_PAIR_LEXICAL 0.3
/* Fewer confident pairs than this teach chance more than words. */
#define MIN_PAIRS 40
/* Longer paragraphs go with too many words to teach anything, and
 * counting them for every sentence would cost their length each time. */
#define MAX_PARAGRAPH_CHARS 1000

/* What the counting makes of a target unit's pair: counted, and wanted
 * too when a word of it learns from its paragraph's characters. */
#define COUNTED 1
#define WANTED 2

typedef struct
{
  GHashTable *stems;     /* stem -> word id + 1 */
  GArray     *words;     /* guint32: each sentence's unknown words, once each */
  guint      *start;     /* per target sentence, and one past */
} Words;

static void
add_word (const char *stem,
          guint       start,
          guint       end,
          gpointer    user_data)
{
  gpointer *data = user_data;
  Words *words = data[0];
  guint first = GPOINTER_TO_UINT (data[1]);
  guint id;

  if (g_ascii_isdigit (stem[0]))
    return;
  id = GPOINTER_TO_UINT (g_hash_table_lookup (words->stems, stem));
  if (id == 0)
    {
      id = g_hash_table_size (words->stems) + 1;
      g_hash_table_insert (words->stems, g_strdup (stem), GUINT_TO_POINTER (id));
    }
  id--;
  for (guint i = first; i < words->words->len; i++)
    if (g_array_index (words->words, guint32, i) == id)
      return;
  g_array_append_val (words->words, id);
}

static void
collect_words (BtAlignContext *ctx,
               Words          *words)
{
  words->stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  words->words = g_array_new (FALSE, FALSE, sizeof (guint32));
  words->start = bt_memory_new0 (guint, ctx->tgt.n_units + 1);
  for (guint s = 0; s < ctx->tgt.n_units; s++)
    {
      g_autofree char *text = bt_document_dup_sentence_text (ctx->target, s);
      gpointer data[2] = { words, GUINT_TO_POINTER (words->words->len) };

      words->start[s] = words->words->len;
      bt_stem_foreach (text, FALSE, add_word, data);
    }
  words->start[ctx->tgt.n_units] = words->words->len;
}

static void
words_clear (Words *words)
{
  g_clear_pointer (&words->stems, g_hash_table_unref);
  g_clear_pointer (&words->words, g_array_unref);
  g_clear_pointer (&words->start, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Words, words_clear)

static inline guint64
bigram (gunichar a,
        gunichar b)
{
  return (guint64) a << 21 | b;
}

static int
compare_u64 (gconstpointer a,
             gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return (x > y) - (x < y);
}

#define FILTER_BITS 16

/* The character pairs some word learnt: a bit per hash slot turns most
 * pairs away before the table is asked. */
typedef struct
{
  GHashTable *pairs;
  guint8     *bits;
} Learnt;

static inline guint
filter_slot (guint64 b)
{
  return (guint) ((b * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) >> (64 - FILTER_BITS));
}

static gboolean
learnt_has (const Learnt *learnt,
            guint64       b)
{
  guint slot = filter_slot (b);

  return (learnt->bits[slot / 8] & (1 << (slot % 8))) && g_hash_table_contains (learnt->pairs, (gpointer) (gsize) b);
}

/* Appends to @out the distinct Han character pairs of @text, sorted;
 * with @keep, only those it holds. */
static void
append_bigrams (const char   *text,
                const Learnt *keep,
                GArray       *out)
{
  guint first = out->len, n = 0;
  gunichar prev = 0;
  guint64 *v;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint64 b = bigram (prev, c);

      if (!bt_names_is_han (c))
        {
          prev = 0;
          continue;
        }
      if (prev != 0 && (keep == NULL || learnt_has (keep, b)))
        g_array_append_val (out, b);
      prev = c;
    }
  if (out->len - first < 2)
    return;
  v = &g_array_index (out, guint64, first);
  qsort (v, out->len - first, sizeof (guint64), compare_u64);
  for (guint i = 0; i < out->len - first; i++)
    if (n == 0 || v[n - 1] != v[i])
      v[n++] = v[i];
  g_array_set_size (out, first + n);
}

static void
paragraph_bigrams (const char *text,
                   GArray     *out)
{
  g_array_set_size (out, 0);
  append_bigrams (text, NULL, out);
}

/* A word's best character pairs by the Dice coefficient of their counts. */
typedef struct
{
  guint64 bigram;
  float   dice;
} Choice;

/* Ties go to the smaller pair, so that the order of counting does not
 * matter. */
static gboolean
better (double        dice,
        guint64       b,
        const Choice *than)
{
  return dice > than->dice || (dice == than->dice && than->dice > 0 && b < than->bigram);
}

static void
consider (Choice  *best,
          guint64  b,
          double   dice)
{
  if (better (dice, b, &best[0]))
    {
      best[1] = best[0];
      best[0] = (Choice) { b, dice };
    }
  else if (better (dice, b, &best[1]))
    best[1] = (Choice) { b, dice };
}

/* The character pairs the counting meets, by dense number: counting by
 * index rather than in a hash table, millions of times. */
typedef struct
{
  BtAlignIdMap  index;    /* pair -> its number */
  GArray       *pairs;    /* guint64: the pair of each number */
  guint        *alone;    /* per number: the counted pairs holding it */
  guint        *together; /* per number, scratch: the same for one word */
  guint32      *touched;  /* scratch: the numbers together counts */
} Counts;

static void
counts_clear (Counts *counts)
{
  _bt_align_id_map_clear (&counts->index);
  g_clear_pointer (&counts->pairs, g_array_unref);
  g_clear_pointer (&counts->alone, g_free);
  g_clear_pointer (&counts->together, g_free);
  g_clear_pointer (&counts->touched, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Counts, counts_clear)

/* Gives each distinct pair of @bigrams a number; @numbers gets the
 * number of each, in order. No pair is 0, which the index takes for a
 * free slot: its first character is a Han one. */
static void
number_pairs (Counts  *counts,
              GArray  *bigrams,
              GArray  *numbers)
{
  _bt_align_id_map_init (&counts->index);
  counts->pairs = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_array_set_size (numbers, bigrams->len);
  for (guint i = 0; i < bigrams->len; i++)
    {
      guint64 b = g_array_index (bigrams, guint64, i);
      gsize h = _bt_align_id_map_slot (&counts->index, b);

      if (counts->index.keys[h] == 0)
        {
          _bt_align_id_map_put (&counts->index, h, b, counts->pairs->len);
          g_array_append_val (counts->pairs, b);
          h = _bt_align_id_map_slot (&counts->index, b);
        }
      g_array_index (numbers, guint32, i) = counts->index.values[h];
    }
  counts->alone = g_new0 (guint, counts->pairs->len + 1);
  counts->together = g_new0 (guint, counts->pairs->len + 1);
  counts->touched = g_new (guint32, counts->pairs->len + 1);
}

/* Each paragraph's character pairs that some word learnt, sorted. */
static void
learnt_bigrams (BtAlignLearned *self,
                BtAlignContext *ctx)
{
  g_autoptr (GHashTable) pairs = g_hash_table_new (NULL, NULL);
  g_autofree guint8 *bits = g_new0 (guint8, (1 << FILTER_BITS) / 8);
  Learnt learnt = { pairs, bits };

  for (guint i = 0; i < self->assoc->len; i++)
    {
      guint64 b = g_array_index (self->assoc, BtAlignAssoc, i).bigram;
      guint slot = filter_slot (b);

      g_hash_table_add (pairs, (gpointer) (gsize) b);
      bits[slot / 8] |= 1 << (slot % 8);
    }
  self->paragraph_start = bt_memory_new0 (guint, ctx->src.n_units + 1);
  self->paragraph_bigrams = g_array_new (FALSE, FALSE, sizeof (guint64));
  for (guint p = 0; p < ctx->src.n_units; p++)
    {
      self->paragraph_start[p] = self->paragraph_bigrams->len;
      append_bigrams (bt_document_get_paragraph (ctx->source, p)->text, &learnt, self->paragraph_bigrams);
    }
  self->paragraph_start[ctx->src.n_units] = self->paragraph_bigrams->len;
}

static gboolean
usable (BtAlignContext *ctx,
        const guint    *paragraphs,
        const double   *lexical,
        guint           s)
{
  return paragraphs[s] != BT_ALIGN_NONE && lexical[s] >= MIN_PAIR_LEXICAL &&
         ctx->src.n_chars[paragraphs[s]] <= MAX_PARAGRAPH_CHARS;
}

void
_bt_align_learn (BtAlignLearned      *self,
                 BtAlignContext      *ctx,
                 const guint         *paragraphs,
                 const double        *lexical)
{
  g_auto (Words) words = { 0 };
  g_auto (Counts) counts = { { NULL, NULL, 0, 0 }, NULL, NULL, NULL, NULL };
  g_autoptr (GArray) bigrams = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr (GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GArray) scratch = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autofree guint *pair_start = NULL;
  g_autofree guint8 *counted = NULL;      /* per target unit: COUNTED, WANTED */
  g_autoptr (GPtrArray) pairs_of = NULL;   /* per word: GArray of guint, its pairs' sentences */
  guint n_t = ctx->tgt.n_units, n_words, stride;
  guint64 n_pairs = 0;
  gboolean any = FALSE;

  memset (self, 0, sizeof *self);
  if (n_t == 0)
    return;
  collect_words (ctx, &words);
  n_words = g_hash_table_size (words.stems);
  if (n_words == 0)
    return;

  for (guint s = 0; s < n_t; s++)
    n_pairs += usable (ctx, paragraphs, lexical, s);
  if (n_pairs < MIN_PAIRS)
    return;
  stride = (guint) MAX (1, n_pairs / MAX_PAIRS);
  counted = bt_memory_new0 (guint8, n_t + 1);
  n_pairs = 0;
  for (guint s = 0; s < n_t; s++)
    if (usable (ctx, paragraphs, lexical, s) && n_pairs++ % stride == 0)
      counted[s] = COUNTED;

  /* Each word's pairs. */
  pairs_of = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint w = 0; w < n_words; w++)
    g_ptr_array_add (pairs_of, g_array_new (FALSE, FALSE, sizeof (guint)));
  for (guint s = 0; s < n_t; s++)
    {
      if (!counted[s])
        continue;
      for (guint k = words.start[s]; k < words.start[s + 1]; k++)
        g_array_append_val (g_ptr_array_index (pairs_of, g_array_index (words.words, guint32, k)), s);
    }
  /* Only paragraphs of words seen often enough need their pairs. */
  for (guint w = 0; w < n_words; w++)
    {
      GArray *of = g_ptr_array_index (pairs_of, w);

      if (of->len < MIN_COUNT || of->len > MAX_WORD_PAIRS)
        g_array_set_size (of, 0);
      for (guint i = 0; i < of->len; i++)
        counted[g_array_index (of, guint, i)] |= WANTED;
      any |= of->len > 0;
    }
  if (!any)
    return;
  /* The character pairs of each counted pair's paragraph, found once:
   * every word of its sentence counts them again. */
  pair_start = bt_memory_new0 (guint, n_t + 1);
  for (guint s = 0; s < n_t; s++)
    {
      pair_start[s] = bigrams->len;
      if (counted[s] & WANTED)
        append_bigrams (bt_document_get_paragraph (ctx->source, paragraphs[s])->text, NULL, bigrams);
    }
  pair_start[n_t] = bigrams->len;
  number_pairs (&counts, bigrams, numbers);

  /* Each character pair's count over all counted pairs; only those some
   * word's paragraphs hold are ever asked for. */
  for (guint s = 0; s < n_t; s++)
    {
      if (!counted[s])
        continue;
      if (counted[s] & WANTED)
        for (guint i = pair_start[s]; i < pair_start[s + 1]; i++)
          counts.alone[g_array_index (numbers, guint32, i)]++;
      else
        {
          paragraph_bigrams (bt_document_get_paragraph (ctx->source, paragraphs[s])->text, scratch);
          for (guint i = 0; i < scratch->len; i++)
            {
              guint32 id = _bt_align_id_map_lookup (&counts.index, g_array_index (scratch, guint64, i));

              if (id != G_MAXUINT32)
                counts.alone[id]++;
            }
        }
    }

  self->assoc = g_array_new (FALSE, FALSE, sizeof (BtAlignAssoc));
  self->word_start = bt_memory_new0 (guint, n_words + 1);
  for (guint w = 0; w < n_words; w++)
    {
      GArray *of = g_ptr_array_index (pairs_of, w);
      Choice best[2] = { { 0, 0 }, { 0, 0 } };
      guint n_touched = 0;

      self->word_start[w] = self->assoc->len;
      for (guint i = 0; i < of->len; i++)
        {
          guint s = g_array_index (of, guint, i);

          for (guint j = pair_start[s]; j < pair_start[s + 1]; j++)
            {
              guint32 id = g_array_index (numbers, guint32, j);

              if (counts.together[id]++ == 0)
                counts.touched[n_touched++] = id;
            }
        }
      for (guint i = 0; i < n_touched; i++)
        {
          guint32 id = counts.touched[i];
          guint both = counts.together[id];
          double dice = 2.0 * both / (of->len + counts.alone[id]);

          counts.together[id] = 0;
          if (both >= MIN_COUNT && dice >= MIN_DICE)
            consider (best, g_array_index (counts.pairs, guint64, id), dice);
        }
      for (guint k = 0; k < MAX_BIGRAMS_PER_WORD; k++)
        if (best[k].dice > 0)
          {
            BtAlignAssoc a = { best[k].bigram, best[k].dice };

            g_array_append_val (self->assoc, a);
          }
    }
  self->word_start[n_words] = self->assoc->len;
  if (self->assoc->len == 0)
    {
      _bt_align_learned_clear (self);
      return;
    }

  /* Each target sentence's words that learnt a pair. */
  self->sentence_start = bt_memory_new0 (guint, n_t + 1);
  self->sentence_words = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint s = 0; s < n_t; s++)
    {
      self->sentence_start[s] = self->sentence_words->len;
      for (guint k = words.start[s]; k < words.start[s + 1]; k++)
        {
          guint32 w = g_array_index (words.words, guint32, k);

          if (self->word_start[w + 1] > self->word_start[w])
            g_array_append_val (self->sentence_words, w);
        }
    }
  self->sentence_start[n_t] = self->sentence_words->len;

  learnt_bigrams (self, ctx);
}

void
_bt_align_learned_clear (BtAlignLearned *self)
{
  g_clear_pointer (&self->assoc, g_array_unref);
  g_clear_pointer (&self->word_start, g_free);
  g_clear_pointer (&self->sentence_start, g_free);
  g_clear_pointer (&self->sentence_words, g_array_unref);
  g_clear_pointer (&self->paragraph_start, g_free);
  g_clear_pointer (&self->paragraph_bigrams, g_array_unref);
}

static gboolean
paragraph_has (const BtAlignLearned *self,
               guint                 paragraph,
               guint64               b)
{
  const guint64 *v = (const guint64 *) (gconstpointer) self->paragraph_bigrams->data;
  guint lo = self->paragraph_start[paragraph], hi = self->paragraph_start[paragraph + 1];

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (v[mid] < b)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < self->paragraph_start[paragraph + 1] && v[lo] == b;
}

double
_bt_align_learned_match (const BtAlignLearned *self,
                         guint                 paragraph,
                         guint                 sentence)
{
  double matched = 0;

  if (self->sentence_start == NULL)
    return 0;
  for (guint k = self->sentence_start[sentence]; k < self->sentence_start[sentence + 1]; k++)
    {
      guint32 w = g_array_index (self->sentence_words, guint32, k);
      double best = 0;

      for (guint a = self->word_start[w]; a < self->word_start[w + 1]; a++)
        {
          const BtAlignAssoc *assoc = &g_array_index (self->assoc, BtAlignAssoc, a);

          if (assoc->dice > best && paragraph_has (self, paragraph, assoc->bigram))
            best = assoc->dice;
        }
      matched += best;
    }
  return matched;
}
