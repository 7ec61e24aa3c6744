/* bt-latin.h: Latin tokens (5G, CPC, GDP) inside Chinese text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint32 key;   /* hash of the token folded to lower case */
  guint   start; /* code points into the text */
  guint   end;
} BtLatinToken;

/* Appends a BtLatinToken to @tokens for each run of Latin letters and
 * digits (joined by "-", "." or "&" inside) of the Chinese @text that
 * holds at least one letter: "5G", "CPC", "COVID-19", "iPhone".
 * Full-width forms count as their ASCII twins. */
void    bt_latin_chinese_tokens (const char *text,
                                 GArray     *tokens);

/* Appends a BtLatinToken to @tokens for every word of the English @text
 * (same rules, no letter needed), so that a Chinese token is rendered when
 * its key is among them: "5G" ↔ "5G networks". */
void    bt_latin_english_tokens (const char *text,
                                 GArray     *tokens);

/* The key of one token as the functions above compute it. */
guint32 bt_latin_key            (const char *token,
                                 gssize      len);

G_END_DECLS
