/* bt-stem.h: English case folding, light stemming and stop words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called for each word of an English text. @stem is folded and stemmed
 * (valid only during the call); @start and @end are code point offsets
 * of the word in the text. */
typedef void (*BtStemWordFunc) (const char *stem,
                                guint       start,
                                guint       end,
                                gpointer    user_data);

/* Folds case and strips a light set of English suffixes (plural, -ed,
 * -ing, -ly, -ation, -ment, -ness, a few irregular forms), always the same
 * way: "Cities" and "city" both give "city", "developed" and
 * "development" both give "develop". @len may be -1. Never NULL. */
char     *bt_stem_word         (const char     *word,
                                gssize          len);

/* TRUE for function words ("the", "of", "is", "has"…); @word must be
 * folded to lower case, not stemmed. */
gboolean  bt_stem_is_stop_word (const char     *word);

/* Splits @text into words (runs of letters and digits; a trailing "'s"
 * is dropped) and calls @func with each stem, skipping stop words unless
 * @keep_stop_words. */
void      bt_stem_foreach      (const char     *text,
                                gboolean        keep_stop_words,
                                BtStemWordFunc  func,
                                gpointer        user_data);

G_END_DECLS
