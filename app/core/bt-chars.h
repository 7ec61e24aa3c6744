/* bt-chars.h: the code points of a text, decoded where it costs least
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Texts of fewer bytes than this, the most (a sentence, a paragraph of
 * news), are decoded into the struct itself, on the caller's stack;
 * longer ones on the heap. */
#define BT_CHARS_STACK 256

typedef struct
{
  const gunichar *data;
  gsize           len;
  /*< private >*/
  gunichar       *heap;
  gunichar        stack[BT_CHARS_STACK];
} BtChars;

/* Decodes @text, valid nul-terminated UTF-8, into @chars, which must
 * stay where it is until bt_chars_clear(). */
void bt_chars_init  (BtChars    *chars,
                     const char *text);
void bt_chars_clear (BtChars    *chars);

G_END_DECLS
