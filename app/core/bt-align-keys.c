/* bt-align-keys.c: the lexical evidence of every unit, as bags of ids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bt-chars.h"
#include "bt-aligner-private.h"
#include "bt-memory.h"
#include "bt-error.h"
#include "bt-latin.h"
#include "bt-names.h"
#include "bt-numbers.h"
#include "bt-stem.h"

#define MAX_GLOSSES 16
/* The characters of a word whose glosses stand for it too: those of few
 * meanings. */
#define MAX_PART_GLOSSES 8

/* The weight factor of a name matched by sound only. */
#define SOUND_FACTOR 1.0f

/* Bits of the filter of the English side's sounds. */
#define SOUND_FILTER_BITS (1u << 16)

/* Names, figures and Latin tokens say more than one dictionary word; a
 * name that only sounds alike, as much as one. */
static float
signal_factor (guint32 signal)
{
  if (signal & BT_KEY_SOUND)
    return SOUND_FACTOR;
  return signal == BT_SIGNAL_DICTIONARY ? 1.0f : 2.0f;
}

static guint
signal_index (guint32 signal)
{
  return g_bit_nth_lsf (signal & ~BT_KEY_SOUND, -1) | (signal & BT_KEY_SOUND);
}

static inline guint32
key_signal (BtAlignContext *ctx,
            guint32         id)
{
  return g_array_index (ctx->id_signals, guint8, id) & ~BT_KEY_SOUND;
}

void
_bt_align_id_map_init (BtAlignIdMap *map)
{
  *map = (BtAlignIdMap) { g_new0 (guint64, 1024), g_new (guint32, 1024), 1023, 0 };
}

void
_bt_align_id_map_clear (BtAlignIdMap *map)
{
  g_clear_pointer (&map->keys, g_free);
  g_clear_pointer (&map->values, g_free);
}

void
_bt_align_id_map_put (BtAlignIdMap *map,
                      gsize         slot,
                      guint64       key,
                      guint32       value)
{
  map->keys[slot] = key;
  map->values[slot] = value;
  if (++map->n * 2 > map->mask)
    {
      gsize old_size = map->mask + 1;
      g_autofree guint64 *keys = map->keys;
      g_autofree guint32 *values = map->values;

      map->keys = g_new0 (guint64, 2 * old_size);
      map->values = g_new (guint32, 2 * old_size);
      map->mask = 2 * old_size - 1;
      for (gsize i = 0; i < old_size; i++)
        if (keys[i] != 0)
          {
            gsize h = _bt_align_id_map_slot (map, keys[i]);

            map->keys[h] = keys[i];
            map->values[h] = values[i];
          }
    }
}

static inline guint64
slot_key (guint32 signal,
          guint32 key)
{
  return ((guint64) signal_index (signal) + 1) << 32 | key;
}

/* The dense id of a key, or G_MAXUINT32 when it has none yet. */
static guint32
find_id (BtAlignContext *ctx,
         guint32         signal,
         guint32         key)
{
  return _bt_align_id_map_lookup (&ctx->ids, slot_key (signal, key));
}

/* The dense id of a key, given one if it has none yet. */
static guint32
intern (BtAlignContext *ctx,
        guint32         signal,
        guint32         key)
{
  guint64 k = slot_key (signal, key);
  gsize h = _bt_align_id_map_slot (&ctx->ids, k);
  guint8 signal8 = (guint8) signal;

  if (ctx->ids.keys[h] != 0)
    return ctx->ids.values[h];
  _bt_align_id_map_put (&ctx->ids, h, k, ctx->n_ids);
  g_array_append_val (ctx->id_signals, signal8);
  return ctx->n_ids++;
}

/* One unit's keys as they are found: appending to a GArray one by one
 * costs a call and a copy each. */
typedef struct
{
  BtAlignKey *k;
  gsize       len;
  gsize       size;
} KeyBuf;

/* What every unit fills in turn, allocated once for all: an array or two
 * per unit would cost more than the keys of a short one. */
typedef struct
{
  KeyBuf   keys;
  GArray  *ids;     /* guint32 */
  GArray  *numbers; /* BtNumber */
  GArray  *names;   /* BtNameKey */
  GArray  *tokens;  /* BtLatinToken */
  GByteArray *blocked; /* per code point of a source unit: in a known word */
} Scratch;

static void
scratch_init (Scratch *scratch)
{
  *scratch = (Scratch) { { NULL, 0, 0 },
                         g_array_new (FALSE, FALSE, sizeof (guint32)),
                         g_array_new (FALSE, FALSE, sizeof (BtNumber)),
                         g_array_new (FALSE, FALSE, sizeof (BtNameKey)),
                         g_array_new (FALSE, FALSE, sizeof (BtLatinToken)),
                         g_byte_array_new () };
}

static void
scratch_clear (Scratch *scratch)
{
  g_clear_pointer (&scratch->keys.k, g_free);
  g_clear_pointer (&scratch->ids, g_array_unref);
  g_clear_pointer (&scratch->numbers, g_array_unref);
  g_clear_pointer (&scratch->names, g_array_unref);
  g_clear_pointer (&scratch->tokens, g_array_unref);
  g_clear_pointer (&scratch->blocked, g_byte_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scratch, scratch_clear)

static void
push_id (KeyBuf  *keys,
         guint32  id,
         guint    start)
{
  if (keys->len == keys->size)
    {
      keys->size = MAX (64, 2 * keys->size);
      keys->k = g_renew (BtAlignKey, keys->k, keys->size);
    }
  keys->k[keys->len++] = (BtAlignKey) { id, start };
}

static void
add_key (BtAlignContext *ctx,
         KeyBuf         *keys,
         guint32         signal,
         guint32         key,
         guint           start)
{
  push_id (keys, intern (ctx, signal, key), start);
}

/* What one headword of the dictionary gives the source, worked out once
 * for all its places: most of a headword's glosses are nowhere in the
 * English, and a text repeats its words. */
typedef struct
{
  const guint32 *glosses;   /* the dictionary's word ids, n_glosses of them */
  guint          n_glosses;
  guint          first;     /* its ids in Headwords.ids */
  guint          n_wanted;  /* the first ones: ids of glosses the target holds */
  guint          n_others;  /* then the dictionary ids of the rest */
  guint          last_unit; /* the last source unit its others were counted in */
  float          best;      /* the best weight of all its glosses */
  float          unmatched; /* the best weight of its others */
} Headword;

/* The headwords of the source and where they are. The glosses no target
 * unit holds are never interned: only their document frequencies are
 * counted, for the weights of the places they are found at. */
typedef struct
{
  GArray   *headwords;     /* Headword */
  GArray   *ids;           /* guint32 */
  BtAlignIdMap index;      /* glosses pointer -> headword index */
  GArray   *places;        /* BtAlignKey: headword index and its place */
  guint    *place_offsets; /* source unit i owns places [i], [i + 1]) */
  guint    *df;            /* per dictionary word of the others */
  guint    *last;          /* per dictionary word: the last unit counted */
} Headwords;

/* A place per source character is set aside: most are a headword's. */
static void
headwords_init (Headwords    *hw,
                BtDictionary *dictionary,
                guint         n_units,
                guint64       n_chars)
{
  guint n_words = dictionary != NULL ? bt_dictionary_get_n_words (dictionary) : 0;

  *hw = (Headwords) { g_array_new (FALSE, FALSE, sizeof (Headword)), g_array_new (FALSE, FALSE, sizeof (guint32)),
                      { NULL, NULL, 0, 0 },
                      bt_memory_array_sized (sizeof (BtAlignKey), (guint) MIN (n_chars + 1024, G_MAXUINT / 64)),
                      bt_memory_new0 (guint, n_units + 1),
                      g_new0 (guint, n_words + 1), NULL };
  hw->last = g_new (guint, n_words + 1);
  memset (hw->last, 0xff, (n_words + 1) * sizeof *hw->last);
  _bt_align_id_map_init (&hw->index);
}

static void
headwords_clear (Headwords *hw)
{
  g_clear_pointer (&hw->headwords, g_array_unref);
  g_clear_pointer (&hw->ids, g_array_unref);
  _bt_align_id_map_clear (&hw->index);
  g_clear_pointer (&hw->places, g_array_unref);
  g_clear_pointer (&hw->place_offsets, g_free);
  g_clear_pointer (&hw->df, g_free);
  g_clear_pointer (&hw->last, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Headwords, headwords_clear)

/* Appends to the wanted ids of @w those of @glosses it lacks. */
static void
add_wanted (BtAlignContext *ctx,
            Headwords      *hw,
            Headword       *w,
            const guint32  *glosses,
            guint           n_glosses)
{
  for (guint i = 0; i < n_glosses; i++)
    {
      guint32 id = find_id (ctx, BT_SIGNAL_DICTIONARY, glosses[i]);
      gboolean known = FALSE;

      for (guint j = 0; j < w->n_wanted && !known; j++)
        known = g_array_index (hw->ids, guint32, w->first + j) == id;
      if (id != G_MAXUINT32 && !known)
        {
          g_array_append_val (hw->ids, id);
          w->n_wanted++;
        }
    }
}

/* The headword of @glosses, the word of the @n characters at @chars,
 * sorting them into wanted and others when first met. A translation
 * may render the characters of a word rather than the word (立约 "make a
 * contract" as "establish my covenant"): the glosses of each character,
 * when it has few, are wanted too. */
static Headword *
headword_get (BtAlignContext *ctx,
              Headwords      *hw,
              const guint32  *glosses,
              guint           n_glosses,
              const gunichar *chars,
              guint           n)
{
  guint64 key = (guint64) (guintptr) glosses;
  gsize h = _bt_align_id_map_slot (&hw->index, key);
  Headword w = { glosses, n_glosses, hw->ids->len, 0, 0, G_MAXUINT, 0, 0 };

  if (hw->index.keys[h] != 0)
    return &g_array_index (hw->headwords, Headword, hw->index.values[h]);
  add_wanted (ctx, hw, &w, glosses, n_glosses);
  for (guint k = 0; n > 1 && k < n; k++)
    {
      const guint32 *part = NULL;
      guint n_part = 0;

      if (bt_dictionary_match (ctx->dictionary, chars, k + 1, k, &part, &n_part) == 1 &&
          n_part <= MAX_PART_GLOSSES)
        add_wanted (ctx, hw, &w, part, n_part);
    }
  for (guint i = 0; i < n_glosses; i++)
    if (find_id (ctx, BT_SIGNAL_DICTIONARY, glosses[i]) == G_MAXUINT32)
      {
        g_array_append_val (hw->ids, glosses[i]);
        w.n_others++;
      }
  _bt_align_id_map_put (&hw->index, h, key, hw->headwords->len);
  g_array_append_val (hw->headwords, w);
  return &g_array_index (hw->headwords, Headword, hw->headwords->len - 1);
}

/* A headword at @pos of source unit @unit: its wanted glosses become
 * keys, its others only count. */
static void
add_headword (BtAlignContext *ctx,
              Headwords      *hw,
              KeyBuf         *keys,
              guint           unit,
              const guint32  *glosses,
              guint           n_glosses,
              const gunichar *chars,
              guint           pos,
              guint           n)
{
  Headword *w = headword_get (ctx, hw, glosses, n_glosses, chars + pos, n);
  const guint32 *ids = &g_array_index (hw->ids, guint32, w->first);
  BtAlignKey place = { w - (Headword *) (gpointer) hw->headwords->data, pos };

  for (guint i = 0; i < w->n_wanted; i++)
    push_id (keys, ids[i], pos);
  g_array_append_val (hw->places, place);
  if (w->last_unit == unit)
    return;
  w->last_unit = unit;
  for (guint i = w->n_wanted; i < w->n_wanted + w->n_others; i++)
    if (hw->last[ids[i]] != unit)
      {
        hw->last[ids[i]] = unit;
        hw->df[ids[i]]++;
      }
}

static void
dictionary_keys (BtAlignContext *ctx,
                 Headwords      *hw,
                 guint           unit,
                 const char     *text,
                 BtLanguage      language,
                 Scratch        *scratch)
{
  BtChars decoded;
  const gunichar *chars;
  gsize len;

  if (language == BT_LANGUAGE_EN)
    {
      GArray *ids = scratch->ids;

      g_array_set_size (ids, 0);
      bt_dictionary_english_ids (ctx->dictionary, text, ids);
      ctx->n_known = ids->len;
      for (guint i = 0; i < ids->len; i++)
        add_key (ctx, &scratch->keys, BT_SIGNAL_DICTIONARY, g_array_index (ids, guint32, i), 0);
      return;
    }

  bt_chars_init (&decoded, text);
  chars = decoded.data;
  len = decoded.len;
  g_byte_array_set_size (scratch->blocked, len);
  memset (scratch->blocked->data, 0, len);
  for (gsize pos = 0; pos < len;)
    {
      const guint32 *ids = NULL;
      guint n_ids = 0;
      guint n = bt_dictionary_match (ctx->dictionary, chars, len, pos, &ids, &n_ids);

      /* a word of two characters or more is seldom part of a name */
      if (n > 1)
        memset (scratch->blocked->data + pos, 1, n);
      /* A character of many unrelated glosses (了, 的) says little and
       * costs much. */
      if (n_ids > 0 && n_ids <= MAX_GLOSSES)
        add_headword (ctx, hw, &scratch->keys, unit, ids, n_ids, chars, pos, n);
      pos += MAX (n, 1);
    }
  bt_chars_clear (&decoded);
}

static void
number_keys (BtAlignContext *ctx,
             const char     *text,
             BtLanguage      language,
             Scratch        *scratch)
{
  GArray *numbers = scratch->numbers;

  g_array_set_size (numbers, 0);
  bt_numbers_extract (text, language, numbers);
  for (guint i = 0; i < numbers->len; i++)
    {
      BtNumber *n = &g_array_index (numbers, BtNumber, i);

      add_key (ctx, &scratch->keys, BT_SIGNAL_NUMBERS, bt_number_key (n), n->start);
    }
}

/* The target's sentences in order, each copied in turn into @text, as
 * the keys want it nul-terminated: no allocation per sentence. */
typedef struct
{
  BtDocument       *document;
  BtDocumentCursor  cursor;
  GString          *text;
} SentenceReader;

static void
sentence_reader_init (SentenceReader *reader,
                      BtDocument     *document)
{
  *reader = (SentenceReader) { document, { NULL, NULL, 0 }, g_string_new (NULL) };
}

static void
sentence_reader_clear (SentenceReader *reader)
{
  if (reader->text != NULL)
    g_string_free (g_steal_pointer (&reader->text), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SentenceReader, sentence_reader_clear)

static const char *
read_sentence (SentenceReader *reader,
               guint           index)
{
  gsize length = 0;
  const char *start = bt_document_peek_sentence (reader->document, index, &reader->cursor, &length);

  g_string_truncate (reader->text, 0);
  g_string_append_len (reader->text, start, length);
  return reader->text->str;
}

/* Whether the dictionary knows the English word @word, or it is a
 * function word: such words are no names. */
static gboolean
is_known_word (BtAlignContext *ctx,
               const char     *word,
               gsize           len,
               GArray         *ids)
{
  char folded[64];

  if (len >= sizeof folded)
    return TRUE;
  for (gsize i = 0; i < len; i++)
    folded[i] = g_ascii_tolower (word[i]);
  folded[len] = '\0';
  if (bt_stem_is_stop_word (folded))
    return TRUE;
  if (ctx->dictionary == NULL)
    return FALSE;
  g_array_set_size (ids, 0);
  bt_dictionary_english_ids (ctx->dictionary, folded, ids);
  return ids->len > 0;
}

/* Appends to @sounds those of the capitalised words of @text the
 * dictionary does not know. */
static void
english_sounds (BtAlignContext *ctx,
                const char     *text,
                GArray         *ids,
                GArray         *sounds)
{
  g_array_set_size (sounds, 0);
  for (const char *p = text; *p != '\0';)
    {
      const char *start = p;
      guint32 found[BT_NAMES_MAX_SOUNDS];
      guint n;

      if (!g_ascii_isalpha (*p))
        {
          p++;
          continue;
        }
      while (g_ascii_isalpha (*p))
        p++;
      if (!g_ascii_isupper (*start) || p - start < 3 || is_known_word (ctx, start, p - start, ids))
        continue;
      n = bt_names_english_sounds (start, p - start, found);
      g_array_append_vals (sounds, found, n);
    }
}

static inline guint
sound_bit (guint32 sound)
{
  return (sound * 0x9E3779B1u) >> 16;
}

static gboolean
is_english_sound (guint32  sound,
                  gpointer user_data)
{
  BtAlignContext *ctx = user_data;
  guint bit = sound_bit (sound);

  return (ctx->sound_filter[bit / 64] >> (bit % 64) & 1) &&
         g_hash_table_contains (ctx->english_sounds, GUINT_TO_POINTER (sound));
}

/* Every run of Han characters gives name keys; only those the English
 * spells somewhere are worth keeping. The target's own name keys, taken
 * first, say which (see name_keys()); its sounds are all needed before
 * it, as a sentence keeps a sound only when the source may have it. */
static void
collect_english_sounds (BtAlignContext *ctx)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GArray) sounds = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_auto (SentenceReader) reader;

  sentence_reader_init (&reader, ctx->target);
  ctx->english_names = g_hash_table_new (NULL, NULL);
  ctx->english_sounds = g_hash_table_new (NULL, NULL);
  ctx->sound_filter = g_new0 (guint64, SOUND_FILTER_BITS / 64);
  ctx->tgt_sounds = g_array_new (FALSE, FALSE, sizeof (guint32));
  ctx->tgt_sound_start = bt_memory_new0 (guint, ctx->tgt.n_units + 1);
  for (guint i = 0; i < ctx->tgt.n_units; i++)
    {
      const char *text = read_sentence (&reader, i);

      english_sounds (ctx, text, ids, sounds);
      for (guint k = 0; k < sounds->len; k++)
        {
          guint32 sound = g_array_index (sounds, guint32, k);
          guint bit = sound_bit (sound);

          g_hash_table_add (ctx->english_sounds, GUINT_TO_POINTER (sound));
          ctx->sound_filter[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
        }
      g_array_append_vals (ctx->tgt_sounds, sounds->data, sounds->len);
      ctx->tgt_sound_start[i + 1] = ctx->tgt_sounds->len;
    }
}

static void
name_keys (BtAlignContext *ctx,
           guint           unit,
           const char     *text,
           BtLanguage      language,
           Scratch        *scratch)
{
  GArray *names = scratch->names;
  guint n_spelt = 0;

  g_array_set_size (names, 0);
  if (language == BT_LANGUAGE_ZH)
    bt_names_chinese_keys (text, names);
  else
    bt_names_english_keys (text, names);
  /* the keys kept stay at the front */
  for (guint i = 0; i < names->len; i++)
    {
      BtNameKey *n = &g_array_index (names, BtNameKey, i);

      if (language == BT_LANGUAGE_EN)
        g_hash_table_add (ctx->english_names, GUINT_TO_POINTER (n->key));
      if (language == BT_LANGUAGE_EN || g_hash_table_contains (ctx->english_names, GUINT_TO_POINTER (n->key)))
        {
          add_key (ctx, &scratch->keys, BT_SIGNAL_NAMES, n->key, n->start);
          g_array_index (names, BtNameKey, n_spelt++) = *n;
        }
    }
  if (g_hash_table_size (ctx->english_sounds) == 0)
    return;
  if (language == BT_LANGUAGE_EN)
    {
      for (guint i = ctx->tgt_sound_start[unit]; i < ctx->tgt_sound_start[unit + 1]; i++)
        add_key (ctx, &scratch->keys, BT_SIGNAL_NAMES | BT_KEY_SOUND,
                 g_array_index (ctx->tgt_sounds, guint32, i), 0);
      return;
    }
  g_array_set_size (names, n_spelt);
  bt_names_chinese_sound_keys (text, scratch->blocked->len > 0 ? scratch->blocked->data : NULL,
                               is_english_sound, ctx, names);
  for (guint i = n_spelt; i < names->len; i++)
    {
      BtNameKey *n = &g_array_index (names, BtNameKey, i);
      gboolean spelt = FALSE;

      /* a name the English spells the same needs no sound as well */
      for (guint j = 0; j < n_spelt && !spelt; j++)
        spelt = g_array_index (names, BtNameKey, j).start == n->start &&
                g_array_index (names, BtNameKey, j).end == n->end;
      if (!spelt)
        add_key (ctx, &scratch->keys, BT_SIGNAL_NAMES | BT_KEY_SOUND, n->key, n->start);
    }
}

static void
latin_keys (BtAlignContext *ctx,
            const char     *text,
            BtLanguage      language,
            Scratch        *scratch)
{
  GArray *tokens = scratch->tokens;

  g_array_set_size (tokens, 0);
  if (language == BT_LANGUAGE_ZH)
    bt_latin_chinese_tokens (text, tokens);
  else
    bt_latin_english_tokens (text, tokens);
  for (guint i = 0; i < tokens->len; i++)
    {
      BtLatinToken *t = &g_array_index (tokens, BtLatinToken, i);

      add_key (ctx, &scratch->keys, BT_SIGNAL_LATIN, t->key, t->start);
    }
}

/* The keys of one unit, in @scratch->keys; the source's headwords also
 * go to @hw. */
static void
unit_keys (BtAlignContext *ctx,
           Headwords      *hw,
           guint           unit,
           const char     *text,
           BtLanguage      language,
           Scratch        *scratch)
{
  scratch->keys.len = 0;
  g_byte_array_set_size (scratch->blocked, 0);
  if (ctx->dictionary != NULL && (ctx->enabled & BT_SIGNAL_DICTIONARY))
    dictionary_keys (ctx, hw, unit, text, language, scratch);
  if (ctx->enabled & BT_SIGNAL_NUMBERS)
    number_keys (ctx, text, language, scratch);
  if (ctx->enabled & BT_SIGNAL_NAMES)
    name_keys (ctx, unit, text, language, scratch);
  if (ctx->enabled & BT_SIGNAL_LATIN)
    latin_keys (ctx, text, language, scratch);
}

static inline gboolean
key_less (const BtAlignKey *a,
          const BtAlignKey *b)
{
  if (a->id != b->id)
    return a->id < b->id;
  return a->start < b->start;
}

static void
swap_keys (BtAlignKey *a,
           BtAlignKey *b)
{
  BtAlignKey t = *a;

  *a = *b;
  *b = t;
}

/* A unit's keys by id, then place: a sort with the comparison inlined,
 * as qsort's calls through a pointer cost more than the sorting itself. */
static void
sort_keys (BtAlignKey *k,
           gsize       n)
{
  while (n > 16)
    {
      gsize mid = n / 2, i = 0, j = n - 1;
      BtAlignKey pivot;

      if (key_less (&k[mid], &k[0]))
        swap_keys (&k[mid], &k[0]);
      if (key_less (&k[n - 1], &k[0]))
        swap_keys (&k[n - 1], &k[0]);
      if (key_less (&k[n - 1], &k[mid]))
        swap_keys (&k[n - 1], &k[mid]);
      pivot = k[mid];
      for (;;)
        {
          while (key_less (&k[i], &pivot))
            i++;
          while (key_less (&pivot, &k[j]))
            j--;
          if (i >= j)
            break;
          swap_keys (&k[i], &k[j]);
          i++;
          j--;
        }
      /* Recurse into the smaller part, loop over the larger. */
      if (j + 1 < n - j - 1)
        {
          sort_keys (k, j + 1);
          k += j + 1;
          n -= j + 1;
        }
      else
        {
          sort_keys (k + j + 1, n - j - 1);
          n = j + 1;
        }
    }
  for (gsize i = 1; i < n; i++)
    {
      BtAlignKey x = k[i];
      gsize at = i;

      for (; at > 0 && key_less (&x, &k[at - 1]); at--)
        k[at] = k[at - 1];
      k[at] = x;
    }
}

/* Sorts the unit's keys by id; the target keeps each id once. */
static void
close_unit (GArray   *keys,
            guint     first,
            gboolean  unique)
{
  BtAlignKey *k = &g_array_index (keys, BtAlignKey, first);
  guint n = keys->len - first, out = 0;

  sort_keys (k, n);
  if (!unique)
    return;
  for (guint i = 0; i < n; i++)
    if (out == 0 || k[out - 1].id != k[i].id)
      k[out++] = k[i];
  g_array_set_size (keys, first + out);
}

/* @reserve keys are set aside at once: growing a large array step by
 * step copies it over and over. */
static void
side_init (BtAlignSide *side,
           guint        n_units,
           guint64      reserve)
{
  side->n_units = n_units;
  side->keys = bt_memory_array_sized (sizeof (BtAlignKey), (guint) MIN (reserve, G_MAXUINT / 64));
  side->offsets = bt_memory_new0 (guint, n_units + 1);
  side->n_chars = bt_memory_new0 (guint, n_units);
}

static void
side_clear (BtAlignSide *side)
{
  g_clear_pointer (&side->keys, g_array_unref);
  g_clear_pointer (&side->offsets, g_free);
  g_clear_pointer (&side->n_chars, g_free);
}

void
_bt_align_context_init (BtAlignContext *ctx,
                        BtDocument     *source,
                        BtDocument     *target,
                        BtDictionary   *dictionary,
                        BtAlignUnits    units,
                        BtSignal        enabled)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->source = source;
  ctx->target = target;
  ctx->dictionary = dictionary;
  ctx->units = units;
  ctx->enabled = enabled;
  _bt_align_id_map_init (&ctx->ids);
  ctx->ratio = 0.3;
  ctx->ratio_spread = 0.4;
  side_init (&ctx->src, bt_document_get_n_paragraphs (source), bt_document_get_n_chars (source) + 1024);
  side_init (&ctx->tgt, bt_document_get_n_sentences (target), bt_document_get_n_chars (target) / 3 + 1024);
  ctx->id_signals = g_array_new (FALSE, FALSE, sizeof (guint8));
}

void
_bt_align_context_clear (BtAlignContext *ctx)
{
  _bt_align_id_map_clear (&ctx->ids);
  side_clear (&ctx->src);
  side_clear (&ctx->tgt);
  g_clear_pointer (&ctx->weights, g_free);
  g_clear_pointer (&ctx->df, g_free);
  g_clear_pointer (&ctx->postings, g_free);
  g_clear_pointer (&ctx->post_start, g_free);
  g_clear_pointer (&ctx->tgt_total, g_free);
  g_clear_pointer (&ctx->src_total, g_free);
  g_clear_pointer (&ctx->tgt_known, g_free);
  g_clear_pointer (&ctx->english_names, g_hash_table_unref);
  g_clear_pointer (&ctx->english_sounds, g_hash_table_unref);
  g_clear_pointer (&ctx->sound_filter, g_free);
  g_clear_pointer (&ctx->tgt_sounds, g_array_unref);
  g_clear_pointer (&ctx->tgt_sound_start, g_free);
  g_clear_pointer (&ctx->acc, g_free);
  g_clear_pointer (&ctx->acc_signals, g_free);
  g_clear_pointer (&ctx->touched, g_free);
  g_clear_pointer (&ctx->id_signals, g_array_unref);
  g_clear_pointer (&ctx->marks, g_free);
  g_clear_pointer (&ctx->base_start, g_free);
  g_clear_pointer (&ctx->base, g_free);
}

static gboolean
extract_source (BtAlignContext *ctx,
                Headwords      *hw,
                GCancellable   *cancellable,
                GError        **error)
{
  g_auto (Scratch) scratch;

  scratch_init (&scratch);
  for (guint i = 0; i < ctx->src.n_units; i++)
    {
      const BtParagraph *p = bt_document_get_paragraph (ctx->source, i);

      if ((i & 255) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      ctx->src.offsets[i] = ctx->src.keys->len;
      ctx->src.n_chars[i] = p->n_chars;
      hw->place_offsets[i] = hw->places->len;
      unit_keys (ctx, hw, i, p->text, BT_LANGUAGE_ZH, &scratch);
      g_array_append_vals (ctx->src.keys, scratch.keys.k, scratch.keys.len);
    }
  ctx->src.offsets[ctx->src.n_units] = ctx->src.keys->len;
  hw->place_offsets[ctx->src.n_units] = hw->places->len;
  return TRUE;
}

/* The target comes first: the source's glosses it does not hold are
 * then known as they are met. */
static gboolean
extract_target (BtAlignContext *ctx,
                GCancellable   *cancellable,
                GError        **error)
{
  g_auto (Scratch) scratch;
  g_auto (SentenceReader) reader;

  scratch_init (&scratch);
  sentence_reader_init (&reader, ctx->target);
  ctx->tgt_known = bt_memory_new0 (guint, ctx->tgt.n_units + 1);
  for (guint i = 0; i < ctx->tgt.n_units; i++)
    {
      const BtSentence *sentence = bt_document_get_sentence (ctx->target, i);
      const char *text = read_sentence (&reader, i);

      if ((i & 255) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      ctx->tgt.offsets[i] = ctx->tgt.keys->len;
      ctx->tgt.n_chars[i] = sentence->end - sentence->start;
      ctx->n_known = 0;
      unit_keys (ctx, NULL, i, text, BT_LANGUAGE_EN, &scratch);
      g_array_append_vals (ctx->tgt.keys, scratch.keys.k, scratch.keys.len);
      ctx->tgt_known[i] = ctx->n_known;
      close_unit (ctx->tgt.keys, ctx->tgt.offsets[i], TRUE);
    }
  ctx->tgt.offsets[ctx->tgt.n_units] = ctx->tgt.keys->len;
  return TRUE;
}

static float
key_weight (guint32 signal,
            guint   df,
            guint   n_units)
{
  return signal_factor (signal) *
         MAX (0.05f, (float) log ((n_units + 1.0) / (df + 0.5)) / (float) log (n_units + 2.0));
}

/* Document frequencies and weights: a unit counts once for an id, its
 * keys being unsorted yet. The glosses only counted get theirs too, and
 * each headword its best. */
static void
weigh_keys (BtAlignContext *ctx,
            Headwords      *hw)
{
  const BtAlignKey *keys = (const BtAlignKey *) (gconstpointer) ctx->src.keys->data;
  guint n = ctx->src.n_units;
  g_autofree guint *last = g_new (guint, ctx->n_ids + 1);

  memset (last, 0xff, (ctx->n_ids + 1) * sizeof *last);
  ctx->df = g_new0 (guint, ctx->n_ids);
  for (guint u = 0; u < n; u++)
    for (guint k = ctx->src.offsets[u]; k < ctx->src.offsets[u + 1]; k++)
      if (last[keys[k].id] != u)
        {
          last[keys[k].id] = u;
          ctx->df[keys[k].id]++;
        }
  ctx->weights = g_new (float, ctx->n_ids);
  for (guint32 id = 0; id < ctx->n_ids; id++)
    ctx->weights[id] = key_weight (g_array_index (ctx->id_signals, guint8, id), ctx->df[id], n);
  for (guint h = 0; h < hw->headwords->len; h++)
    {
      Headword *w = &g_array_index (hw->headwords, Headword, h);
      const guint32 *ids = &g_array_index (hw->ids, guint32, w->first);

      for (guint i = 0; i < w->n_wanted; i++)
        w->best = MAX (w->best, ctx->weights[ids[i]]);
      for (guint i = w->n_wanted; i < w->n_wanted + w->n_others; i++)
        w->unmatched = MAX (w->unmatched, key_weight (BT_SIGNAL_DICTIONARY, hw->df[ids[i]], n));
      w->best = MAX (w->best, w->unmatched);
    }
}

/* Target keys the source lacks can never match. */
static void
drop_target_only (BtAlignContext *ctx)
{
  BtAlignKey *keys = (BtAlignKey *) (gpointer) ctx->tgt.keys->data;
  guint out = 0;

  for (guint u = 0; u < ctx->tgt.n_units; u++)
    {
      guint first = out;

      for (guint k = ctx->tgt.offsets[u]; k < ctx->tgt.offsets[u + 1]; k++)
        if (ctx->df[keys[k].id] > 0)
          keys[out++] = keys[k];
      ctx->tgt.offsets[u] = first;
    }
  ctx->tgt.offsets[ctx->tgt.n_units] = out;
  g_array_set_size (ctx->tgt.keys, out);
}

/* The inverted index of the source, over the sorted keys left. */
static void
index_source (BtAlignContext *ctx)
{
  const BtAlignKey *keys = (const BtAlignKey *) (gconstpointer) ctx->src.keys->data;
  guint n = ctx->src.n_units;
  g_autofree guint *fill = NULL;

  ctx->post_start = g_new0 (guint, ctx->n_ids + 1);
  for (guint u = 0; u < n; u++)
    for (guint k = ctx->src.offsets[u]; k < ctx->src.offsets[u + 1]; k++)
      if (k == ctx->src.offsets[u] || keys[k - 1].id != keys[k].id)
        ctx->post_start[keys[k].id + 1]++;
  for (guint32 id = 0; id < ctx->n_ids; id++)
    ctx->post_start[id + 1] += ctx->post_start[id];
  ctx->postings = bt_memory_new (guint, ctx->post_start[ctx->n_ids] + 1);
  fill = g_memdup2 (ctx->post_start, sizeof (guint) * ctx->n_ids);
  for (guint u = 0; u < n; u++)
    for (guint k = ctx->src.offsets[u]; k < ctx->src.offsets[u + 1]; k++)
      if (k == ctx->src.offsets[u] || keys[k - 1].id != keys[k].id)
        ctx->postings[fill[keys[k].id]++] = u;
}

static void
target_totals (BtAlignContext *ctx)
{
  BtAlignKey *keys = (BtAlignKey *) (gpointer) ctx->tgt.keys->data;

  ctx->tgt_total = bt_memory_new0 (float, ctx->tgt.n_units);
  for (guint u = 0; u < ctx->tgt.n_units; u++)
    for (guint k = ctx->tgt.offsets[u]; k < ctx->tgt.offsets[u + 1]; k++)
      ctx->tgt_total[u] += ctx->weights[keys[k].id];
}

/* Per source unit, in one pass: its total, where a word of several
 * glosses counts once, by its best one; the base of each place, the best
 * weight there of what no target unit holds; and its keys kept, those
 * the target holds. */
static void
source_totals (BtAlignContext *ctx,
               Headwords      *hw)
{
  const BtAlignKey *keys = (const BtAlignKey *) (gconstpointer) ctx->src.keys->data;
  const BtAlignKey *places = (const BtAlignKey *) (gconstpointer) hw->places->data;
  const Headword *headwords = (const Headword *) (gconstpointer) hw->headwords->data;
  g_autofree guint8 *wanted = g_new0 (guint8, ctx->n_ids + 1);
  g_autofree float *best = NULL;
  BtAlignKey *kept = (BtAlignKey *) (gpointer) ctx->src.keys->data;
  guint64 n_slots = 0;
  guint longest = 0, out = 0;

  for (guint k = 0; k < ctx->tgt.keys->len; k++)
    wanted[g_array_index (ctx->tgt.keys, BtAlignKey, k).id] = 1;
  ctx->base_start = bt_memory_new (guint, ctx->src.n_units + 1);
  for (guint u = 0; u < ctx->src.n_units; u++)
    {
      ctx->base_start[u] = n_slots;
      n_slots += ctx->src.n_chars[u] + 1;
      longest = MAX (longest, ctx->src.n_chars[u]);
    }
  ctx->base_start[ctx->src.n_units] = n_slots;
  ctx->base = bt_memory_new0 (float, n_slots + 1);
  best = g_new (float, longest + 1);
  ctx->src_total = bt_memory_new0 (float, ctx->src.n_units);
  for (guint u = 0; u < ctx->src.n_units; u++)
    {
      float *base = ctx->base + ctx->base_start[u];
      guint n_chars = ctx->src.n_chars[u];
      guint first = out;

      memset (best, 0, (n_chars + 1) * sizeof *best);
      for (guint i = hw->place_offsets[u]; i < hw->place_offsets[u + 1]; i++)
        {
          const Headword *w = &headwords[places[i].id];

          best[places[i].start] = MAX (best[places[i].start], w->best);
          base[places[i].start] = MAX (base[places[i].start], w->unmatched);
        }
      for (guint k = ctx->src.offsets[u]; k < ctx->src.offsets[u + 1]; k++)
        {
          BtAlignKey key = keys[k];
          gboolean counts = key_signal (ctx, key.id) != BT_SIGNAL_NAMES && key.start <= n_chars;

          if (counts)
            best[key.start] = MAX (best[key.start], ctx->weights[key.id]);
          if (wanted[key.id])
            kept[out++] = key;
          else if (counts)
            base[key.start] = MAX (base[key.start], ctx->weights[key.id]);
        }
      for (guint c = 0; c <= n_chars; c++)
        ctx->src_total[u] += best[c];
      ctx->src.offsets[u] = first;
      sort_keys (&kept[first], out - first);
    }
  ctx->src.offsets[ctx->src.n_units] = out;
  g_array_set_size (ctx->src.keys, out);
}

gboolean
_bt_align_extract (BtAlignContext *ctx,
                   GCancellable   *cancellable,
                   GError        **error)
{
  g_auto (Headwords) hw;

  headwords_init (&hw, ctx->dictionary, ctx->src.n_units, bt_document_get_n_chars (ctx->source));
  if (ctx->enabled & BT_SIGNAL_NAMES)
    collect_english_sounds (ctx);
  if (!extract_target (ctx, cancellable, error) || !extract_source (ctx, &hw, cancellable, error))
    return FALSE;
  weigh_keys (ctx, &hw);
  drop_target_only (ctx);
  target_totals (ctx);
  source_totals (ctx, &hw);
  index_source (ctx);
  ctx->acc = bt_memory_new0 (float, ctx->src.n_units + 1);
  ctx->touched = bt_memory_new (guint, ctx->src.n_units + 1);
  ctx->acc_signals = bt_memory_new0 (guint32, ctx->src.n_units + 1);
  ctx->marks = g_new0 (guint8, ctx->n_ids + 1);
  return TRUE;
}

void
_bt_align_candidates (BtAlignContext *ctx,
                      guint           sentence,
                      guint           lo,
                      guint           hi,
                      guint           max_df,
                      GArray         *out)
{
  BtAlignKey *keys = (BtAlignKey *) (gpointer) ctx->tgt.keys->data;
  guint n_touched = 0;

  for (guint k = ctx->tgt.offsets[sentence]; k < ctx->tgt.offsets[sentence + 1]; k++)
    {
      guint32 id = keys[k].id;
      const guint *post = ctx->postings + ctx->post_start[id];
      guint n = ctx->df[id];

      if (n > max_df)
        continue;
      for (guint i = _bt_align_lower_bound (post, n, lo); i < n && post[i] < hi; i++)
        {
          if (ctx->acc[post[i]] == 0)
            ctx->touched[n_touched++] = post[i];
          ctx->acc[post[i]] += ctx->weights[id];
          ctx->acc_signals[post[i]] |= key_signal (ctx, id);
        }
    }
  _bt_align_collect (out, ctx->touched, n_touched, ctx->acc, ctx->acc_signals);
}

void
_bt_align_collect (GArray      *out,
                   const guint *touched,
                   guint        n_touched,
                   float       *acc,
                   guint32     *signals)
{
  guint at = out->len;
  BtAlignCandidate *c;

  /* An empty array may have no data to point into. */
  if (n_touched == 0)
    return;
  g_array_set_size (out, at + n_touched);
  c = &g_array_index (out, BtAlignCandidate, at);
  for (guint i = 0; i < n_touched; i++)
    {
      guint u = touched[i];

      c[i] = (BtAlignCandidate) { u, acc[u], signals != NULL ? signals[u] : 0 };
      acc[u] = 0;
      if (signals != NULL)
        signals[u] = 0;
    }
}

static gboolean
unit_has (BtAlignSide *side,
          guint        unit,
          guint32      id)
{
  const BtAlignKey *keys = (const BtAlignKey *) (gconstpointer) side->keys->data;
  guint lo = side->offsets[unit], hi = side->offsets[unit + 1];

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (keys[mid].id < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < side->offsets[unit + 1] && keys[lo].id == id;
}

double
_bt_align_match (BtAlignContext *ctx,
                 guint           paragraph,
                 guint           sentence,
                 guint           except,
                 guint32        *signals)
{
  const BtAlignKey *keys = (const BtAlignKey *) (gconstpointer) ctx->tgt.keys->data;
  double matched = 0;

  if (signals != NULL)
    *signals = 0;
  for (guint k = ctx->tgt.offsets[sentence]; k < ctx->tgt.offsets[sentence + 1]; k++)
    if (unit_has (&ctx->src, paragraph, keys[k].id) &&
        (except == BT_ALIGN_NONE || !unit_has (&ctx->src, except, keys[k].id)))
      {
        matched += ctx->weights[keys[k].id];
        if (signals != NULL)
          *signals |= key_signal (ctx, keys[k].id);
      }
  return matched;
}

static void
mark_sentences (BtAlignContext *ctx,
                const guint    *sentences,
                guint           n_sentences,
                guint8          mark)
{
  const BtAlignKey *keys = (const BtAlignKey *) (gconstpointer) ctx->tgt.keys->data;

  for (guint s = 0; s < n_sentences; s++)
    for (guint k = ctx->tgt.offsets[sentences[s]]; k < ctx->tgt.offsets[sentences[s] + 1]; k++)
      ctx->marks[keys[k].id] = mark;
}

void
_bt_align_coverage (BtAlignContext *ctx,
                    guint           paragraph,
                    const guint    *sentences,
                    guint           n_sentences,
                    float          *total,
                    float          *rendered)
{
  const BtAlignKey *keys = (const BtAlignKey *) (gconstpointer) ctx->src.keys->data;

  /* Marking the sentences' ids keeps this linear when a huge paragraph
   * has thousands of sentences. */
  mark_sentences (ctx, sentences, n_sentences, 1);
  for (guint i = 0; i <= ctx->src.n_chars[paragraph]; i++)
    total[i] = MAX (total[i], ctx->base[ctx->base_start[paragraph] + i]);
  for (guint k = ctx->src.offsets[paragraph]; k < ctx->src.offsets[paragraph + 1]; k++)
    {
      float w = ctx->weights[keys[k].id];
      gboolean found = ctx->marks[keys[k].id] != 0;

      /* Any run of Han characters may be a name: only those the
       * English spells count. */
      if (key_signal (ctx, keys[k].id) == BT_SIGNAL_NAMES && !found)
        continue;
      /* A word of several glosses counts once, by its best one. */
      total[keys[k].start] = MAX (total[keys[k].start], w);
      if (found)
        rendered[keys[k].start] = MAX (rendered[keys[k].start], w);
    }
  mark_sentences (ctx, sentences, n_sentences, 0);
}

double
_bt_align_lexical (BtAlignContext *ctx,
                   guint           sentence,
                   double          matched)
{
  return matched / (ctx->tgt_total[sentence] + 1.0);
}

double
_bt_align_rendered_share (BtAlignContext *ctx,
                          guint           paragraph,
                          double          matched)
{
  return MIN (matched, ctx->src_total[paragraph]) / (ctx->src_total[paragraph] + 1.0);
}
