/* bt-names.h: Chinese names by their reading, matched against English
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Han characters are read with ICU's "Han-Latin" transliterator (toneless
 * pinyin), corrected by an override table for places and readings that
 * English spells its own way (重庆 → Chongqing, 陕西 → Shaanxi, 香港 →
 * Hong Kong). The readings are worked out once per ICU version and kept
 * under $XDG_CACHE_HOME/bitext/, so only the first process ever pays for
 * opening the transliterator. Everything here is thread-safe.
 *
 * Matching works on keys: a key is a 32-bit hash of a run of two to four
 * pinyin syllables. bt_names_chinese_keys() gives the keys of every such
 * run of Han characters in the Chinese text; bt_names_english_keys() gives
 * the keys of the capitalised English words that spell pinyin ("Xi
 * Jinping" → keys of "xi jin ping" and "jin ping"). A key found on both
 * sides is a name (or place) the English renders. */
typedef struct
{
  guint32 key;
  guint   start; /* code points into the text */
  guint   end;
} BtNameKey;

/* The name form of a Han name or place: "xi jinping" for 習近平 or
 * 习近平 (surname apart from the given name), "chongqing" for 重慶,
 * "shaanxi" for 陕西; lower case, no tones. NULL if @han holds no Han
 * character. */
char     *bt_names_name_form    (const char *han);

/* TRUE for a unified ideograph of the Basic Multilingual Plane, its
 * extension A or a compatibility ideograph: the characters that have a
 * reading. */
gboolean  bt_names_is_han       (gunichar    c);

/* The toneless, lower-case pinyin of one Han character ("xi" for 习),
 * or NULL for any other character. Static string. */
const char *bt_names_reading    (gunichar    c);

/* Appends BtNameKey items to @keys for every run of 2 to 4 consecutive
 * Han characters of the Chinese @text (a key also for each override and
 * for the other common reading of polyphonic characters). */
void      bt_names_chinese_keys (const char *text,
                                 GArray     *keys);
/* Appends BtNameKey items to @keys for the runs of capitalised English
 * words of @text that spell pinyin syllables, each word of two syllables
 * or more on its own and each run of words as a whole. */
void      bt_names_english_keys (const char *text,
                                 GArray     *keys);

/* Sounds: transliterated names ("特朗普" for "Trump", "约坍" for
 * "Jotham") are spelt one way in pinyin and another in English, but both
 * keep the name's consonants. A sound is that skeleton: the classes of
 * the consonants in order (b/p, d/t, g/k/j/q, f/v, the sibilants, l/r,
 * the nasals), a class repeated counting once, vowels, h, w and y left
 * out, packed three bits a class under a leading 1 bit. Only sounds of
 * BT_NAMES_MIN_SOUND classes or more are given: shorter ones are found
 * in too many words. */
#define BT_NAMES_MIN_SOUND  2
#define BT_NAMES_MAX_SOUNDS 8

/* The sounds of one English word (@len bytes of ASCII letters), one per
 * way its ambiguous letters may be said (j, ch, th, g before e or i, w,
 * x, an l before a consonant, a last stop after a vowel), and those of
 * the place a people is named after (Canaanites: Canaan) or else of the
 * word without the one or two last consonants after its last vowel
 * unless they hold a nasal or an l (Abimelech: Abimele); returns how
 * many were written to @sounds, distinct. */
guint     bt_names_english_sounds (const char *word,
                                   gsize       len,
                                   guint32     sounds[BT_NAMES_MAX_SOUNDS]);

/* Whether a sound is worth a key: the caller's set of the English side. */
typedef gboolean (*BtNamesSoundFunc) (guint32  sound,
                                      gpointer user_data);

/* Appends a BtNameKey for every run of 2 to 5 Han characters of @text
 * whose sound @wanted accepts (its key is the sound). @blocked, when not
 * NULL, holds a byte per code point of @text: runs touching one that is
 * not 0 are skipped (characters of known words are seldom a name's). */
void      bt_names_chinese_sound_keys (const char       *text,
                                       const guint8     *blocked,
                                       BtNamesSoundFunc  wanted,
                                       gpointer          user_data,
                                       GArray           *keys);

G_END_DECLS
