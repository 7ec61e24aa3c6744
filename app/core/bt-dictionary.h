/* bt-dictionary.h: a Chinese–English dictionary in CC-CEDICT's format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An immutable, reference-counted dictionary. Every English gloss is
 * reduced to its content words (folded and stemmed by bt-stem, stop words
 * dropped), and every distinct stem gets one integer id from a vocabulary
 * shared by the whole dictionary, so that the Chinese and the English side
 * of a pair can be compared as bags of ids.
 *
 * Loading parses the text once and writes a compact binary index under
 * $XDG_CACHE_HOME/bitext/ (one file per dictionary path), stamped with
 * the dictionary's size, mtime and a hash of its first and last 64 KiB;
 * later loads map that index and take milliseconds. A stale index, or one
 * whose own hash does not match, is rebuilt. All lookups are
 * thread-safe. */
typedef struct _BtDictionary BtDictionary;

#define BT_DICTIONARY_NO_WORD G_MAXUINT32

/* The dictionary to use, or NULL when there is none: $BITEXT_DICTIONARY,
 * then the GSettings key dictionary-path (io.github.bitext.Bitext), then
 * bitext/cedict_ts.u8 in the user's and the system's XDG data dirs
 * (where build-aux/fetch-dictionary installs it). Free with g_free(). */
char         *bt_dictionary_find_default (void);

BtDictionary *bt_dictionary_load         (const char      *path,
                                          GError         **error);
/* @cache_dir: where the index is kept; NULL for $XDG_CACHE_HOME/bitext.
 * A cache that cannot be written is not an error. */
BtDictionary *bt_dictionary_load_full    (const char      *path,
                                          const char      *cache_dir,
                                          GError         **error);
BtDictionary *bt_dictionary_ref          (BtDictionary    *self);
void          bt_dictionary_unref        (BtDictionary    *self);

/* TRUE when the last load mapped an existing index instead of parsing. */
gboolean      bt_dictionary_from_cache   (BtDictionary    *self);
/* The file of the index, or NULL when it could not be written. */
const char   *bt_dictionary_get_cache_path (BtDictionary  *self);
/* Distinct headwords (Traditional and Simplified forms count once each). */
guint         bt_dictionary_get_n_headwords (BtDictionary *self);
/* Size of the English vocabulary: ids run from 0 to this minus one. */
guint         bt_dictionary_get_n_words  (BtDictionary    *self);

/* Longest match: the length in code points of the longest headword that
 * starts at @text[@pos] (0 when none does), looking at most at @len - @pos
 * code points. On a match, *@word_ids points to the sorted, distinct
 * English ids of all entries with that headword (it may hold none, e.g.
 * for particles whose glosses are all stop words); the array belongs to
 * the dictionary. */
guint         bt_dictionary_match        (BtDictionary    *self,
                                          const gunichar  *text,
                                          gsize            len,
                                          gsize            pos,
                                          const guint32  **word_ids,
                                          guint           *n_ids);
/* The same for a NUL-terminated UTF-8 headword, exact match only; FALSE
 * when it is not in the dictionary. */
gboolean      bt_dictionary_lookup       (BtDictionary    *self,
                                          const char      *headword,
                                          const guint32  **word_ids,
                                          guint           *n_ids);

/* The id of an already stemmed English word, or BT_DICTIONARY_NO_WORD. */
guint32       bt_dictionary_word_id      (BtDictionary    *self,
                                          const char      *stem);
/* The stem behind @id (for explanations), or NULL when out of range. */
const char   *bt_dictionary_word         (BtDictionary    *self,
                                          guint32          id);
/* Appends to @ids (a GArray of guint32) the id of every content word of
 * the English @text that the dictionary knows, in text order, repeats
 * kept. */
void          bt_dictionary_english_ids  (BtDictionary    *self,
                                          const char      *text,
                                          GArray          *ids);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BtDictionary, bt_dictionary_unref)

G_END_DECLS
