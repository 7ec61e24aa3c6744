/* fuzz-bilingual.c: splitting any text into its two languages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bt-bilingual.h"
#include "bt-fuzz.h"
#include "bt-text.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(BtText) text = bt_text_new_from_bytes (bytes, "fuzz.txt", NULL, NULL);
  g_autoptr(BtDocument) source = NULL;
  g_autoptr(BtDocument) target = NULL;

  if (text == NULL)
    return 0;

  for (BtParagraphMode mode = BT_PARAGRAPH_MODE_AUTO; mode <= BT_PARAGRAPH_MODE_BLANK_LINES; mode++)
    {
      if (bt_bilingual_split (text, mode, &source, &target, NULL))
        {
          g_assert (bt_document_get_n_paragraphs (source) > 0);
          g_assert (bt_document_get_n_paragraphs (target) > 0);
        }
      g_clear_object (&source);
      g_clear_object (&target);
    }

  return 0;
}
