/* bt-aligner-private.h: what the aligner's modules share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bt-aligner.h"

G_BEGIN_DECLS

#define BT_ALIGN_NONE G_MAXUINT

/* Marks a names key that matches by sound only: it says less than a
 * name spelt the same. */
#define BT_KEY_SOUND 0x80

/* One piece of lexical evidence found in a unit: a key both languages can
 * produce (an English stem, a number, a name, a Latin token). Its signal
 * is that of its id. */
typedef struct
{
  guint32 id;      /* dense id of the key in this run */
  guint32 start;   /* code points into the unit's paragraph (source only) */
} BtAlignKey;

/* The keys of every unit of one side, sorted by id within each unit;
 * target units hold each id once. */
typedef struct
{
  guint       n_units;
  GArray     *keys;     /* BtAlignKey */
  guint      *offsets;  /* unit i owns keys [offsets[i], offsets[i + 1]) */
  guint      *n_chars;  /* code points per unit */
} BtAlignSide;

/* A source unit that shares keys with a target unit. */
typedef struct
{
  guint    paragraph;
  float    matched;   /* weight of the target's keys found there */
  guint32  signals;
} BtAlignCandidate;

/* Everything one run computes on. */
/* Non-zero 64-bit keys to 32-bit values, by open addressing: for keys
 * met millions of times, where a GHashTable's calls would cost more. */
typedef struct
{
  guint64 *keys;   /* 0 for a free slot */
  guint32 *values;
  gsize    mask;
  gsize    n;
} BtAlignIdMap;

void     _bt_align_id_map_init     (BtAlignIdMap     *map);
void     _bt_align_id_map_clear    (BtAlignIdMap     *map);
/* Puts @key, absent, at @slot as _bt_align_id_map_slot() gave it. */
void     _bt_align_id_map_put      (BtAlignIdMap     *map,
                                    gsize             slot,
                                    guint64           key,
                                    guint32           value);

/* The slot holding @key, or the free one where it would go. */
static inline gsize
_bt_align_id_map_slot (const BtAlignIdMap *map,
                       guint64             key)
{
  gsize h;

  for (h = (key * 0x9E3779B97F4A7C15ull) >> 20 & map->mask; map->keys[h] != 0 && map->keys[h] != key;
       h = (h + 1) & map->mask)
    ;
  return h;
}

/* The value of @key, or G_MAXUINT32 when it has none. */
static inline guint32
_bt_align_id_map_lookup (const BtAlignIdMap *map,
                         guint64             key)
{
  gsize h = _bt_align_id_map_slot (map, key);

  return map->keys[h] != 0 ? map->values[h] : G_MAXUINT32;
}

typedef struct
{
  BtDocument   *source;
  BtDocument   *target;
  BtDictionary *dictionary;
  BtAlignUnits  units;
  BtSignal      enabled;

  BtAlignIdMap  ids;        /* key -> dense id */
  guint32       n_ids;
  GArray       *id_signals; /* guint8 per id: its BtSignal bit, and
                             * BT_KEY_SOUND for a name's sound */
  guint8       *marks;      /* scratch, one per id */
  guint         n_known;
  GHashTable   *english_names; /* name keys the target holds */
  GHashTable   *english_sounds; /* sounds of the target's unknown names */
  guint64      *sound_filter;   /* their bits, hashed: most sounds miss */
  GArray       *tgt_sounds;     /* guint32: the sounds of each target unit */
  guint        *tgt_sound_start; /* n_units + 1 offsets into tgt_sounds */

  BtAlignSide   src;        /* one unit per source paragraph */
  BtAlignSide   tgt;        /* one unit per target sentence */
  float        *weights;    /* per id */
  guint        *df;         /* per id: source units holding it */
  guint        *postings;   /* source units of each id, ascending */
  guint        *post_start; /* n_ids + 1 offsets into postings */
  float        *tgt_total;  /* per target unit: weight of its keys */
  guint        *base_start; /* per source unit: its first slot in base */
  float        *base;       /* per code point of each source unit, and
                             * one past: the best weight of keys starting
                             * there that no target unit holds */
  float        *src_total;  /* per source unit: weight of its words */
  guint        *tgt_known;  /* per target unit: its words the dictionary knows */

  double        ratio;      /* source chars per target char */
  double        ratio_spread;

  float        *acc;        /* scratch, one per source unit */
  guint32      *acc_signals;
  guint        *touched;    /* scratch: the units acc holds, at most all */
} BtAlignContext;

/* The first of the @n ascending values of @v not below @x. */
static inline guint
_bt_align_lower_bound (const guint *v,
                       guint        n,
                       guint        x)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (v[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* bt-align-keys.c */
void     _bt_align_context_init    (BtAlignContext   *ctx,
                                    BtDocument       *source,
                                    BtDocument       *target,
                                    BtDictionary     *dictionary,
                                    BtAlignUnits      units,
                                    BtSignal          enabled);
void     _bt_align_context_clear   (BtAlignContext   *ctx);
gboolean _bt_align_extract         (BtAlignContext   *ctx,
                                    GCancellable     *cancellable,
                                    GError          **error);
/* Source units in [lo, hi) sharing keys held by at most @max_df source
 * units with target unit @sentence; appended to @out. */
void     _bt_align_candidates      (BtAlignContext   *ctx,
                                    guint             sentence,
                                    guint             lo,
                                    guint             hi,
                                    guint             max_df,
                                    GArray           *out);
/* Appends a candidate for each of the @n_touched units @touched names,
 * with its @acc and @signals (nullable), and sets those back to 0. */
void     _bt_align_collect         (GArray           *out,
                                    const guint      *touched,
                                    guint             n_touched,
                                    float            *acc,
                                    guint32          *signals);
/* Weight of the keys of @sentence found in @paragraph (and not in
 * @except, unless it is BT_ALIGN_NONE); their signals in @signals. */
double   _bt_align_match           (BtAlignContext   *ctx,
                                    guint             paragraph,
                                    guint             sentence,
                                    guint             except,
                                    guint32          *signals);
/* Per code point of @paragraph, the weight of its keys starting there
 * (@total) and of those also found in one of @sentences (@rendered). */
void     _bt_align_coverage        (BtAlignContext   *ctx,
                                    guint             paragraph,
                                    const guint      *sentences,
                                    guint             n_sentences,
                                    float            *total,
                                    float            *rendered);
/* Lexical score of a pair, in [0, 1). */
double   _bt_align_lexical         (BtAlignContext   *ctx,
                                    guint             sentence,
                                    double            matched);
/* Share of the paragraph's words that @matched stands for, in [0, 1). */
double   _bt_align_rendered_share  (BtAlignContext   *ctx,
                                    guint             paragraph,
                                    double            matched);

/* bt-align-length.c */
void     _bt_align_fit_ratio       (BtAlignContext   *ctx,
                                    const guint      *paragraphs,
                                    const guint      *sentences,
                                    guint             n_pairs);
/* How unlikely, >= 0, @src_chars are to render as @tgt_chars. */
double   _bt_align_length_cost     (BtAlignContext   *ctx,
                                    double            src_chars,
                                    double            tgt_chars);

/* bt-align-position.c */
typedef struct
{
  GArray *x;   /* double: target unit of each anchor, ascending */
  GArray *y;   /* double: its source unit */
} BtAlignAnchors;

void     _bt_align_anchors_init    (BtAlignAnchors   *anchors);
void     _bt_align_anchors_clear   (BtAlignAnchors   *anchors);
/* Keeps the heaviest chain of pairs strictly increasing on both sides,
 * less the anchors far off the line through their neighbours. */
void     _bt_align_anchors_chain   (BtAlignAnchors   *anchors,
                                    const guint      *sentences,
                                    const guint      *paragraphs,
                                    const double     *weights,
                                    guint             n);
/* Expected source unit of a target unit, from the anchors around it. */
double   _bt_align_anchors_expect  (BtAlignAnchors   *anchors,
                                    double            sentence,
                                    double            n_sentences,
                                    double            n_paragraphs);
/* How many source units lie between the anchors around a target unit,
 * G_MAXDOUBLE outside them: how far the expected place can be off. */
double   _bt_align_anchors_gap     (BtAlignAnchors   *anchors,
                                    double            sentence);
/* A bonus in [-1, 0] for a source unit @distance away from the expected. */
double   _bt_align_position_score  (double            distance,
                                    double            scale);

/* bt-align-sentences.c */
typedef struct
{
  guint     n;          /* sentences of the source */
  guint    *paragraph;  /* per sentence: its paragraph */
  guint    *first;      /* per paragraph, and one past: its first sentence */
  guint    *key_start;  /* sentence s owns ids[key_start[s]] to ids[key_start[s + 1] - 1] */
  guint32  *ids;        /* each id once per sentence */
  guint    *post_start; /* per id, and one past: its first posting */
  guint    *postings;   /* sentences of each id, ascending */
  float    *acc;        /* scratch, one per sentence, zero between calls */
  guint    *touched;    /* scratch: the sentences acc holds, at most all */
} BtAlignSentences;

/* Groups the source units' keys by the sentences of each paragraph;
 * @ctx must have been extracted. */
void     _bt_align_sentences_init  (BtAlignSentences *self,
                                    BtAlignContext   *ctx);
void     _bt_align_sentences_clear (BtAlignSentences *self);
/* Source sentences in [lo, hi) sharing keys held by at most @max_df
 * source units and @max_sentences sentences in the range with target
 * unit @target, appended to @out with the sentence in the paragraph
 * field. */
void     _bt_align_sentences_find  (const BtAlignSentences *self,
                                    BtAlignContext   *ctx,
                                    guint             target,
                                    guint             lo,
                                    guint             hi,
                                    guint             max_df,
                                    guint             max_sentences,
                                    GArray           *out);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BtAlignSentences, _bt_align_sentences_clear)

/* bt-align-learn.c */
typedef struct
{
  guint64 bigram;  /* two Han characters, the first shifted by 21 bits */
  float   dice;
} BtAlignAssoc;

typedef struct
{
  GArray  *assoc;            /* BtAlignAssoc */
  guint   *word_start;       /* per learnt word, and one past: its assoc */
  guint   *sentence_start;   /* per target unit, and one past */
  GArray  *sentence_words;   /* guint32: the words of each that learnt pairs */
  guint   *paragraph_start;  /* per source unit, and one past */
  GArray  *paragraph_bigrams;/* guint64: the learnt pairs each holds, sorted */
} BtAlignLearned;

/* Learns from the pairs of target unit s and source unit @paragraphs[s]
 * whose @lexical[s] is high enough. */
void     _bt_align_learn           (BtAlignLearned   *self,
                                    BtAlignContext   *ctx,
                                    const guint      *paragraphs,
                                    const double     *lexical);
void     _bt_align_learned_clear   (BtAlignLearned   *self);
/* Summed strength of the learnt words of @sentence found in @paragraph. */
double   _bt_align_learned_match   (const BtAlignLearned *self,
                                    guint             paragraph,
                                    guint             sentence);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BtAlignLearned, _bt_align_learned_clear)

/* bt-align-path.c */
/* One per target sentence, a million for a long text: the scores are
 * kept as the path's trail keeps them, in single precision. */
typedef struct
{
  guint   paragraph;    /* BT_ALIGN_NONE for none */
  float   score;
  float   lexical;
  guint32 signals;
  float   best_lexical; /* the best of all its candidates */
  guint   sentence;     /* the source sentence of it the path went through,
                         * or BT_ALIGN_NONE */
} BtAlignChoice;

/* Paragraph mode: the paragraph each target sentence renders best, among
 * at most @max_candidates found by their words; with @sentences, also the
 * sentence of it, and with @learned, the pairs learnt too. */
gboolean _bt_align_path_paragraphs (BtAlignContext   *ctx,
                                    BtAlignAnchors   *anchors,
                                    BtAlignSentences *sentences,
                                    const BtAlignLearned *learned,
                                    guint             max_candidates,
                                    BtAlignChoice    *choices,
                                    GCancellable     *cancellable,
                                    GError          **error);
/* Line mode: monotone groups; target unit j renders source units
 * [first[j], last[j]], or none when first[j] is BT_ALIGN_NONE. */
gboolean _bt_align_path_lines      (BtAlignContext   *ctx,
                                    BtAlignAnchors   *anchors,
                                    guint            *first,
                                    guint            *last,
                                    double           *score,
                                    GCancellable     *cancellable,
                                    GError          **error);

/* bt-align-stones.c */
/* Moves the single sentence of a paragraph the path only stepped on, next
 * to a paragraph left without English, to the paragraph of a sentence
 * next to it that it renders about as well. */
void     _bt_align_drop_stones     (BtAlignContext   *ctx,
                                    const BtAlignSentences *sentences,
                                    BtAlignChoice    *choices);

G_END_DECLS
