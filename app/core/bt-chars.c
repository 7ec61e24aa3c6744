/* bt-chars.c: the code points of a text, decoded where it costs least
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bt-chars.h"

void
bt_chars_init (BtChars    *chars,
               const char *text)
{
  g_return_if_fail (chars != NULL);
  g_return_if_fail (text != NULL);

  chars->heap = NULL;
  chars->len = 0;
  if (strnlen (text, BT_CHARS_STACK) < BT_CHARS_STACK)
    {
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        chars->stack[chars->len++] = g_utf8_get_char (p);
      chars->data = chars->stack;
    }
  else
    {
      glong n = 0;

      chars->data = chars->heap = g_utf8_to_ucs4_fast (text, -1, &n);
      chars->len = n;
    }
}

void
bt_chars_clear (BtChars *chars)
{
  g_return_if_fail (chars != NULL);

  g_clear_pointer (&chars->heap, g_free);
  chars->data = NULL;
  chars->len = 0;
}
