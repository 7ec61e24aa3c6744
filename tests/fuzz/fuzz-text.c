/* fuzz-text.c: encoding detection and decoding of any bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bt-fuzz.h"
#include "bt-text.h"

static const char *forced[] = { NULL, "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "BIG5" };

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BtText) text = NULL;
  const char *encoding;

  if (size == 0)
    return 0;

  /* The first byte picks detection or a forced encoding. */
  encoding = forced[data[0] % G_N_ELEMENTS (forced)];
  bytes = g_bytes_new (data + 1, size - 1);
  text = bt_text_new_from_bytes (bytes, "fuzz.txt", encoding, NULL);
  if (text != NULL)
    {
      gsize length;
      const char *contents = bt_text_get_contents (text, &length);

      g_assert (g_utf8_validate (contents, length, NULL));
      g_assert (bt_text_get_line_number (text, length) >= 1);
    }

  return 0;
}
